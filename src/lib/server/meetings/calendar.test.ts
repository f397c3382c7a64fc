import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
	buildMeetingCalendar,
	buildSessionCalendar,
	calendarEtag,
	compactUtc,
	googleCalendarLink,
	outlookLink,
	sessionLinkEvent,
	type CalMeeting,
	type CalSession,
	type CalendarOptions
} from './calendar';

const OPTS: CalendarOptions = { name: 'CCM meetings', host: 'ccm-meetings' };

function session(over: Partial<CalSession> = {}): CalSession {
	return {
		id: 1,
		title: 'First plenary meeting',
		startsAt: '2019-09-02T08:00:00.000Z',
		endsAt: '2019-09-02T10:00:00.000Z',
		room: 'Room XIX',
		chair: 'H.E. Ms Aliyu',
		agendaItems: ['1 Official opening of the Meeting', '8 (a) Universalization'],
		updatedAt: '2019-08-20T09:15:00.000Z',
		sequence: 2,
		url: 'https://ccm.example.org/meetings/9msp/sessions/1',
		...over
	};
}

function meeting(over: Partial<CalMeeting> = {}): CalMeeting {
	return {
		slug: '9msp',
		code: '9MSP',
		title: 'Ninth Meeting of States Parties',
		startDate: '2019-09-02',
		endDate: '2019-09-04',
		timeZone: 'Europe/Zurich',
		venue: 'Palais des Nations',
		city: 'Geneva',
		country: 'Switzerland',
		updatedAt: '2019-08-01T12:00:00.000Z',
		sequence: 1,
		url: 'https://ccm.example.org/meetings/9msp',
		sessions: [session()],
		...over
	};
}

/** Parses a feed the way a client does: its own VTIMEZONEs registered first, then the events. */
function parse(text: string): { root: ICAL.Component; events: Map<string, ICAL.Event> } {
	const root = new ICAL.Component(ICAL.parse(text));
	for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
	const events = new Map(root.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), new ICAL.Event(v)]));
	return { root, events };
}

function event(text: string, uid: string): ICAL.Event {
	const found = parse(text).events.get(uid);
	if (!found) throw new Error(`no event ${uid}`);
	return found;
}

const utc = (time: ICAL.Time) => time.toJSDate().toISOString();
const lines = (text: string) => text.split('\r\n');

afterEach(() => ICAL.TimezoneService.reset());

describe('buildMeetingCalendar: session times', () => {
	it('writes the venue clock with TZID and a VTIMEZONE that converts back to the right instant', () => {
		const text = buildMeetingCalendar([meeting()], OPTS);
		expect(lines(text)).toContain('DTSTART;TZID=Europe/Zurich:20190902T100000');
		expect(lines(text)).toContain('DTEND;TZID=Europe/Zurich:20190902T120000');
		const e = event(text, 'session-1@ccm-meetings');
		expect(e.startDate.zone?.tzid).toBe('Europe/Zurich');
		expect(utc(e.startDate)).toBe('2019-09-02T08:00:00.000Z');
		expect(utc(e.endDate)).toBe('2019-09-02T10:00:00.000Z');
	});

	it('uses winter time in December', () => {
		const text = buildMeetingCalendar([meeting({ sessions: [session({ startsAt: '2019-12-02T09:00:00Z', endsAt: '2019-12-02T12:00:00Z' })] })], OPTS);
		expect(lines(text)).toContain('DTSTART;TZID=Europe/Zurich:20191202T100000');
		expect(utc(event(text, 'session-1@ccm-meetings').startDate)).toBe('2019-12-02T09:00:00.000Z');
	});

	it('has exactly one VTIMEZONE for every TZID used, and none unused', () => {
		const ny = meeting({
			slug: 'ny',
			timeZone: 'America/New_York',
			sessions: [session({ id: 2, startsAt: '2019-09-02T14:00:00Z', endsAt: '2019-09-02T16:00:00Z' })]
		});
		const laos = meeting({
			slug: 'laos',
			timeZone: 'Asia/Vientiane',
			sessions: [session({ id: 3, startsAt: '2010-11-09T03:00:00Z', endsAt: '2010-11-09T06:00:00Z' })]
		});
		const empty = meeting({ slug: 'empty', timeZone: 'Asia/Tokyo', sessions: [] });
		const text = buildMeetingCalendar([meeting(), meeting(), ny, laos, empty], OPTS);
		const tzids = [...text.matchAll(/^TZID:(.+)$/gm)].map((m) => m[1].trim());
		expect(tzids.sort()).toEqual(['America/New_York', 'Asia/Vientiane', 'Europe/Zurich']);
		const used = new Set([...text.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]));
		expect([...used].sort()).toEqual(tzids);
		expect(lines(text)).toContain('DTSTART;TZID=America/New_York:20190902T100000');
		expect(lines(text)).toContain('DTSTART;TZID=Asia/Vientiane:20101109T100000');
		const { events } = parse(text);
		expect(utc(events.get('session-2@ccm-meetings')!.startDate)).toBe('2019-09-02T14:00:00.000Z');
		expect(utc(events.get('session-3@ccm-meetings')!.startDate)).toBe('2010-11-09T03:00:00.000Z');
	});

	it('keeps a session across the October DST change exact at both ends', () => {
		// Saturday 23:00 CEST to Sunday 09:00 CET: 10 hours on the clock, 11 real hours.
		const night = session({ startsAt: '2019-10-26T21:00:00Z', endsAt: '2019-10-27T08:00:00Z' });
		const text = buildMeetingCalendar([meeting({ sessions: [night] })], OPTS);
		expect(lines(text)).toContain('DTSTART;TZID=Europe/Zurich:20191026T230000');
		expect(lines(text)).toContain('DTEND;TZID=Europe/Zurich:20191027T090000');
		const e = event(text, 'session-1@ccm-meetings');
		expect(utc(e.startDate)).toBe('2019-10-26T21:00:00.000Z');
		expect(utc(e.endDate)).toBe('2019-10-27T08:00:00.000Z');
		expect(e.duration.toSeconds()).toBe(11 * 3600);
	});

	it('writes in UTC a time inside the repeated hour, which clients read differently', () => {
		// 02:30 CEST, the first 02:30 of 27 October 2019.
		const early = session({ startsAt: '2019-10-27T00:30:00Z', endsAt: '2019-10-27T03:00:00Z' });
		const text = buildMeetingCalendar([meeting({ sessions: [early] })], OPTS);
		expect(lines(text)).toContain('DTSTART:20191027T003000Z');
		expect(lines(text)).toContain('DTEND:20191027T030000Z');
		expect(text).not.toContain('BEGIN:VTIMEZONE');
		const e = event(text, 'session-1@ccm-meetings');
		expect(utc(e.startDate)).toBe('2019-10-27T00:30:00.000Z');
		expect(utc(e.endDate)).toBe('2019-10-27T03:00:00.000Z');
	});

	it('writes in UTC where the packaged VTIMEZONE is out of date or missing', () => {
		// Mexico City has had no DST since 2022; the package still has the 2018 rules.
		const mexico = meeting({
			slug: 'mx',
			timeZone: 'America/Mexico_City',
			sessions: [session({ id: 4, startsAt: '2023-06-05T15:00:00Z', endsAt: '2023-06-05T17:00:00Z' })]
		});
		const kyiv = meeting({
			slug: 'kyiv',
			timeZone: 'Europe/Kyiv',
			sessions: [session({ id: 5, startsAt: '2023-06-05T07:00:00Z', endsAt: '2023-06-05T09:00:00Z' })]
		});
		const text = buildMeetingCalendar([mexico, kyiv], OPTS);
		expect(text).not.toContain('TZID');
		expect(lines(text)).toContain('DTSTART:20230605T150000Z');
		const { events } = parse(text);
		expect(utc(events.get('session-4@ccm-meetings')!.startDate)).toBe('2023-06-05T15:00:00.000Z');
		expect(utc(events.get('session-5@ccm-meetings')!.startDate)).toBe('2023-06-05T07:00:00.000Z');
	});

	it('still writes other zones of the same feed with TZID', () => {
		const mexico = meeting({
			slug: 'mx',
			timeZone: 'America/Mexico_City',
			sessions: [session({ id: 4, startsAt: '2023-06-05T15:00:00Z', endsAt: '2023-06-05T17:00:00Z' })]
		});
		const text = buildMeetingCalendar([meeting(), mexico], OPTS);
		expect(lines(text)).toContain('DTSTART;TZID=Europe/Zurich:20190902T100000');
		expect(text).not.toContain('TZID:America/Mexico_City');
	});

	it('refuses times that are not instants', () => {
		expect(() => buildMeetingCalendar([meeting({ sessions: [session({ startsAt: 'tomorrow' })] })], OPTS)).toThrow(RangeError);
		expect(() => buildMeetingCalendar([meeting({ startDate: '2019-9-2' })], OPTS)).toThrow(RangeError);
	});
});

describe('buildMeetingCalendar: the meeting as an all-day event', () => {
	it('spans the dates with an exclusive DTEND, the day after the last day', () => {
		const text = buildMeetingCalendar([meeting()], OPTS);
		expect(lines(text)).toContain('DTSTART;VALUE=DATE:20190902');
		expect(lines(text)).toContain('DTEND;VALUE=DATE:20190905');
		const e = event(text, 'meeting-9msp@ccm-meetings');
		expect(e.startDate.isDate).toBe(true);
		expect(e.startDate.toString()).toBe('2019-09-02');
		expect(e.endDate.toString()).toBe('2019-09-05');
		expect(e.summary).toBe('9MSP: Ninth Meeting of States Parties');
		expect(e.location).toBe('Palais des Nations, Geneva, Switzerland');
		expect(e.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
		expect(e.component.getFirstPropertyValue('url')).toBe('https://ccm.example.org/meetings/9msp');
	});

	it('rolls the end over months and years, and handles one-day meetings', () => {
		const text = buildMeetingCalendar(
			[meeting({ slug: 'a', startDate: '2019-09-30', endDate: '2019-09-30' }), meeting({ slug: 'b', startDate: '2019-12-30', endDate: '2019-12-31' })],
			OPTS
		);
		const { events } = parse(text);
		expect(events.get('meeting-a@ccm-meetings')!.endDate.toString()).toBe('2019-10-01');
		expect(events.get('meeting-b@ccm-meetings')!.endDate.toString()).toBe('2020-01-01');
	});

	it('does not depend on the server’s own time zone', () => {
		const meetings = [meeting(), meeting({ slug: 'k', timeZone: 'Pacific/Kiritimati' }), meeting({ slug: 'p', timeZone: 'Pacific/Pago_Pago' })];
		const reference = buildMeetingCalendar(meetings, OPTS);
		const saved = process.env.TZ;
		try {
			for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Zurich']) {
				process.env.TZ = zone;
				expect(new Date(2019, 8, 2).getTimezoneOffset()).not.toBe(0);
				expect(buildMeetingCalendar(meetings, OPTS)).toBe(reference);
			}
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
		expect(reference.match(/DTSTART;VALUE=DATE:20190902/g)).toHaveLength(3);
	});
});

describe('buildMeetingCalendar: identity and versions', () => {
	it('gives stable UIDs and the same text for the same data', () => {
		const a = buildMeetingCalendar([meeting()], OPTS);
		const b = buildMeetingCalendar([meeting()], OPTS);
		expect(a).toBe(b);
		expect([...a.matchAll(/^UID:(.+)$/gm)].map((m) => m[1].trim())).toEqual(['meeting-9msp@ccm-meetings', 'session-1@ccm-meetings']);
		expect(calendarEtag(a)).toBe(calendarEtag(b));
	});

	it('writes SEQUENCE, LAST-MODIFIED and DTSTAMP from the data', () => {
		const text = buildMeetingCalendar([meeting()], OPTS);
		const m = event(text, 'meeting-9msp@ccm-meetings').component;
		expect(m.getFirstPropertyValue('sequence')).toBe(1);
		expect(String(m.getFirstPropertyValue('last-modified'))).toBe('2019-08-01T12:00:00Z');
		expect(String(m.getFirstPropertyValue('dtstamp'))).toBe('2019-08-01T12:00:00Z');
		const s = event(text, 'session-1@ccm-meetings').component;
		// The session also shows the meeting's code and venue: its counter includes the meeting's.
		expect(s.getFirstPropertyValue('sequence')).toBe(3);
		expect(String(s.getFirstPropertyValue('last-modified'))).toBe('2019-08-20T09:15:00Z');
	});

	it('dates a session by the later of its own and its meeting’s last change', () => {
		const text = buildMeetingCalendar([meeting({ updatedAt: '2019-08-25T00:00:00Z', sequence: 4 })], OPTS);
		const s = event(text, 'session-1@ccm-meetings').component;
		expect(String(s.getFirstPropertyValue('last-modified'))).toBe('2019-08-25T00:00:00Z');
		expect(String(s.getFirstPropertyValue('dtstamp'))).toBe('2019-08-25T00:00:00Z');
		expect(s.getFirstPropertyValue('sequence')).toBe(6);
	});

	it('changes the ETag when a session changes', () => {
		const before = buildMeetingCalendar([meeting()], OPTS);
		const after = buildMeetingCalendar([meeting({ sessions: [session({ room: 'Room XX', sequence: 3 })] })], OPTS);
		expect(calendarEtag(after)).not.toBe(calendarEtag(before));
	});

	it('uses the host given for UIDs', () => {
		const text = buildMeetingCalendar([meeting()], { name: 'x', host: 'ccm.example.org' });
		expect(lines(text)).toContain('UID:session-1@ccm.example.org');
	});
});

describe('buildMeetingCalendar: text', () => {
	it('escapes commas, semicolons and backslashes, and clients read them back', () => {
		const title = 'Plenary; morning, part 1 \\ closed';
		const text = buildMeetingCalendar([meeting({ title: 'Meeting; with, marks', sessions: [session({ title })] })], OPTS);
		expect(lines(text)).toContain('SUMMARY:9MSP: Plenary\\; morning\\, part 1 \\\\ closed');
		expect(event(text, 'session-1@ccm-meetings').summary).toBe(`9MSP: ${title}`);
		expect(event(text, 'meeting-9msp@ccm-meetings').summary).toBe('9MSP: Meeting; with, marks');
	});

	it('describes the agenda items, the chair and the page', () => {
		const e = event(buildMeetingCalendar([meeting()], OPTS), 'session-1@ccm-meetings');
		expect(e.description).toBe(
			'Agenda items:\n- 1 Official opening of the Meeting\n- 8 (a) Universalization\nChair: H.E. Ms Aliyu\nhttps://ccm.example.org/meetings/9msp/sessions/1'
		);
		expect(e.location).toBe('Room XIX, Palais des Nations, Geneva');
		expect(e.component.getFirstPropertyValue('url')).toBe('https://ccm.example.org/meetings/9msp/sessions/1');
	});

	it('describes them in the feed’s language', () => {
		const text = buildMeetingCalendar([meeting()], { ...OPTS, locale: 'fr' });
		expect(event(text, 'session-1@ccm-meetings').description).toBe(
			'Points de l’ordre du jour\u00a0:\n- 1 Official opening of the Meeting\n- 8 (a) Universalization\nPrésidence\u00a0: H.E. Ms Aliyu\nhttps://ccm.example.org/meetings/9msp/sessions/1'
		);
		expect(lines(text)).toContain('PRODID:-//CCM Meetings//Programme//FR');
		const one = buildSessionCalendar(meeting(), 1, { ...OPTS, locale: 'es' })!;
		expect(event(one, 'session-1@ccm-meetings').description).toMatch(/^Temas del programa:\n- 1 Official/);
		expect(event(one, 'session-1@ccm-meetings').description).toContain('Presidencia: H.E. Ms Aliyu');
		expect(sessionLinkEvent(meeting(), session(), 'fr').details).toContain('Présidence\u00a0: H.E. Ms Aliyu');
	});

	it('leaves out what is not known', () => {
		const bare = meeting({ venue: null, city: null, country: null, sessions: [session({ room: null, chair: null, agendaItems: [] })] });
		const { events } = parse(buildMeetingCalendar([bare], OPTS));
		expect(events.get('session-1@ccm-meetings')!.description).toBe('https://ccm.example.org/meetings/9msp/sessions/1');
		expect(events.get('session-1@ccm-meetings')!.location).toBeNull();
		expect(events.get('meeting-9msp@ccm-meetings')!.location).toBeNull();
	});

	it('folds long lines at 75 octets with CRLF, and keeps non-ASCII text whole', () => {
		const long = 'Consideration of requests submitted under Articles 3 and 4 — délais, Côte d’Ivoire, 東京 '.repeat(4);
		const text = buildMeetingCalendar([meeting({ sessions: [session({ agendaItems: [long] })] })], OPTS);
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text).not.toMatch(/[^\r]\n/);
		for (const line of lines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(event(text, 'session-1@ccm-meetings').description).toContain(`- ${long}`);
	});

	it('names the calendar', () => {
		const { root } = parse(buildMeetingCalendar([meeting()], OPTS));
		expect(root.getFirstPropertyValue('x-wr-calname')).toBe('CCM meetings');
		expect(root.getFirstPropertyValue('version')).toBe('2.0');
	});
});

describe('buildSessionCalendar', () => {
	const two = meeting({ sessions: [session(), session({ id: 2, title: 'Second plenary', startsAt: '2019-09-02T13:00:00Z', endsAt: '2019-09-02T16:00:00Z' })] });

	it('holds that session only, with the feed’s UID and its VTIMEZONE', () => {
		const text = buildSessionCalendar(two, 2, OPTS);
		if (!text) throw new Error('no calendar');
		const { events } = parse(text);
		expect([...events.keys()]).toEqual(['session-2@ccm-meetings']);
		expect(lines(text)).toContain('DTSTART;TZID=Europe/Zurich:20190902T150000');
		expect(text).toContain('TZID:Europe/Zurich');
		expect(utc(events.get('session-2@ccm-meetings')!.startDate)).toBe('2019-09-02T13:00:00.000Z');
	});

	it('returns null for a session of another meeting', () => {
		expect(buildSessionCalendar(two, 99, OPTS)).toBeNull();
	});
});

describe('calendarEtag', () => {
	it('is the quoted SHA-256 of the text', () => {
		expect(calendarEtag('abc')).toBe('"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"');
		expect(calendarEtag('')).toMatch(/^"[0-9a-f]{64}"$/);
		expect(calendarEtag('é')).not.toBe(calendarEtag('e'));
	});
});

describe('add-to-calendar links', () => {
	const linkEvent = sessionLinkEvent(meeting(), session());

	it('formats instants the way Google wants', () => {
		expect(compactUtc('2019-09-02T08:00:00.000Z')).toBe('20190902T080000Z');
		expect(compactUtc('2019-09-02T10:00:00+02:00')).toBe('20190902T080000Z');
	});

	it('builds a Google Calendar link with UTC dates and the venue zone', () => {
		const link = googleCalendarLink(linkEvent);
		expect(link).toContain('dates=20190902T080000Z/20190902T100000Z');
		const url = new URL(link);
		expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
		expect(url.searchParams.get('action')).toBe('TEMPLATE');
		expect(url.searchParams.get('text')).toBe('9MSP: First plenary meeting');
		expect(url.searchParams.get('location')).toBe('Room XIX, Palais des Nations, Geneva');
		expect(url.searchParams.get('details')).toContain('8 (a) Universalization');
		expect(url.searchParams.get('ctz')).toBe('Europe/Zurich');
		expect(link).not.toContain('+');
	});

	it('builds Outlook links for work and personal accounts', () => {
		const work = new URL(outlookLink(linkEvent));
		expect(work.host).toBe('outlook.office.com');
		expect(work.searchParams.get('rru')).toBe('addevent');
		expect(work.searchParams.get('subject')).toBe('9MSP: First plenary meeting');
		expect(work.searchParams.get('startdt')).toBe('2019-09-02T08:00:00.000Z');
		expect(work.searchParams.get('enddt')).toBe('2019-09-02T10:00:00.000Z');
		expect(work.searchParams.get('body')).toContain('Chair: H.E. Ms Aliyu');
		expect(new URL(outlookLink(linkEvent, 'personal')).host).toBe('outlook.live.com');
		expect(outlookLink(linkEvent)).toContain('subject=9MSP%3A%20First%20plenary%20meeting');
	});

	it('leaves out empty fields and escapes the rest', () => {
		const link = googleCalendarLink({ title: 'A & B = C?', startsAt: '2019-09-02T08:00:00Z', endsAt: '2019-09-02T09:00:00Z', location: null, details: '' });
		const url = new URL(link);
		expect(url.searchParams.get('text')).toBe('A & B = C?');
		expect(url.searchParams.has('location')).toBe(false);
		expect(url.searchParams.has('details')).toBe(false);
		expect(url.searchParams.has('ctz')).toBe(false);
	});
});
