import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { Actor } from '../../src/lib/server/audit/audit';
import { parseForm } from '../../src/lib/server/forms';
import { buildMeetingCalendar } from '../../src/lib/server/meetings/calendar';
import { meetingSchema } from '../../src/lib/server/meetings/forms';
import { CALENDAR_HOST, loadCalMeetings } from '../../src/lib/server/meetings/public';
import { createMeeting, getMeeting, listMeetings, listSessions } from '../../src/lib/server/meetings/queries';
import { saveSession } from '../../src/lib/server/meetings/session-store';
import { utcToLocalInput } from '../../src/lib/server/meetings/zoned-time';
import { seedDemoData } from '../../src/lib/server/seed';

const ORIGIN = 'https://ccm.example.org';

/** The public feed (/calendar.ics) as built from the database. */
async function feed(t: TestDb): Promise<string> {
	const cals = await loadCalMeetings(t.db, await listMeetings(t.db), ORIGIN);
	return buildMeetingCalendar(cals, { name: 'CCM meetings', host: CALENDAR_HOST });
}

/** Reads a feed as a calendar client does: its own VTIMEZONEs registered first, then the events. */
function parse(text: string): ICAL.Event[] {
	const root = new ICAL.Component(ICAL.parse(text));
	for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
	return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const utc = (time: ICAL.Time) => time.toJSDate().toISOString();
const sessionsOf = (events: ICAL.Event[], code: string) =>
	events.filter((e) => e.uid.startsWith('session-') && e.summary.startsWith(`${code}:`)).sort((a, b) => utc(a.startDate).localeCompare(utc(b.startDate)));

describe.each(engines)('calendar feed on %s', (engine) => {
	let t: TestDb;
	let actor: Actor;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
		const staff = await createUser(t.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
	});
	afterAll(async () => t.close());
	afterEach(() => ICAL.TimezoneService.reset());

	it('speaks French in a French feed: descriptions, and links to the French pages; UIDs as in English', async () => {
		const cals = await loadCalMeetings(t.db, await listMeetings(t.db), ORIGIN, 'fr');
		const events = parse(buildMeetingCalendar(cals, { name: 'Réunions', host: CALENDAR_HOST, locale: 'fr' }));
		const meeting = events.find((e) => e.uid === `meeting-9msp@${CALENDAR_HOST}`)!;
		expect(meeting.component.getFirstPropertyValue('url')).toBe(`${ORIGIN}/fr/meetings/9msp`);
		const [first] = sessionsOf(events, '9MSP');
		expect(first.uid).toBe(sessionsOf(parse(await feed(t)), '9MSP')[0].uid);
		expect(first.description).toContain('Points de l’ordre du jour\u00a0:\n- 1 Official opening of the Meeting');
		expect(first.description).toContain('Présidence\u00a0: Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka');
		expect(first.description).toContain(`${ORIGIN}/fr/meetings/9msp/programme#session-`);
	});

	it('shows the 9MSP as an all-day event and its six plenaries at the venue’s time', async () => {
		const events = parse(await feed(t));
		const meeting = events.find((e) => e.uid === `meeting-9msp@${CALENDAR_HOST}`)!;
		expect(meeting.startDate.isDate).toBe(true);
		expect(meeting.startDate.toString()).toBe('2019-09-02');
		expect(meeting.endDate.toString()).toBe('2019-09-05'); // exclusive: the day after 4 September
		expect(meeting.location).toBe('Palais des Nations, Geneva, Switzerland');

		const sessions = sessionsOf(events, '9MSP');
		expect(sessions).toHaveLength(6);
		const [first, second] = sessions;
		expect(utc(first.startDate)).toBe('2019-09-02T08:00:00.000Z');
		expect(utc(first.endDate)).toBe('2019-09-02T11:00:00.000Z');
		expect(first.startDate.zone?.tzid).toBe('Europe/Zurich');
		expect([first.startDate.hour, first.startDate.minute]).toEqual([10, 0]);
		expect(first.summary).toBe('9MSP: Morning plenary');
		expect(first.location).toBe('Room XIX, Palais des Nations, Geneva');
		expect(first.description).toContain('Agenda items:\n- 1 Official opening of the Meeting\n- 2 Election of the President and other officers');
		expect(first.description).toContain('Chair: Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka, President of the Meeting');
		expect(second.description).toContain('- 7 General exchange of views\n- 8 (a) Universalization');
		expect(utc(sessions[5].startDate)).toBe('2019-09-04T13:00:00.000Z');

		// Every meeting seeded is public and in the feed; 1MSP has no sessions.
		expect(events.filter((e) => e.uid.startsWith('meeting-')).length).toBe((await listMeetings(t.db)).length);
		expect(events.find((e) => e.uid === `meeting-1msp@${CALENDAR_HOST}`)?.startDate.toString()).toBe('2010-11-09');
	});

	it('keeps UIDs across rebuilds, and raises SEQUENCE on a changed session only', async () => {
		const before = await feed(t);
		expect(await feed(t)).toBe(before); // nothing changed, same text (and ETag)
		const old = parse(before);
		ICAL.TimezoneService.reset();

		const nine = (await getMeeting(t.db, '9msp'))!;
		const s = (await listSessions(t.db, nine.id))[1];
		const r = await saveSession(t.db, actor, nine, s.id, {
			title: 'Afternoon plenary',
			starts_at: '2019-09-02T15:30',
			ends_at: utcToLocalInput(s.ends_at, nine.time_zone),
			room: 'Room XVIII',
			chair: s.chair,
			agenda_item_ids: s.agendaItemIds
		});
		expect(r).toEqual({ ok: true, id: s.id });

		const now = parse(await feed(t));
		expect(now.map((e) => e.uid).sort()).toEqual(old.map((e) => e.uid).sort());
		const uid = `session-${s.id}@${CALENDAR_HOST}`;
		const was = old.find((e) => e.uid === uid)!;
		const is = now.find((e) => e.uid === uid)!;
		expect(is.sequence).toBeGreaterThan(was.sequence);
		expect(utc(is.startDate)).toBe('2019-09-02T13:30:00.000Z');
		expect(is.location).toMatch(/^Room XVIII,/);
		expect(is.description).toBe(was.description);
		// The other sessions have not changed for a calendar.
		const others = (events: ICAL.Event[]) =>
			sessionsOf(events, '9MSP')
				.filter((e) => e.uid !== uid)
				.map((e) => [e.uid, e.sequence, utc(e.startDate)]);
		expect(others(now)).toEqual(others(old));
	});

	it('leaves drafts out of the public feed', async () => {
		const parsed = parseForm(
			meetingSchema,
			form({ code: 'DRAFT2027', title: 'Not yet announced', kind: 'workshop', start_date: '2027-03-01', end_date: '2027-03-01', time_zone: 'Europe/Zurich' })
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		expect((await createMeeting(t.db, actor, parsed.data)).ok).toBe(true);
		expect(parse(await feed(t)).some((e) => e.uid.includes('draft2027'))).toBe(false);
	});
});

function form(fields: Record<string, string>): FormData {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	return fd;
}
