import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData, seedReferenceData } from '../../src/lib/server/seed';
import { review } from '../../src/lib/server/sponsorship/store';
import { seedStateFacts } from '../../src/lib/server/seed/facts';
import { addStateFact, factHistory, statesAsAt } from '../../src/lib/server/organizations/state-facts';
import { factSchema } from '../../src/lib/server/organizations/fact-form';
import type { FactsAsAt } from '../../src/lib/server/organizations/as-at';

describe.each(engines)('state facts seeded from the files on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedReferenceData(t.db);
	});
	afterAll(() => t.close());

	const idOf = async (iso3: string) => (await t.db.selectFrom('organizations').select('id').where('iso3', '=', iso3).executeTakeFirstOrThrow()).id;
	const at = async (day: string) => statesAsAt(t.db, day);
	const one = async (iso3: string, day: string): Promise<FactsAsAt> => (await statesAsAt(t.db, day, [await idOf(iso3)])).get(await idOf(iso3))!;
	const count = (m: Map<number, FactsAsAt>, status: string) => [...m.values()].filter((f) => f.status.status === status).length;

	it('counts 106 States Parties and 14 Signatories at the 9MSP, 112 and 12 on 2026-11-01', async () => {
		const msp9 = await at('2019-09-02');
		expect([count(msp9, 'state_party'), count(msp9, 'signatory')]).toEqual([106, 14]);
		const later = await at('2026-11-01');
		expect([count(later, 'state_party'), count(later, 'signatory')]).toEqual([112, 12]);
	});

	it('has every UN member state, Niue, the Cook Islands, the Holy See and Palestine, each with a region', async () => {
		const states = await t.db.selectFrom('organizations').select(['iso3', 'region']).where('kind', '=', 'state').execute();
		expect(states).toHaveLength(193 + 4); // the UN members, Niue, the Cook Islands, the Holy See and Palestine
		for (const iso3 of ['NIU', 'COK', 'VAT', 'PSE', 'USA', 'BRA', 'ARG', 'CHN']) expect(states.some((s) => s.iso3 === iso3)).toBe(true);
		expect(states.every((s) => s.region)).toBe(true);
	});

	it('spot checks: Lithuania, Bulgaria, Bhutan', async () => {
		expect((await one('LTU', '2019-09-02')).status.status).toBe('state_party');
		expect((await one('LTU', '2027-09-06')).status).toMatchObject({ status: 'not_party', basis: { date: '2025-03-06' } });
		// At the 10MSP's opening, the 2RC-era request's outcome is not in the sources; the 10MSP's own grant comes after.
		expect((await one('BGR', '2022-08-30')).art3).toMatchObject({ state: 'unknown', reason: expect.stringContaining('outcome not found') });
		expect((await one('BGR', '2022-09-02')).art3).toMatchObject({ state: 'deadline', deadline: '2023-12-31' });
		expect((await one('BGR', '2019-09-02')).art3).toMatchObject({ state: 'deadline', deadline: '2019-10-01' });
		expect((await one('BTN', '2019-09-02')).leastDeveloped).toMatchObject({ known: true, value: true });
		expect((await one('BTN', '2024-09-10')).leastDeveloped).toMatchObject({ known: true, value: false });
		expect((await one('NGA', '2024-09-10')).status.status).toBe('state_party');
		expect((await one('IRQ', '2024-09-10')).art4.state).toBe('unknown');
		expect((await one('LBN', '2024-09-10')).art4).toMatchObject({ state: 'deadline', deadline: '2026-05-01' });
	});

	it('seeds once: a second run adds nothing', async () => {
		const before = await t.db
			.selectFrom('state_facts')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(before.n)).toBeGreaterThan(250);
		expect(await seedStateFacts(t.db)).toEqual({ states: 0, facts: 0 });
		const after = await t.db
			.selectFrom('state_facts')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('the database refuses a deadline entry without its article and a date in no known shape', async () => {
		const id = await idOf('CHE');
		const row = { organization_id: id, kind: 'deadline' as const, event: 'original', on_date: '2020-01-01', source: 's', recorded_at: '2026-01-01T00:00:00Z' };
		await expect(
			t.db
				.insertInto('state_facts')
				.values({ ...row, article: null })
				.execute()
		).rejects.toThrow();
		await expect(
			t.db
				.insertInto('state_facts')
				.values({ ...row, article: 3, on_date: '1.1.2020' })
				.execute()
		).rejects.toThrow();
	});
});

describe.each(engines)('the demonstration ranking on %s uses the facts as at the meeting', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	it('names each fact with its date and source, and lists the facts the sources leave open', async () => {
		const meeting = await t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();
		const r = await review(t.db, meeting);
		expect(r.factsDay).toBe(meeting.start_date.slice(0, 10));
		const row = (state: string, criterion: string) =>
			r.rows.find((x) => x.state === state)!.ranked.evaluation.breakdown.find((b) => b.criterionId === criterion)!;
		expect(row('Iraq', 'obligations')).toMatchObject({
			points: 0,
			why: expect.stringMatching(/^Unknown: Article 4 extension considered at 11MSP.*2023-09-14; source: https:/)
		});
		expect(row('Mozambique', 'least_developed')).toMatchObject({ points: 15, why: expect.stringContaining('on the list since 1988; source: ') });
		expect(r.unknownFacts).toContainEqual({ state: 'Iraq', reasons: [expect.stringContaining('11MSP')] });
	});
});

describe.each(engines)('staff add a dated entry on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	it('settles an unknown extension: the old entry is kept, the change audited, and the score names the new fact', async () => {
		const staff = await t.db
			.insertInto('users')
			.values({ email: 'facts@example.org', email_verified: 1, role: 'staff', created_at: '2026-01-01T00:00:00.000Z' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const iraq = (await t.db.selectFrom('organizations').select('id').where('iso3', '=', 'IRQ').executeTakeFirstOrThrow()).id;
		const open = await t.db
			.selectFrom('state_facts')
			.select('id')
			.where('organization_id', '=', iraq)
			.where('outcome', '=', 'unknown')
			.executeTakeFirstOrThrow();
		const meeting = await t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();
		const input = factSchema.parse({
			type: 'deadline.extension',
			article: '4',
			on_date: '2023-09-14',
			deadline: '2028-11-01',
			granted_at: '11MSP',
			source: 'CCM/MSP/2023/9 (final report)',
			replaces_id: String(open.id)
		});
		const bad = await addStateFact(t.db, { id: staff.id, email: 'facts@example.org' }, iraq, { ...input, deadline: '2023-10-01' }, '2026-11-29');
		expect(bad).toEqual({ ok: false, errors: { deadline: expect.stringContaining('2023-11-01') } });
		expect(await addStateFact(t.db, { id: staff.id, email: 'facts@example.org' }, iraq, input, '2026-11-29')).toMatchObject({ ok: true });
		const history = await factHistory(t.db, iraq);
		expect(history.find((h) => h.id === Number(open.id))!.replaced_by).not.toBeNull();
		const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'organization.fact').execute();
		expect(audit).toHaveLength(1);
		const r = await review(t.db, meeting);
		const row = r.rows.find((x) => x.state === 'Iraq')!.ranked.evaluation.breakdown.find((b) => b.criterionId === 'obligations')!;
		expect(row).toMatchObject({ points: 30, why: expect.stringContaining('Article 4 deadline 2028-11-01 is within 24 months') });
		expect(row.why).toContain('extended at 11MSP 2023-09-14; source: CCM/MSP/2023/9');
		expect(r.unknownFacts.find((u) => u.state === 'Iraq')).toBeUndefined();
		// An organisation that is not a state takes no facts.
		const ngo = (await t.db.selectFrom('organizations').select('id').where('kind', '=', 'ngo').executeTakeFirstOrThrow()).id;
		expect(await addStateFact(t.db, { id: staff.id, email: 'facts@example.org' }, ngo, { ...input, replaces_id: null })).toBeNull();
	});
});
