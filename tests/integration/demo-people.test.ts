import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData } from '../../src/lib/server/seed';
import { review } from '../../src/lib/server/sponsorship/store';
import { statesAsAt } from '../../src/lib/server/organizations/state-facts';

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
		expect(r.rows.map((x) => x.state).sort()).toEqual(['Angola', 'Cambodia', 'Chad', 'Colombia', 'Iraq', 'Mozambique', 'Philippines']);
		expect(r.rows.filter((x) => x.endorsement === 'endorsed')).toHaveLength(4);
		expect(r.rows.every((x) => x.airfareCentimes > 0 && x.nights > 0)).toBe(true);
		expect(r.allocation).not.toBeNull();
	});

	it('spreads the ranking: no two applications tie on total unless their facts and answers are the same', async () => {
		const m = await demo();
		const r = await review(t.db, m);
		const apps = await t.db
			.selectFrom('sponsorship_applications as a')
			.innerJoin('registrations as r', 'r.id', 'a.registration_id')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.select(['a.id', 'd.organization_id', 'a.implementation_responsibility', 'a.statement', 'a.statement_items', 'r.role', 'r.gender'])
			.where('a.meeting_id', '=', m.id)
			.execute();
		const facts = await statesAsAt(
			t.db,
			m.start_date,
			apps.map((a) => a.organization_id)
		);
		// What the score may rest on: the state's facts as at the meeting, and the applicant's answers.
		const inputs = new Map(
			apps.map((a) => {
				const f = facts.get(a.organization_id)!;
				const known = (k: { known: boolean; value?: boolean }) => (k.known ? String(k.value) : 'unknown');
				const deadline = (d: (typeof f)['art3']) => (d.state === 'deadline' ? d.deadline : d.state);
				return [
					a.id,
					JSON.stringify([
						f.status.status,
						known(f.leastDeveloped),
						known(f.victims),
						deadline(f.art3),
						deadline(f.art4),
						a.implementation_responsibility,
						a.statement,
						a.statement_items,
						a.role,
						a.gender
					])
				];
			})
		);
		expect(r.rows.length).toBeGreaterThanOrEqual(6);
		for (const a of r.rows)
			for (const b of r.rows)
				if (a !== b && a.ranked.evaluation.total === b.ranked.evaluation.total) expect(inputs.get(a.applicationId)).toBe(inputs.get(b.applicationId));
		// The demo's states differ in status, least-developed status and victims: the totals spread over the scale.
		expect(r.rows.map((x) => [x.state, x.ranked.evaluation.total])).toEqual([
			['Mozambique', 55],
			['Cambodia', 52],
			['Angola', 45],
			['Iraq', 40],
			['Chad', 37],
			['Colombia', 30],
			['Philippines', 0]
		]);
		expect(new Set(r.rows.map((x) => x.ccmStatus))).toEqual(new Set(['state_party', 'signatory', 'not_party']));
	});

	it('does not come back on the next start', async () => {
		const before = (await registrations()).length;
		await seedDemoData(t.db, new Date('2026-11-27T12:00:00Z'));
		expect((await registrations()).length).toBe(before);
	});
});
