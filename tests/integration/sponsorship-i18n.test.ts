import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { register } from '../../src/lib/server/registration/store';
import { endorse, saveApplication } from '../../src/lib/server/sponsorship/applications';
import { review, saveProgramme, sendOffers } from '../../src/lib/server/sponsorship/store';
import { runInLocale } from '../../src/lib/server/i18n';
import type { Meeting } from '../../src/lib/server/db/schema';
import type { BreakdownRow } from '../../src/lib/server/sponsorship/evaluate';

/*
 * The breakdown speaks the language of the page that shows it, but the copy stored beside an offer
 * (sponsorship_scores.breakdown_json) is a record: English, whatever the language of the page that sent the offers.
 */

const ORIGIN = 'http://app.test';

describe.each(engines)('the ranking in the page language, the stored breakdown in English, on %s', (engine) => {
	let t: TestDb;
	let meeting: Meeting;
	let staff: { id: number; email: string };
	let applicationId: number;

	beforeAll(async () => {
		t = await freshDb(engine);
		const lao = (
			await t.db
				.insertInto('organizations')
				.values({ kind: 'state', name: 'Lao PDR', iso3: 'LAO', ccm_status: 'state_party', joined: '2009-03-18', region: 'Asia', observer_by_right: 0 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const fact = { organization_id: lao, source: 'CCM/MSP/2010/5', recorded_at: '2026-01-01T00:00:00.000Z', outcome: 'confirmed' as const };
		await t.db
			.insertInto('state_facts')
			.values([
				{ ...fact, kind: 'status', event: 'deposit', on_date: '2009-03-18' },
				{ ...fact, kind: 'deadline', event: 'original', article: 4, on_date: '2032-08-01' },
				// An Article 3 extension on record without the deadline it extends: a fact left for staff to settle.
				{ ...fact, kind: 'deadline', event: 'extension', article: 3, on_date: '2030-09-01', outcome: 'unknown' }
			])
			.execute();
		const now = new Date().toISOString();
		meeting = await t.db
			.insertInto('meetings')
			.values({
				code: 'SPL',
				slug: 'spl',
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
		await saveProgramme(t.db, staff, meeting.id, {
			budget_centimes: 350_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
		const user = await createUser(t.db, { email: 'a1-lao@example.org', password: null, role: 'delegate', verified: true });
		const r = await register(
			t.db,
			{
				organization_id: lao,
				title: null,
				given_name: 'Given',
				family_name: 'LAO',
				gender: 'female',
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
		const saved = await saveApplication(
			t.db,
			{ id: user.id, email: user.email },
			meeting,
			r.registration.id,
			{
				departure_city: 'Vientiane',
				justification: null,
				statement: true,
				statement_items: ['8 (c)'],
				implementation_responsibility: true,
				mode: 'submit',
				airfare: 100_000,
				nights: 4
			},
			ORIGIN
		);
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		applicationId = saved.application.id;
		const fp = await createUser(t.db, { email: 'fp-lao@example.org', password: null, role: 'focal_point', organizationId: lao, verified: true });
		expect(await endorse(t.db, { id: fp.id, email: fp.email, organizationId: lao }, applicationId, true)).toBe(true);
	});
	afterAll(async () => t.close());

	const obligations = (rows: { criterionId: string; why: string }[]) => rows.find((b) => b.criterionId === 'obligations')!.why;

	it('a French page reads the ranking in French, a Spanish one in Spanish', async () => {
		const fr = await runInLocale('fr', () => review(t.db, meeting));
		expect(obligations(fr.rows[0].ranked.evaluation.breakdown)).toBe(
			'Le délai au titre de l’article 4 (2032-08-01) échoit dans les 24 mois suivant la réunion (délai initial au titre de l’article 4 2032-08-01 ; source : CCM/MSP/2010/5)'
		);
		expect(fr.unknownFacts).toEqual([{ state: 'Laos', reasons: ['délai au titre de l’article 3 introuvable dans les sources'] }]);
		const es = await runInLocale('es', () => review(t.db, meeting));
		expect(es.unknownFacts).toEqual([{ state: 'Laos', reasons: ['plazo del artículo 3 no encontrado en las fuentes'] }]);
		expect(obligations(es.rows[0].ranked.evaluation.breakdown)).toMatch(/^El plazo del artículo 4 \(2032-08-01\) vence en los 24 meses siguientes/);
		const en = await review(t.db, meeting);
		expect(obligations(en.rows[0].ranked.evaluation.breakdown)).toMatch(/^Article 4 deadline 2032-08-01 is within 24 months of the meeting/);
		expect(en.unknownFacts).toEqual([{ state: 'Lao PDR', reasons: ['Article 3 deadline not found in the sources'] }]);
	});

	it('offers sent from a French page store their breakdown in English', async () => {
		expect(await runInLocale('fr', () => sendOffers(t.db, staff, meeting, ORIGIN))).toEqual([applicationId]);
		const score = await t.db.selectFrom('sponsorship_scores').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
		const stored = JSON.parse(score.breakdown_json) as BreakdownRow[];
		expect(obligations(stored)).toBe(
			'Article 4 deadline 2032-08-01 is within 24 months of the meeting (original Article 4 deadline 2032-08-01; source: CCM/MSP/2010/5)'
		);
		expect(stored.find((b) => b.criterionId === 'universalization')!.why).toMatch(/^Lao PDR is a State Party at the meeting date/);
		expect(score.breakdown_json).not.toMatch(/délai|État|réunion/);
	});
});
