import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData } from '../../src/lib/server/seed';
import { review } from '../../src/lib/server/sponsorship/store';

describe.each(engines)('demonstration people on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	const demo = () => t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();
	const registrations = async () =>
		t.db
			.selectFrom('registrations')
			.selectAll()
			.where('meeting_id', '=', (await demo()).id)
			.orderBy('id')
			.execute();

	it('puts people in the demonstration meeting, in several statuses, and nowhere else', async () => {
		const regs = await registrations();
		expect(regs.length).toBeGreaterThan(15);
		expect(new Set(regs.map((r) => r.status))).toEqual(new Set(['approved', 'pending', 'rejected']));
		expect(regs.every((r) => r.email!.endsWith('@demo.example.org'))).toBe(true);
		expect(new Set(regs.map((r) => r.email)).size).toBe(regs.length);
		expect(new Set(regs.map((r) => r.badge_token)).size).toBe(regs.length);
		const elsewhere = await t.db
			.selectFrom('registrations')
			.select('id')
			.where('meeting_id', '!=', (await demo()).id)
			.execute();
		expect(elsewhere).toEqual([]);
	});

	it('keeps the counters as registering does: places held by the meeting and by each delegation', async () => {
		const m = await demo();
		const regs = await registrations();
		expect(m.places_held).toBe(regs.filter((r) => r.holds_place === 1).length);
		expect(regs.filter((r) => r.holds_place === 1).every((r) => r.status === 'pending' || r.status === 'approved')).toBe(true);
		const delegations = await t.db
			.selectFrom('delegations as d')
			.select([
				'd.id',
				'd.places_held',
				sql<number>`(select count(*) from registrations r where r.delegation_id = d.id and r.status in ('pending', 'approved', 'waitlisted'))`.as('live')
			])
			.where('d.meeting_id', '=', m.id)
			.execute();
		expect(delegations.length).toBeGreaterThan(5);
		for (const d of delegations) expect(Number(d.places_held)).toBe(Number(d.live));
	});

	it('gives the sponsorship review applications to rank, some endorsed, within the budget', async () => {
		const r = await review(t.db, await demo());
		expect(r.rows.map((x) => x.state).sort()).toEqual(['Colombia', 'Iraq', 'Lebanon', 'Mozambique', 'Philippines']);
		expect(r.rows.filter((x) => x.endorsement === 'endorsed')).toHaveLength(3);
		expect(r.rows.every((x) => x.airfareCentimes > 0 && x.nights > 0)).toBe(true);
		expect(r.allocation).not.toBeNull();
	});

	it('does not come back on the next start', async () => {
		const before = (await registrations()).length;
		await seedDemoData(t.db, new Date('2026-11-27T12:00:00Z'));
		expect((await registrations()).length).toBe(before);
	});
});
