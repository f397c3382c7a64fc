import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { decide, register, type PersonDetails } from '../../src/lib/server/registration/store';
import { latestApplicationOf, saveApplication } from '../../src/lib/server/sponsorship/applications';
import { respondToOffer, saveProgramme } from '../../src/lib/server/sponsorship/store';
import { endorseForState, releaseOnCancel, reofferAfterCancel, sendOffersChecked } from '../../src/lib/server/sponsorship/hand-offs';

const ORIGIN = 'http://app.test';

// Issue 12: staff rejecting a registration release its sponsorship exactly as a cancellation does.
describe.each(engines)('a rejected registration releases its sponsorship on %s', (engine) => {
	let t: TestDb;
	const states: Record<string, number> = {};
	let staff: { id: number; email: string; role: string };

	beforeAll(async () => {
		t = await freshDb(engine);
		for (const [iso3, name, art4] of [
			['LAO', 'Lao PDR', '2032-08-01'],
			['TGO', 'Togo', null]
		] as const) {
			states[iso3] = (
				await t.db
					.insertInto('organizations')
					.values({ kind: 'state', name, iso3, ccm_status: 'state_party', joined: '2010-01-01', art4_deadline: art4, region: 'Africa', observer_by_right: 0 })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			const fact = { organization_id: states[iso3], source: 'test', recorded_at: '2026-01-01T00:00:00.000Z' };
			await t.db
				.insertInto('state_facts')
				.values({ ...fact, kind: 'status', event: 'deposit', on_date: '2010-01-01' })
				.execute();
			if (art4)
				await t.db
					.insertInto('state_facts')
					.values({ ...fact, kind: 'deadline', event: 'original', article: 4, on_date: art4 })
					.execute();
		}
		const u = await createUser(t.db, { email: 'staff@example.org', password: null, role: 'staff', verified: true });
		staff = { id: u.id, email: u.email, role: 'staff' };
	});
	afterAll(async () => t?.close());

	const mailTo = (to: string) => t.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();

	it('an accepted offer’s money returns, the next in line is offered it, and the applicant is told', async () => {
		const now = new Date().toISOString();
		const m = await t.db
			.insertInto('meetings')
			.values({
				code: 'REJ',
				slug: 'rej',
				title: 'Meeting REJ',
				kind: 'msp',
				start_date: '2031-09-01',
				end_date: '2031-09-03',
				time_zone: 'Europe/Zurich',
				registration_opens_at: '2020-01-01T00:00:00.000Z',
				registration_closes_at: '2031-08-01T00:00:00.000Z',
				sponsorship_deadline: '2031-08-01T00:00:00.000Z',
				capacity: null,
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await saveProgramme(t.db, staff, m.id, {
			budget_centimes: 200_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
		const apply = async (iso3: string, airfare: number) => {
			const user = await createUser(t.db, { email: `app-${iso3}-${engine}@example.org`, password: null, role: 'delegate', verified: true });
			const person: PersonDetails = {
				organization_id: states[iso3],
				title: null,
				given_name: 'Given',
				family_name: iso3,
				gender: 'female',
				position: null,
				email: user.email,
				phone: null,
				role: 'member',
				consent_published: false,
				access_needs: null
			};
			const r = await register(t.db, person, {
				meetingId: m.id,
				userId: user.id,
				createdBy: user.id,
				byStaff: false,
				formToken: null,
				origin: ORIGIN,
				confirmedMember: true
			});
			if (!r.ok) throw new Error(JSON.stringify(r));
			const a = await saveApplication(
				t.db,
				{ id: user.id, email: user.email },
				m,
				r.registration.id,
				{
					departure_city: 'X',
					airfare,
					nights: 4,
					justification: null,
					statement: true,
					statement_items: [],
					implementation_responsibility: true,
					mode: 'submit'
				},
				ORIGIN
			);
			if (!a.ok) throw new Error(JSON.stringify(a));
			expect(await endorseForState(t.db, staff, m.id, a.application.id, true, 'Note verbale.', ORIGIN)).toEqual({ ok: true });
			return { user: { id: user.id, email: user.email }, reg: r.registration, app: a.application };
		};
		// Lao PDR ranks first and takes 1 800 CHF of 2 000; Togo fits only once that money is free again.
		const lao = await apply('LAO', 100_000);
		const tgo = await apply('TGO', 50_000);
		expect(await sendOffersChecked(t.db, staff, m, ORIGIN, { confirmed: true, reason: 'Visas take eight weeks.' })).toEqual({ ok: true, sent: [lao.app.id] });
		expect(await respondToOffer(t.db, lao.user, m, lao.app.id, true, ORIGIN)).toBe('ok');
		const committed = async () =>
			(await t.db.selectFrom('sponsorship_programmes').select('committed_centimes').where('meeting_id', '=', m.id).executeTakeFirstOrThrow())
				.committed_centimes;
		expect(await committed()).toBe(180_000);

		// Staff reject Lao's registration, as the staff registrations page does.
		const result = await decide(
			t.db,
			staff,
			m.id,
			[lao.reg.id],
			{ action: 'reject', reason: 'Not named in the credentials.' },
			ORIGIN,
			releaseOnCancel(ORIGIN, 'rejected')
		);
		expect(result.done).toEqual([lao.reg.id]);
		expect(await committed()).toBe(0);
		expect(await latestApplicationOf(t.db, m.id, lao.user.id)).toMatchObject({ status: 'withdrawn', offer_sent_at: expect.any(String) });
		const told = (await mailTo(lao.user.email)).find((x) => x.subject === 'REJ: registration not accepted')!;
		expect(told.body_text).toContain('Not named in the credentials.');
		expect(told.body_text).toContain('The sponsorship you accepted is withdrawn');
		expect(told.body_text).toContain(`${ORIGIN}/meetings/rej/sponsorship`);
		const audits = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'sponsorship_application')
			.where('entity_id', '=', String(lao.app.id))
			.execute();
		expect(audits.map((a) => a.action)).toContain('sponsorship.withdrawn');

		// The money goes to the next in line by the allocation rules.
		expect(await reofferAfterCancel(t.db, m, ORIGIN)).toEqual([tgo.app.id]);
		expect((await mailTo(tgo.user.email)).map((x) => x.subject)).toContain('REJ: offer of sponsorship');
	});
});
