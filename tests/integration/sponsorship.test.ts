import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { register } from '../../src/lib/server/registration/store';
import { endorse, saveApplication } from '../../src/lib/server/sponsorship/applications';
import { adjustScore, currentCriteria, respondToOffer, review, saveCriteria, saveProgramme, sendOffers } from '../../src/lib/server/sponsorship/store';
import { listAudit } from '../../src/lib/server/audit/audit';
import { listOutbox } from '../../src/lib/server/mail/outbox';
import type { Meeting } from '../../src/lib/server/db/schema';

const ORIGIN = 'http://app.test';
const base = {
	departure_city: 'Vientiane',
	justification: null,
	statement: true,
	statement_items: ['8 (c)'],
	implementation_responsibility: true,
	mode: 'submit' as const
};

describe.each(engines)('sponsorship on %s', (engine) => {
	let t: TestDb;
	let meeting: Meeting;
	let staff: { id: number; email: string };
	const states: Record<string, number> = {};

	beforeAll(async () => {
		t = await freshDb(engine);
		for (const [iso3, name, status, joined, art4] of [
			['LAO', 'Lao PDR', 'state_party', '2009-03-18', '2032-08-01'],
			['AFG', 'Afghanistan', 'state_party', '2011-09-08', '2036-03-01'],
			['CHL', 'Chile', 'state_party', '2010-12-16', null],
			['IDN', 'Indonesia', 'signatory', '2008-12-03', null],
			['USA', 'United States', 'not_party', null, null]
		] as const) {
			states[iso3] = (
				await t.db
					.insertInto('organizations')
					.values({ kind: 'state', name, iso3, ccm_status: status, joined, art4_deadline: art4, region: 'Asia', observer_by_right: 0 })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			// The ranking reads the dated facts (state_facts), not the organisation row.
			const fact = { organization_id: states[iso3], source: 'test', recorded_at: '2026-01-01T00:00:00.000Z' };
			if (joined)
				await t.db
					.insertInto('state_facts')
					.values({ ...fact, kind: 'status', event: status === 'signatory' ? 'signature' : 'deposit', on_date: joined })
					.execute();
			if (art4)
				await t.db
					.insertInto('state_facts')
					.values({ ...fact, kind: 'deadline', event: 'original', article: 4, on_date: art4 })
					.execute();
		}
		states.ICRC = (
			await t.db
				.insertInto('organizations')
				.values({ kind: 'international_organization', name: 'ICRC', observer_by_right: 1 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const now = new Date().toISOString();
		meeting = await t.db
			.insertInto('meetings')
			.values({
				code: 'SP',
				slug: 'sp',
				title: 'Sponsored meeting',
				kind: 'msp',
				start_date: '2031-09-01',
				end_date: '2031-09-03',
				time_zone: 'Europe/Zurich',
				sponsorship_deadline: '2031-08-01T00:00:00.000Z',
				registration_opens_at: '2020-01-01T00:00:00.000Z',
				registration_closes_at: '2031-08-01T00:00:00.000Z',
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const u = await createUser(t.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true });
		staff = { id: u.id, email: u.email };
		// 3 500 CHF budget, 200 CHF DSA: Lao (1 000 + 4×200 = 1 800) and Afghanistan (2 500 + 800 = 3 300) cannot both fit.
		await saveProgramme(t.db, staff, meeting.id, {
			budget_centimes: 350_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
	});
	afterAll(async () => t.close());

	async function applicant(iso3: string, i: number) {
		const user = await createUser(t.db, { email: `a${i}-${iso3}@example.org`, password: null, role: 'delegate', verified: true });
		const r = await register(
			t.db,
			{
				organization_id: states[iso3],
				title: null,
				given_name: `Given${i}`,
				family_name: iso3,
				gender: i % 2 ? 'female' : 'male',
				position: null,
				email: user.email,
				phone: null,
				role: 'member',
				consent_published: true,
				access_needs: null
			},
			{ meetingId: meeting.id, userId: user.id, createdBy: user.id, byStaff: false, formToken: null, origin: ORIGIN, confirmedMember: true }
		);
		if (!r.ok) throw new Error(JSON.stringify(r));
		return { user: { id: user.id, email: user.email }, registration: r.registration };
	}

	it('refuses bad applications with a clear message', async () => {
		const a = await applicant('CHL', 1);
		expect(await saveApplication(t.db, a.user, meeting, a.registration.id, { ...base, airfare: 100_000, nights: 9 }, ORIGIN)).toMatchObject({
			ok: false,
			errors: { nights: expect.stringContaining('At most 5 nights') }
		});
		const icrc = await applicant('ICRC', 2);
		expect(await saveApplication(t.db, icrc.user, meeting, icrc.registration.id, { ...base, airfare: 100_000, nights: 4 }, ORIGIN)).toMatchObject({
			ok: false,
			message: expect.stringContaining('for delegates of states')
		});
		// The default proposal admits States not party; a stricter version refuses them.
		const current = await currentCriteria(t.db);
		expect(await saveCriteria(t.db, staff, { ...current, criteria: current.criteria.map((c) => ({ ...c, weight: 500 })) }, null)).toMatchObject({ ok: false });
		expect((await saveCriteria(t.db, staff, { ...current, gates: { admitSignatories: true, admitNotParty: false } }, '2031-01-15')).ok).toBe(true);
		const usa = await applicant('USA', 3);
		expect(await saveApplication(t.db, usa.user, meeting, usa.registration.id, { ...base, airfare: 100_000, nights: 4 }, ORIGIN)).toMatchObject({
			ok: false,
			message: expect.stringContaining('not eligible')
		});
		const saved = await saveApplication(t.db, a.user, meeting, a.registration.id, { ...base, airfare: 100_000, nights: 4 }, ORIGIN);
		expect(saved.ok).toBe(true);
		expect(await saveApplication(t.db, a.user, meeting, a.registration.id, { ...base, airfare: 90_000, nights: 4 }, ORIGIN)).toMatchObject({
			ok: false,
			message: expect.stringContaining('already submitted')
		});
	});

	it('ranks endorsed applicants, offers within budget, and re-offers when someone declines', async () => {
		const lao = await applicant('LAO', 10);
		const afg = await applicant('AFG', 11);
		const idn = await applicant('IDN', 12);
		const fp = await createUser(t.db, { email: 'fp-lao@example.org', password: null, role: 'focal_point', organizationId: states.LAO, verified: true });
		const apps: Record<string, number> = {};
		for (const [who, airfare] of [
			[lao, 100_000],
			[afg, 250_000],
			[idn, 120_000]
		] as const) {
			const r = await saveApplication(t.db, who.user, meeting, who.registration.id, { ...base, airfare, nights: 4 }, ORIGIN);
			if (!r.ok) throw new Error(JSON.stringify(r));
			apps[who.registration.family_name!] = r.application.id;
		}
		// Focal points endorse only their own state's applications.
		expect(await endorse(t.db, { id: fp.id, email: fp.email, organizationId: states.LAO }, apps.AFG, true)).toBe(false);
		expect(await endorse(t.db, { id: fp.id, email: fp.email, organizationId: states.LAO }, apps.LAO, true)).toBe(true);
		const chile = (await t.db.selectFrom('sponsorship_applications').select('id').where('status', '=', 'submitted').orderBy('id').executeTakeFirstOrThrow()).id;
		for (const [iso3, id] of [
			['AFG', apps.AFG],
			['IDN', apps.IDN],
			['CHL', chile]
		] as const) {
			const f = await createUser(t.db, { email: `fp-${iso3}@example.org`, password: null, role: 'focal_point', organizationId: states[iso3], verified: true });
			expect(await endorse(t.db, { id: f.id, email: f.email, organizationId: states[iso3] }, id, true)).toBe(true);
		}

		const r1 = await review(t.db, meeting);
		const ranking = r1.rows.map((x) => x.state);
		expect(ranking.slice(0, 2)).toEqual(['Lao PDR', 'Afghanistan']); // open Article 4 deadlines rank first
		const lao1 = r1.rows.find((x) => x.state === 'Lao PDR')!;
		expect(lao1.ranked.evaluation.breakdown.find((b) => b.criterionId === 'obligations')!.why).toMatch(/Article 4/);

		// Lao 1 800 fits; Afghanistan 3 300 does not fit in the 1 700 left; a cheaper one below does.
		const sent = await sendOffers(t.db, staff, meeting, ORIGIN);
		expect(sent).toContain(apps.LAO);
		expect(sent).not.toContain(apps.AFG);
		const alloc = (await review(t.db, meeting)).allocation!;
		expect(alloc.rows.find((x) => x.applicationId === apps.AFG)!.reason).toBe('over_budget');
		const programme = await t.db.selectFrom('sponsorship_programmes').selectAll().where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
		expect(programme.committed_centimes).toBeLessThanOrEqual(programme.budget_centimes);
		expect((await listOutbox(t.db, { to: lao.user.email })).rows.map((m) => m.subject)).toContain('SP: offer of sponsorship');
		const score = await t.db.selectFrom('sponsorship_scores').selectAll().where('application_id', '=', apps.LAO).executeTakeFirstOrThrow();
		expect(score.criteria_version).toBe(2);

		// Staff adjust a score with a reason: audited.
		await adjustScore(t.db, staff, chile, 'statement', 0, 'Statement already delivered by another delegate.');
		expect((await listAudit(t.db, { action: 'sponsorship.adjust' })).rows[0].after_json).toContain('already delivered');
		const adjusted = (await review(t.db, meeting)).rows.find((x) => x.applicationId === chile)!.ranked.evaluation;
		expect(adjusted.breakdown.find((b) => b.criterionId === 'statement')).toMatchObject({ points: 0, adjusted: true });

		// Lao declines: its money goes back and Afghanistan now fits.
		expect(await respondToOffer(t.db, lao.user, meeting, apps.LAO, false, ORIGIN)).toBe('ok');
		const after = await t.db.selectFrom('sponsorship_applications').select(['id', 'status']).where('id', 'in', [apps.LAO, apps.AFG]).orderBy('id').execute();
		expect(after.map((a) => a.status)).toEqual(['declined', 'offered']);
		const final = await t.db.selectFrom('sponsorship_programmes').selectAll().where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
		expect(final.committed_centimes).toBeLessThanOrEqual(final.budget_centimes);
		expect(await respondToOffer(t.db, afg.user, meeting, apps.AFG, true, ORIGIN)).toBe('ok');
	});
});
