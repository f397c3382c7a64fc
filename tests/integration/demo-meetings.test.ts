import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData } from '../../src/lib/server/seed';
import { tuesdayFrom } from '../../src/lib/server/seed/meetings';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe('tuesdayFrom', () => {
	it('moves to the next Tuesday, keeping a Tuesday', () => {
		expect(tuesdayFrom('2027-02-12')).toBe('2027-02-16'); // a Friday
		expect(tuesdayFrom('2027-02-16')).toBe('2027-02-16');
		expect(tuesdayFrom('2027-02-17')).toBe('2027-02-23');
	});
});

describe.each(engines)('the seeded meetings as they were on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		// A Saturday: 75 days later is a Sunday, which the old seed used as the first day.
		await seedDemoData(t.db, new Date('2026-11-28T12:00:00Z'));
	});
	afterAll(() => t.close());

	const meeting = (code: string) => t.db.selectFrom('meetings').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
	const sessions = async (code: string) =>
		t.db
			.selectFrom('meeting_sessions')
			.selectAll()
			.where('meeting_id', '=', (await meeting(code)).id)
			.orderBy('starts_at')
			.execute();

	it("has the 9MSP's President chair its plenaries, and names the Presidents the sources give", async () => {
		const nine = await sessions('9MSP');
		expect(nine).toHaveLength(6);
		for (const s of nine) expect(s.chair).toBe('Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka, President of the Meeting');
		expect((await meeting('9MSP')).description).toContain('President: Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka.');
		expect((await meeting('12MSP')).description).toBe('President: Ambassador Francisca Elizabeth Méndez Escobar of Mexico.');
		expect((await meeting('2MSP')).description).toContain('Adnan Mansour of Lebanon');
		expect((await meeting('8MSP')).description).toMatch(/^Presided by Carlos Morales Dávila of Nicaragua/);
		expect((await meeting('2RC-2')).description).toBe('President: Ambassador Félix Baumann of Switzerland.');
		// The sources name no President of the 1RC: nothing is made up.
		expect((await meeting('1RC')).description).toBeNull();
	});

	it('runs the demonstration meeting on weekdays, with a programme on every day and an agenda after the latest MSPs', async () => {
		const demo = await meeting('14MSP');
		const first = demo.start_date.slice(0, 10);
		const last = demo.end_date.slice(0, 10);
		expect([weekday(first), weekday(last)]).toEqual([2, 5]); // Tuesday to Friday
		const days = new Set((await sessions('14MSP')).map((s) => new Date(s.starts_at).toLocaleDateString('sv', { timeZone: demo.time_zone })));
		const expected = Array.from({ length: 4 }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
		expect([...days].sort()).toEqual(expected);
		expect(expected.at(-1)).toBe(last);

		const agenda = await t.db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', demo.id).orderBy('position').execute();
		expect(agenda.some((a) => /Review Conference/.test(a.title))).toBe(false);
		expect(agenda.map((a) => a.title)).toContain('Date, duration, venue and presidency of the next meetings');
		// Every item is taken up in some plenary.
		const covered = await t.db
			.selectFrom('session_agenda_items as sa')
			.innerJoin('meeting_sessions as s', 's.id', 'sa.session_id')
			.select('sa.agenda_item_id')
			.where('s.meeting_id', '=', demo.id)
			.execute();
		expect(new Set(covered.map((c) => c.agenda_item_id))).toEqual(new Set(agenda.map((a) => a.id)));
		// Registration and sponsorship are still open on the first start.
		expect(demo.registration_opens_at! < '2026-11-28T12:00:00Z').toBe(true);
		expect(demo.registration_closes_at! > '2026-11-28T12:00:00Z').toBe(true);
	});
});
