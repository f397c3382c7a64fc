import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser, inviteUser, setUserRole } from '../../src/lib/server/auth/accounts';
import { cancelRegistration, confirmMember, decide, register, releaseUnconfirmed, type PersonDetails } from '../../src/lib/server/registration/store';
import { setCredentials, setHead, submitDelegation } from '../../src/lib/server/registration/delegation-store';
import { speakingFor } from '../../src/lib/server/records/statements';
import { latestApplicationOf, saveApplication } from '../../src/lib/server/sponsorship/applications';
import { respondToOffer, saveProgramme } from '../../src/lib/server/sponsorship/store';
import { endorseForState, releaseOnCancel, reofferAfterCancel, sendOffersChecked } from '../../src/lib/server/sponsorship/hand-offs';
import { listAudit } from '../../src/lib/server/audit/audit';
import type { Meeting, Registration } from '../../src/lib/server/db/schema';

const ORIGIN = 'http://app.test';
const ISU = 'isu-staff@example.org';

describe.each(engines)('hand-offs on %s', (engine) => {
	let t: TestDb;
	let staff: { id: number; email: string; role: string; organizationId: null };
	const states: Record<string, number> = {};
	let n = 0;

	beforeAll(async () => {
		delete process.env.ISU_EMAIL;
		delete process.env.STAFF_EMAIL;
		t = await freshDb(engine);
		for (const [iso3, name, art4] of [
			['LAO', 'Lao PDR', '2032-08-01'],
			['AFG', 'Afghanistan', '2036-03-01'],
			['SEN', 'Senegal', null],
			['FRA', 'France', null],
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
		staff = { id: u.id, email: u.email, role: 'staff', organizationId: null };
	});
	afterAll(async () => t.close());

	async function makeMeeting(code: string, extra: Record<string, unknown> = {}): Promise<Meeting> {
		const now = new Date().toISOString();
		return t.db
			.insertInto('meetings')
			.values({
				code,
				slug: code.toLowerCase(),
				title: `Meeting ${code}`,
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
				updated_at: now,
				...extra
			})
			.returningAll()
			.executeTakeFirstOrThrow();
	}

	function person(org: number, email: string, over: Partial<PersonDetails> = {}): PersonDetails {
		return {
			organization_id: org,
			title: null,
			given_name: 'Given',
			family_name: email.split('@')[0],
			gender: 'female',
			position: null,
			email,
			phone: null,
			role: 'member',
			consent_published: false,
			access_needs: null,
			...over
		};
	}

	/** A person who registers themself, as the register page does for a delegate. */
	async function selfRegister(m: Meeting, org: number, over: Partial<PersonDetails> = {}) {
		const user = await createUser(t.db, { email: `self${++n}-${engine}@example.org`, password: null, role: 'delegate', verified: true });
		const r = await register(t.db, person(org, user.email, over), {
			meetingId: m.id,
			userId: user.id,
			createdBy: user.id,
			byStaff: false,
			formToken: null,
			origin: ORIGIN
		});
		return { user: { id: user.id, email: user.email }, r };
	}

	const mailTo = (to: string) => t.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();

	it('a self-registration mails the person and the focal point each in their own language', async () => {
		const m = await makeMeeting('LNG');
		// A state of its own: the other tests need Togo without a focal point.
		const ben = (
			await t.db
				.insertInto('organizations')
				.values({ kind: 'state', name: 'Benin', iso3: 'BEN', ccm_status: 'state_party', joined: '2017-01-01', region: 'Africa', observer_by_right: 0 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const fp = await createUser(t.db, {
			email: `fp-ben-${engine}@example.org`,
			password: null,
			role: 'focal_point',
			organizationId: ben,
			verified: true,
			locale: 'fr'
		});
		const me = await createUser(t.db, { email: `es-self-${engine}@example.org`, password: null, role: 'delegate', verified: true, locale: 'es' });
		const r = await register(t.db, person(ben, me.email), {
			meetingId: m.id,
			userId: me.id,
			createdBy: me.id,
			byStaff: false,
			formToken: null,
			origin: ORIGIN
		});
		expect(r.ok).toBe(true);
		const [mine] = await mailTo(me.email);
		expect(mine.locale).toBe('es');
		expect(mine.body_text).toContain(`${ORIGIN}/es/registrations/`);
		const [theirs] = await mailTo(fp.email);
		expect(theirs.locale).toBe('fr');
		expect(theirs.subject).toContain('Benin');
		expect(theirs.body_text).toContain(`${ORIGIN}/fr/meetings/lng/delegation`);
	});

	it('a self-registration is an unconfirmed member: no head, no statement, no counted application, until its focal point confirms', async () => {
		const m = await makeMeeting('UNC');
		const fp = await createUser(t.db, {
			email: `fp-fra-${engine}@example.org`,
			password: null,
			role: 'focal_point',
			organizationId: states.FRA,
			verified: true
		});
		const fpActor = { id: fp.id, email: fp.email, role: 'focal_point', organizationId: states.FRA };

		const head = await selfRegister(m, states.FRA, { role: 'head' });
		expect(head.r).toMatchObject({ ok: false, reason: 'field', errors: { role: expect.stringContaining('focal point') } });

		const s = await selfRegister(m, states.FRA);
		if (!s.r.ok) throw new Error(JSON.stringify(s.r));
		const reg = s.r.registration;
		expect(reg.unconfirmed_since).not.toBeNull();
		// The focal point is asked, with a link to the delegation page where they confirm.
		const ask = (await mailTo(fp.email)).find((x) => x.subject.includes('confirm a new member'));
		expect(ask?.body_text).toContain(`${ORIGIN}/meetings/unc/delegation`);

		expect(await setHead(t.db, fpActor, reg.delegation_id, reg.id)).toBe(false);
		expect(await speakingFor(t.db, m.id, { id: s.user.id, email: s.user.email, role: 'delegate', organizationId: null })).toBeUndefined();
		await saveProgramme(t.db, staff, m.id, {
			budget_centimes: 1_000_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
		const input = {
			departure_city: 'Paris',
			airfare: 50_000,
			nights: 4,
			justification: null,
			statement: true,
			statement_items: [],
			implementation_responsibility: false,
			mode: 'submit' as const
		};
		const refused = await saveApplication(t.db, s.user, m, reg.id, input, ORIGIN);
		expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('confirm you as a member') });

		// Someone of another delegation cannot confirm; the focal point can, once; the person is told.
		const other = await createUser(t.db, {
			email: `fp-sen-${engine}@example.org`,
			password: null,
			role: 'focal_point',
			organizationId: states.SEN,
			verified: true
		});
		expect(await confirmMember(t.db, { id: other.id, email: other.email, role: 'focal_point', organizationId: states.SEN }, reg.id, ORIGIN)).toMatchObject({
			ok: false
		});
		expect(await confirmMember(t.db, fpActor, reg.id, ORIGIN)).toEqual({ ok: true });
		expect(await confirmMember(t.db, fpActor, reg.id, ORIGIN)).toEqual({ ok: false, message: 'This member is already confirmed.' });
		expect((await mailTo(s.user.email)).map((x) => x.subject)).toContain('UNC: you are confirmed as a member of your delegation');
		expect((await listAudit(t.db, { action: 'registration.confirm_member' })).total).toBeGreaterThanOrEqual(1);

		expect(await speakingFor(t.db, m.id, { id: s.user.id, email: s.user.email, role: 'delegate', organizationId: null })).toMatchObject({ name: 'France' });
		expect(await setHead(t.db, fpActor, reg.delegation_id, reg.id)).toBe(true);
		expect(await saveApplication(t.db, s.user, m, reg.id, input, ORIGIN)).toMatchObject({ ok: true });
	});

	it('at most two unconfirmed sign-ups per delegation, exact under a rush; a confirmed one frees its slot', async () => {
		const m = await makeMeeting('CAP', { capacity: 50 });
		const users = await Promise.all(
			Array.from({ length: 12 }, (_, i) => createUser(t.db, { email: `rush${i}-${engine}@example.org`, password: null, role: 'delegate', verified: true }))
		);
		const results = await Promise.all(
			users.map((u) =>
				register(t.db, person(states.LAO, u.email), { meetingId: m.id, userId: u.id, createdBy: u.id, byStaff: false, formToken: null, origin: ORIGIN })
			)
		);
		const ok = results.filter((r) => r.ok);
		expect(ok).toHaveLength(2);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'field' && r.errors.organization_id.includes('waiting for its focal point'))).toBe(
			true
		);
		const d = await t.db.selectFrom('delegations').selectAll().where('meeting_id', '=', m.id).executeTakeFirstOrThrow();
		expect(d).toMatchObject({ places_held: 2, unconfirmed_held: 2 });
		expect((await t.db.selectFrom('meetings').select('places_held').where('id', '=', m.id).executeTakeFirstOrThrow()).places_held).toBe(2);
		// A state with no focal point: the ISU is asked, with a link to the staff registration page.
		const isu = (await mailTo(ISU)).filter((x) => x.subject === 'CAP: confirm a new member of the delegation of Lao PDR');
		expect(isu).toHaveLength(2);
		expect(isu[0].body_text).toMatch(new RegExp(`${ORIGIN}/admin/registrations/\\d+`));

		// Staff confirm one: a slot frees for the next sign-up; a focal point adding someone needs no slot.
		const first = (ok[0] as { registration: Registration }).registration;
		expect(await confirmMember(t.db, staff, first.id, ORIGIN)).toEqual({ ok: true });
		// One of those refused in the rush (which ones got through depends on the race).
		const refused = users[results.findIndex((r) => !r.ok)];
		const again = await register(t.db, person(states.LAO, refused.email), {
			meetingId: m.id,
			userId: refused.id,
			createdBy: refused.id,
			byStaff: false,
			formToken: null,
			origin: ORIGIN
		});
		expect(again.ok).toBe(true);
		const added = await register(t.db, person(states.LAO, `added-${engine}@example.org`), {
			meetingId: m.id,
			userId: null,
			createdBy: staff.id,
			byStaff: true,
			formToken: null,
			origin: ORIGIN
		});
		expect(added.ok).toBe(true);
		expect(await t.db.selectFrom('delegations').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow()).toMatchObject({
			places_held: 4,
			unconfirmed_held: 2
		});
	});

	it('an unconfirmed sign-up holds its place for 7 days, then the job releases it to the waiting list; run twice, once', async () => {
		const m = await makeMeeting('HOLD', { capacity: 1 });
		const a = await selfRegister(m, states.TGO);
		const b = await register(t.db, person(states.AFG, `wait-${engine}@example.org`), {
			meetingId: m.id,
			userId: null,
			createdBy: staff.id,
			byStaff: true,
			formToken: null,
			origin: ORIGIN
		});
		if (!a.r.ok || !b.ok) throw new Error('setup');
		expect(b.registration.status).toBe('waitlisted');
		const sixDays = new Date(Date.now() + 6 * 86_400_000).toISOString();
		expect(await releaseUnconfirmed(t.db, ORIGIN, sixDays)).toEqual([]);
		const eightDays = new Date(Date.now() + 8 * 86_400_000).toISOString();
		// The job covers every meeting: other tests' sign-ups are released too.
		expect(await releaseUnconfirmed(t.db, ORIGIN, eightDays)).toContain(a.r.registration.id);
		expect(await releaseUnconfirmed(t.db, ORIGIN, eightDays)).toEqual([]);
		const rows = await t.db
			.selectFrom('registrations')
			.select(['id', 'status', 'holds_place', 'rejection_reason'])
			.where('meeting_id', '=', m.id)
			.orderBy('id')
			.execute();
		expect(rows.map((r) => [r.status, r.holds_place])).toEqual([
			['cancelled', 0],
			['pending', 1]
		]);
		expect(rows[0].rejection_reason).toContain('7 days');
		expect((await mailTo(a.user.email)).map((x) => x.subject)).toContain('HOLD: your registration was released');
		expect(
			(
				await t.db
					.selectFrom('delegations')
					.select('unconfirmed_held')
					.where('meeting_id', '=', m.id)
					.where('organization_id', '=', states.TGO)
					.executeTakeFirstOrThrow()
			).unconfirmed_held
		).toBe(0);
	});

	it('tells the ISU of a submitted delegation and of credentials uploaded then replaced; the delegate of approval (with the calendar) and of cancellation', async () => {
		process.env.ISU_EMAIL = 'isu-desk@example.org';
		try {
			const m = await makeMeeting('NOTE');
			const r = await register(t.db, person(states.LAO, `head-${engine}@example.org`, { role: 'head' }), {
				meetingId: m.id,
				userId: null,
				createdBy: staff.id,
				byStaff: true,
				formToken: null,
				origin: ORIGIN
			});
			if (!r.ok) throw new Error(JSON.stringify(r));
			const d = r.registration.delegation_id;
			await setCredentials(t.db, staff, d, { sha256: 'a'.repeat(64), name: 'letter.pdf', size: 10 }, ORIGIN);
			await setCredentials(t.db, staff, d, { sha256: 'b'.repeat(64), name: 'letter2.pdf', size: 10 }, ORIGIN);
			expect(await submitDelegation(t.db, staff, d, ORIGIN)).toEqual({ ok: true });
			const isu = await mailTo('isu-desk@example.org');
			expect(isu.map((x) => x.subject)).toEqual(
				expect.arrayContaining(['NOTE: credentials of Lao PDR uploaded', 'NOTE: credentials of Lao PDR replaced', 'NOTE: Lao PDR submitted its delegation'])
			);
			expect(isu.every((x) => x.body_text.includes(`${ORIGIN}/admin/meetings/note/delegations`))).toBe(true);

			await decide(t.db, staff, m.id, [r.registration.id], { action: 'approve' }, ORIGIN);
			const approved = (await mailTo(r.registration.email!)).find((x) => x.subject === 'NOTE: registration approved');
			expect(approved?.body_text).toContain(`${ORIGIN}/meetings/note/calendar.ics`);
			await cancelRegistration(t.db, r.registration, staff, ORIGIN);
			const cancelled = (await mailTo(r.registration.email!)).find((x) => x.subject === 'NOTE: registration cancelled');
			expect(cancelled?.body_text).toContain(`${ORIGIN}/meetings/note/register`);
		} finally {
			delete process.env.ISU_EMAIL;
		}
	});

	it('a new focal point hears of everything already waiting: sign-ups to confirm and applications to endorse', async () => {
		const m = await makeMeeting('APPT');
		const s = await selfRegister(m, states.AFG);
		expect(s.r.ok).toBe(true);
		const u = await createUser(t.db, { email: `to-appoint-${engine}@example.org`, password: null, role: 'delegate', verified: true });
		await setUserRole(t.db, staff, { user_id: u.id, role: 'focal_point', organization_id: states.AFG }, ORIGIN);
		const mail = (await mailTo(u.email)).find((x) => x.subject === 'You are the focal point of Afghanistan in CCM Meetings');
		expect(mail?.body_text).toContain('APPT: 1 sign-up awaits your confirmation');
		expect(mail?.body_text).toContain(`${ORIGIN}/meetings/appt/delegation`);
		// An invitation as focal point says the same, before the invitation itself.
		expect(await inviteUser(t.db, ORIGIN, staff, { email: `invited-fp-${engine}@example.org`, role: 'focal_point', organization_id: states.AFG })).toBe('ok');
		expect((await mailTo(`invited-fp-${engine}@example.org`)).map((x) => x.subject)).toContain('You are the focal point of Afghanistan in CCM Meetings');
	});

	it('no dead end: staff endorse for a state with no focal point, offers wait for the close, answers reach both sides, a cancellation re-offers the money', async () => {
		const m = await makeMeeting('NODE');
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
			const r = await register(t.db, person(states[iso3], user.email), {
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
			return { user: { id: user.id, email: user.email }, reg: r.registration, app: a.application };
		};
		// Lao PDR (no focal point) ranks first; Togo would fit only once Lao's 1 800 CHF is free again.
		const lao = await apply('LAO', 100_000);
		const tgo = await apply('TGO', 50_000);
		const toIsu = (await mailTo(ISU)).filter((x) => x.subject === 'NODE: sponsorship application from Lao PDR, which has no focal point');
		expect(toIsu[0]?.body_text).toContain(`${ORIGIN}/admin/meetings/node/sponsorship`);
		expect((await mailTo(lao.user.email)).find((x) => x.subject === 'NODE: sponsorship application received')?.body_text).toContain('the ISU decides');

		// Only staff, only with a reason; audited; the applicant is told and sees the note.
		expect(await endorseForState(t.db, { ...lao.user, role: 'delegate' }, m.id, lao.app.id, true, 'x', ORIGIN)).toMatchObject({ ok: false });
		expect(await endorseForState(t.db, staff, m.id, lao.app.id, true, ' ', ORIGIN)).toMatchObject({ ok: false });
		expect(await endorseForState(t.db, staff, m.id, lao.app.id, true, 'Note verbale of 3 May names her.', ORIGIN)).toEqual({ ok: true });
		expect(await endorseForState(t.db, staff, m.id, tgo.app.id, true, 'Note verbale.', ORIGIN)).toEqual({ ok: true });
		const laoApp = await t.db.selectFrom('sponsorship_applications').selectAll().where('id', '=', lao.app.id).executeTakeFirstOrThrow();
		expect(laoApp).toMatchObject({ endorsement: 'endorsed', endorsement_note: expect.stringContaining('Note verbale of 3 May') });
		expect((await listAudit(t.db, { action: 'sponsorship.endorse_for_state' })).total).toBeGreaterThanOrEqual(2);
		expect((await mailTo(lao.user.email)).map((x) => x.subject)).toContain('NODE: your sponsorship application was endorsed');

		// Before applications close: refused unless confirmed with a reason.
		const early = await sendOffersChecked(t.db, staff, m, ORIGIN, { confirmed: false, reason: '' });
		expect(early).toMatchObject({ ok: false, errors: { early: expect.any(String), reason: expect.any(String) } });
		expect(
			(await t.db.selectFrom('sponsorship_applications').select('status').where('meeting_id', '=', m.id).execute()).every((a) => a.status === 'submitted')
		).toBe(true);
		const sent = await sendOffersChecked(t.db, staff, m, ORIGIN, { confirmed: true, reason: 'Visas take eight weeks.' });
		expect(sent).toEqual({ ok: true, sent: [lao.app.id] });
		expect((await listAudit(t.db, { action: 'sponsorship.offers_early' })).rows[0].after_json).toContain('Visas take eight weeks.');
		const offer = (await mailTo(lao.user.email)).find((x) => x.subject === 'NODE: offer of sponsorship')!;
		expect(offer.body_text).toContain('Economy airfare: CHF 1,000.00');
		expect(offer.body_text).toMatch(/CHF 200\.00 × 4 nights = CHF 800\.00/);
		expect(offer.body_text).toContain('Total: CHF 1,800.00');
		expect(offer.body_text).toContain('What happens next');

		// Lao accepts: both sides hear it.
		expect(await respondToOffer(t.db, lao.user, m, lao.app.id, true, ORIGIN)).toBe('ok');
		expect((await mailTo(lao.user.email)).map((x) => x.subject)).toContain('NODE: you accepted the offer of sponsorship');
		expect((await mailTo(ISU)).find((x) => x.subject === 'NODE: offer of sponsorship accepted (Lao PDR)')?.body_text).toContain(
			`${ORIGIN}/admin/meetings/node/sponsorship`
		);

		// Lao cancels the registration: the money returns, the ISU is told, Togo is offered; Lao still sees the history.
		expect(await cancelRegistration(t.db, lao.reg, lao.user, ORIGIN, releaseOnCancel(ORIGIN))).toBe(true);
		expect(
			(await t.db.selectFrom('sponsorship_programmes').select('committed_centimes').where('meeting_id', '=', m.id).executeTakeFirstOrThrow()).committed_centimes
		).toBe(0);
		expect((await mailTo(ISU)).map((x) => x.subject)).toContain('NODE: a sponsored delegate of Lao PDR cancelled');
		expect(await reofferAfterCancel(t.db, m, ORIGIN)).toEqual([tgo.app.id]);
		expect((await mailTo(tgo.user.email)).map((x) => x.subject)).toContain('NODE: offer of sponsorship');
		expect(await latestApplicationOf(t.db, m.id, lao.user.id)).toMatchObject({
			status: 'withdrawn',
			offer_sent_at: expect.any(String),
			responded_at: expect.any(String)
		});
		// A withdrawn application can no longer be endorsed.
		expect(await endorseForState(t.db, staff, m.id, lao.app.id, true, 'again', ORIGIN)).toMatchObject({
			ok: false,
			message: expect.stringContaining('no longer')
		});
	});

	it('after applications close, "Send offers" needs no confirmation', async () => {
		const m = await makeMeeting('CLOSED', { sponsorship_deadline: '2020-01-01T00:00:00.000Z' });
		await saveProgramme(t.db, staff, m.id, {
			budget_centimes: 100_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
		expect(await sendOffersChecked(t.db, staff, m, ORIGIN, { confirmed: false, reason: '' })).toEqual({ ok: true, sent: [] });
	});
});
