/**
 * iCalendar feeds of meetings and their sessions (RFC 5545), and "add to calendar" links.
 *
 * Session times are written in the meeting's zone (`DTSTART;TZID=Europe/Zurich:20190902T100000`) with the matching
 * VTIMEZONE, so calendars show the venue's clock and follow its DST. ical-generator only labels a time with TZID: it
 * must be given a zone-aware date (a TZDate), or it writes the UTC clock under the zone's name. Where no trustworthy
 * VTIMEZONE exists (see vtimezone.ts), the session is written in UTC, which every client reads right.
 *
 * The output is a pure function of the input (DTSTAMP is the last change, not "now"), so the ETag changes only
 * when something a calendar shows has changed.
 */
import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { verifiedVtimezone } from './vtimezone';
import { localToUtcCandidates, utcToLocalInput } from './zoned-time';

export interface CalSession {
	id: number;
	title: string;
	/** The language of `title` (the page's, or English where not translated); absent: English. */
	titleLang?: string;
	/** ISO UTC instants. */
	startsAt: string;
	endsAt: string;
	room: string | null;
	chair: string | null;
	/** Labels with titles as shown on the programme, e.g. '8 (a) Universalization'. */
	agendaItems: string[];
	/** The language of each of agendaItems' titles, when known. */
	agendaItemLangs?: string[];
	updatedAt: string;
	sequence: number;
	/** Absolute URL of the session's page. */
	url: string;
}

export interface CalMeeting {
	slug: string;
	code: string;
	title: string;
	titleLang?: string;
	/** Venue dates 'YYYY-MM-DD', both inclusive. */
	startDate: string;
	endDate: string;
	timeZone: string;
	venue: string | null;
	city: string | null;
	country: string | null;
	updatedAt: string;
	sequence: number;
	/** Absolute URL of the meeting's page. */
	url: string;
	sessions: CalSession[];
}

export interface CalendarOptions {
	/** Calendar name shown by clients (X-WR-CALNAME). */
	name: string;
	/** Right-hand side of UIDs, e.g. 'ccm-meetings' or the site's host: keep it fixed, or clients see new events. */
	host: string;
	/** The language of the events' descriptions (the feed's address's: `/fr/…/calendar.ics`); English by default. */
	locale?: Locale;
}

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function instant(iso: string, what: string): number {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO instant: ${iso}`);
	return ms;
}

function allDay(date: string, addDays = 0): Date {
	if (!PLAIN_DATE.test(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
	return new Date(Date.parse(`${date}T00:00:00Z`) + addDays * DAY_MS);
}

const joined = (parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(', ');
const latest = (...isos: string[]) => new Date(Math.max(...isos.map((iso) => instant(iso, 'updatedAt'))));

export const meetingUid = (meeting: CalMeeting, host: string) => `meeting-${meeting.slug}@${host}`;
export const sessionUid = (session: CalSession, host: string) => `session-${session.id}@${host}`;

export function sessionSummary(meeting: CalMeeting, session: CalSession): string {
	return `${meeting.code}: ${session.title}`;
}

export function sessionLocation(meeting: CalMeeting, session: CalSession): string {
	return joined([session.room, meeting.venue, meeting.city]);
}

/** Agenda items taken up, the chair, and the page: what a delegate needs without opening the site. */
export function sessionDescription(session: CalSession, locale: Locale = 'en'): string {
	const lines: string[] = [];
	if (session.agendaItems.length) lines.push(m.pub_cal_agenda_items({}, { locale }), ...session.agendaItems.map((item) => `- ${item}`));
	if (session.chair) lines.push(m.pub_cal_chair({ chair: session.chair }, { locale }));
	lines.push(session.url);
	return lines.join('\n');
}

/**
 * A session's wall-clock time can be written with TZID only if the zone has a trustworthy VTIMEZONE and the time
 * has one reading: in an hour repeated when clocks go back, RFC 5545 says the first but ical.js takes the second.
 * Seconds are checked too: the wall clock is written to the second.
 */
function zonedTimesOk(meeting: CalMeeting, session: CalSession, zones: Map<string, string | null>): boolean {
	if (!zones.get(meeting.timeZone)) return false;
	return [session.startsAt, session.endsAt].every((iso) => {
		const ms = instant(iso, 'time');
		const seconds = `:${String(new Date(ms).getUTCSeconds()).padStart(2, '0')}`;
		const readings = localToUtcCandidates(utcToLocalInput(iso, meeting.timeZone) + seconds, meeting.timeZone);
		return readings.length === 1 && Date.parse(readings[0]) === ms;
	});
}

/** One VTIMEZONE check per zone, over every instant the feed writes in that zone. */
function checkedZones(meetings: readonly CalMeeting[]): Map<string, string | null> {
	const instants = new Map<string, number[]>();
	for (const m of meetings) {
		const list = instants.get(m.timeZone) ?? [];
		for (const s of m.sessions) list.push(instant(s.startsAt, 'startsAt'), instant(s.endsAt, 'endsAt'));
		instants.set(m.timeZone, list);
	}
	return new Map([...instants].map(([zone, list]) => [zone, verifiedVtimezone(zone, list)]));
}

function addMeeting(cal: ICalCalendar, meeting: CalMeeting, host: string): void {
	const updated = latest(meeting.updatedAt);
	cal.createEvent({
		id: meetingUid(meeting, host),
		allDay: true,
		start: allDay(meeting.startDate),
		// DTEND of an all-day event is exclusive: the day after the last day.
		end: allDay(meeting.endDate, 1),
		summary: `${meeting.code}: ${meeting.title}`,
		location: joined([meeting.venue, meeting.city, meeting.country]) || null,
		description: meeting.url,
		url: meeting.url,
		sequence: meeting.sequence,
		stamp: updated,
		lastModified: updated,
		// The sessions are the busy time; the span of the meeting should not block whole days in free/busy.
		transparency: ICalEventTransparency.TRANSPARENT
	});
}

function addSession(cal: ICalCalendar, meeting: CalMeeting, session: CalSession, host: string, zones: Map<string, string | null>, locale: Locale): void {
	const start = instant(session.startsAt, 'startsAt');
	const end = instant(session.endsAt, 'endsAt');
	const zoned = zonedTimesOk(meeting, session, zones);
	// The session shows the meeting's code, venue and city: a change to those is a change to the session too.
	const updated = latest(session.updatedAt, meeting.updatedAt);
	cal.createEvent({
		id: sessionUid(session, host),
		start: zoned ? new TZDate(start, meeting.timeZone) : new Date(start),
		end: zoned ? new TZDate(end, meeting.timeZone) : new Date(end),
		timezone: zoned ? meeting.timeZone : null,
		summary: sessionSummary(meeting, session),
		location: sessionLocation(meeting, session) || null,
		description: sessionDescription(session, locale),
		url: session.url,
		// Both counters only grow, so their sum grows whenever either side changes.
		sequence: session.sequence + meeting.sequence,
		stamp: updated,
		lastModified: updated
	});
}

function newCalendar(opts: CalendarOptions, zones: Map<string, string | null>): ICalCalendar {
	return ical({
		name: opts.name,
		prodId: { company: 'CCM Meetings', product: 'Programme', language: (opts.locale ?? 'en').toUpperCase() },
		// No calendar-wide zone (name null): each session carries its meeting's; the generator gives its VTIMEZONE.
		timezone: { name: null, generator: (zone) => zones.get(zone) ?? null }
	});
}

/** The .ics text of a feed: one all-day event per meeting and one event per session. */
export function buildMeetingCalendar(meetings: readonly CalMeeting[], opts: CalendarOptions): string {
	const zones = checkedZones(meetings);
	const cal = newCalendar(opts, zones);
	for (const meeting of meetings) {
		addMeeting(cal, meeting, opts.host);
		for (const session of meeting.sessions) addSession(cal, meeting, session, opts.host, zones, opts.locale ?? 'en');
	}
	return cal.toString();
}

/** The .ics text for one session (same UID as in the feed, so importing it twice does not duplicate it); null if the meeting has no such session. */
export function buildSessionCalendar(meeting: CalMeeting, sessionId: number, opts: CalendarOptions): string | null {
	const session = meeting.sessions.find((s) => s.id === sessionId);
	if (!session) return null;
	const one = { ...meeting, sessions: [session] };
	const zones = checkedZones([one]);
	const cal = newCalendar(opts, zones);
	addSession(cal, one, session, opts.host, zones, opts.locale ?? 'en');
	return cal.toString();
}

/** A strong ETag for a calendar body: the quoted SHA-256 of the text. */
export function calendarEtag(text: string): string {
	return `"${createHash('sha256').update(text, 'utf8').digest('hex')}"`;
}

/** What an "add to calendar" link carries. */
export interface CalendarLinkEvent {
	title: string;
	/** ISO UTC instants. */
	startsAt: string;
	endsAt: string;
	location?: string | null;
	details?: string | null;
	/** Zone the calendar should show the event in (Google's ctz). */
	timeZone?: string | null;
}

/** The same title, place and description as the session's event in the .ics feed. */
export function sessionLinkEvent(meeting: CalMeeting, session: CalSession, locale: Locale = 'en'): CalendarLinkEvent {
	return {
		title: sessionSummary(meeting, session),
		startsAt: session.startsAt,
		endsAt: session.endsAt,
		location: sessionLocation(meeting, session),
		details: sessionDescription(session, locale),
		timeZone: meeting.timeZone
	};
}

/** '2019-09-02T08:00:00.000Z' → '20190902T080000Z' (Google's `dates` format). */
export function compactUtc(iso: string): string {
	return new Date(instant(iso, 'time'))
		.toISOString()
		.replace(/\.\d{3}/, '')
		.replace(/[-:]/g, '');
}

/** Query string with %20 for spaces: Outlook shows a '+' from URLSearchParams literally. Google's dates keep their '/'. */
function query(params: Record<string, string | null | undefined>): string {
	return Object.entries(params)
		.filter((entry): entry is [string, string] => !!entry[1])
		.map(([key, value]) => `${key}=${key === 'dates' ? value : encodeURIComponent(value)}`)
		.join('&');
}

/** Google Calendar's "create event" page, pre-filled. */
export function googleCalendarLink(event: CalendarLinkEvent): string {
	return `https://calendar.google.com/calendar/render?${query({
		action: 'TEMPLATE',
		text: event.title,
		dates: `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`,
		details: event.details,
		location: event.location,
		ctz: event.timeZone
	})}`;
}

/** Outlook on the web's compose page: 'work' for Microsoft 365 accounts (the UN's), 'personal' for outlook.com. */
export function outlookLink(event: CalendarLinkEvent, account: 'work' | 'personal' = 'work'): string {
	const host = account === 'work' ? 'outlook.office.com' : 'outlook.live.com';
	return `https://${host}/calendar/0/deeplink/compose?${query({
		path: '/calendar/action/compose',
		rru: 'addevent',
		subject: event.title,
		startdt: new Date(instant(event.startsAt, 'startsAt')).toISOString(),
		enddt: new Date(instant(event.endsAt, 'endsAt')).toISOString(),
		body: event.details,
		location: event.location
	})}`;
}
