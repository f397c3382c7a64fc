import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { cancelRegistration, decide, register, type PersonDetails } from '../../src/lib/server/registration/store';
import { createUser } from '../../src/lib/server/auth/accounts';
import { listAudit } from '../../src/lib/server/audit/audit';
import { listOutbox } from '../../src/lib/server/mail/outbox';

const ORIGIN = 'http://app.test';

async function makeMeeting(t: TestDb, code: string, capacity: number | null, extra: Record<string, unknown> = {}) {
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
			capacity,
			status: 'published',
			created_at: now,
			updated_at: now,
			...extra
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

function person(orgId: number, i: number, over: Partial<PersonDetails> = {}): PersonDetails {
	return {
		organization_id: orgId,
		title: null,
		given_name: `Given${i}`,
		family_name: `Family${i}`,
		gender: null,
		position: null,
		email: `p${i}@example.org`,
		phone: null,
		role: 'member',
		consent_published: true,
		access_needs: null,
		...over
	};
}

describe.each(engines)('registration on %s', (engine) => {
	let t: TestDb;
	let orgs: number[];
	beforeAll(async () => {
		t = await freshDb(engine);
		const rows = await t.db
			.insertInto('organizations')
			.values(
				Array.from({ length: 30 }, (_, i) => ({
					kind: 'state' as const,
					name: `State ${i}`,
					iso3: `S${String(i).padStart(2, '0')}`,
					ccm_status: 'state_party' as const,
					joined: '2010-01-01',
					observer_by_right: 0
				}))
			)
			.returning('id')
			.execute();
		orgs = rows.map((r) => r.id);
	});
	afterAll(async () => t.close());

	it('300 concurrent registrations against 200 places: exactly 200 hold places, 100 wait, none lost, no error', async () => {
		const m = await makeMeeting(t, 'RUSH', 200);
		const results = await Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				register(t.db, person(orgs[i % orgs.length], i), {
					meetingId: m.id,
					userId: null,
					createdBy: null,
					byStaff: false,
					formToken: `rush-${i}`,
					origin: ORIGIN
				})
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const rows = await t.db.selectFrom('registrations').selectAll().where('meeting_id', '=', m.id).execute();
		expect(rows).toHaveLength(300);
		expect(rows.filter((r) => r.status === 'pending' && r.holds_place === 1)).toHaveLength(200);
		expect(rows.filter((r) => r.status === 'waitlisted' && r.holds_place === 0)).toHaveLength(100);
		const meeting = await t.db.selectFrom('meetings').select('places_held').where('id', '=', m.id).executeTakeFirstOrThrow();
		expect(meeting.places_held).toBe(200);

		// Freeing places promotes the waiting list in order of registration.
		const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.id - b.id);
		const holders = rows.filter((r) => r.holds_place === 1);
		const staff = await createUser(t.db, { email: `staff-${engine}@example.org`, password: null, role: 'staff', verified: true });
		await decide(t.db, { id: staff.id, email: staff.email }, m.id, [holders[0].id], { action: 'reject', reason: 'Not a member of the delegation.' }, ORIGIN);
		await cancelRegistration(t.db, holders[1], { id: staff.id, email: staff.email }, ORIGIN);
		const after = await t.db
			.selectFrom('registrations')
			.select(['id', 'status', 'holds_place'])
			.where(
				'id',
				'in',
				waiting.slice(0, 3).map((w) => w.id)
			)
			.orderBy('id')
			.execute();
		expect(after.map((r) => r.status)).toEqual(['pending', 'pending', 'waitlisted']);
		expect((await t.db.selectFrom('meetings').select('places_held').where('id', '=', m.id).executeTakeFirstOrThrow()).places_held).toBe(200);
		const mail = await listOutbox(t.db, { to: waiting[0].email! });
		expect(mail.rows.map((r) => r.subject)).toContain('RUSH: a place is now yours');
		expect((await listOutbox(t.db, { to: holders[0].email! })).rows[0].body_text).toContain('Not a member of the delegation.');
		expect((await listAudit(t.db, { action: 'registration.reject' })).total).toBe(1);
	});

	it('2,000 concurrent registrations by 2,000 accounts against 1,500 places: 1,500 places, 500 wait in submission order', async () => {
		const m = await makeMeeting(t, 'RUSH2K', 1500);
		const users = await t.db
			.insertInto('users')
			.values(
				Array.from({ length: 2000 }, (_, i) => ({
					email: `rush${i}@example.org`,
					email_verified: 1,
					password_hash: null,
					role: 'delegate' as const,
					created_at: new Date().toISOString()
				}))
			)
			.returning(['id', 'email'])
			.execute();
		const results = await Promise.all(
			users.map((u, i) =>
				register(t.db, person(orgs[i % orgs.length], 5000 + i, { email: u.email }), {
					meetingId: m.id,
					userId: u.id,
					createdBy: u.id,
					byStaff: false,
					formToken: `rush2k-${i}`,
					origin: ORIGIN,
					// Capacity alone here; unconfirmed sign-ups have their own rush test (registration-membership).
					confirmedMember: true
				})
			)
		);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		const rows = await t.db
			.selectFrom('registrations')
			.select(['id', 'status', 'holds_place', 'user_id'])
			.where('meeting_id', '=', m.id)
			.orderBy('id')
			.execute();
		expect(rows).toHaveLength(2000);
		expect(new Set(rows.map((r) => r.user_id)).size).toBe(2000);
		const placed = rows.filter((r) => r.holds_place === 1);
		const waiting = rows.filter((r) => r.status === 'waitlisted');
		expect(placed).toHaveLength(1500);
		expect(waiting).toHaveLength(500);
		// In submission order: every place went to an earlier registration than every waiting one.
		expect(Math.max(...placed.map((r) => r.id))).toBeLessThan(Math.min(...waiting.map((r) => r.id)));
		expect((await t.db.selectFrom('meetings').select('places_held').where('id', '=', m.id).executeTakeFirstOrThrow()).places_held).toBe(1500);
	}, 120_000);

	it('a double-submitted form creates one registration; a second registration of the same person is refused', async () => {
		const m = await makeMeeting(t, 'TWICE', 10);
		const opts = { meetingId: m.id, userId: null, createdBy: null, byStaff: false, formToken: 'same-token', origin: ORIGIN };
		const [a, b] = await Promise.all([register(t.db, person(orgs[0], 1000), opts), register(t.db, person(orgs[0], 1000), opts)]);
		expect(a.ok && b.ok).toBe(true);
		expect(a.ok && b.ok && a.registration.id === b.registration.id).toBe(true);
		const again = await register(t.db, person(orgs[0], 1000), { ...opts, formToken: 'another' });
		expect(again).toMatchObject({ ok: false, reason: 'existing' });
	});

	it('one head per delegation, a delegation cap, and no registration outside the window except by staff', async () => {
		const m = await makeMeeting(t, 'RULES', 100, { delegation_cap: 2 });
		const opts = (i: number) => ({ meetingId: m.id, userId: null, createdBy: null, byStaff: false, formToken: `rules-${i}`, origin: ORIGIN });
		expect((await register(t.db, person(orgs[1], 2001, { role: 'head' }), opts(1))).ok).toBe(true);
		expect(await register(t.db, person(orgs[1], 2002, { role: 'head' }), opts(2))).toMatchObject({
			ok: false,
			reason: 'field',
			errors: { role: expect.stringContaining('already has a head') }
		});
		expect((await register(t.db, person(orgs[1], 2003), opts(3))).ok).toBe(true);
		expect(await register(t.db, person(orgs[1], 2004), opts(4))).toMatchObject({
			ok: false,
			reason: 'field',
			errors: { organization_id: expect.stringContaining('limit of 2') }
		});

		const closed = await makeMeeting(t, 'CLOSED', 100, { registration_closes_at: '2021-01-01T00:00:00.000Z' });
		const o = { meetingId: closed.id, userId: null, createdBy: null, formToken: null, origin: ORIGIN };
		expect(await register(t.db, person(orgs[2], 3001), { ...o, byStaff: false })).toMatchObject({ ok: false, reason: 'closed' });
		expect((await register(t.db, person(orgs[2], 3001), { ...o, byStaff: true })).ok).toBe(true);
		expect(await register(t.db, person(99999, 3002), { ...o, byStaff: true })).toMatchObject({ ok: false, reason: 'unknown_org' });
	});
});

describe.each(engines)('delegations, changes, check-in and personal data on %s', (engine) => {
	let t: TestDb;
	let orgId: number;
	let actor: { id: number; email: string };
	beforeAll(async () => {
		t = await freshDb(engine);
		orgId = (
			await t.db
				.insertInto('organizations')
				.values({ kind: 'state', name: 'Testland', iso3: 'TST', ccm_status: 'state_party', joined: '2010-01-01', observer_by_right: 0 })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const staff = await createUser(t.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
	});
	afterAll(async () => t.close());

	async function reg(m: { id: number }, i: number, over: Partial<PersonDetails> = {}) {
		const r = await register(t.db, person(orgId, i, over), { meetingId: m.id, userId: null, createdBy: null, byStaff: true, formToken: null, origin: ORIGIN });
		if (!r.ok) throw new Error(JSON.stringify(r));
		return r.registration;
	}

	it('names a head (the old one becomes alternate) and submits the delegation only with a head', async () => {
		const { setHead, submitDelegation } = await import('../../src/lib/server/registration/delegation-store');
		const m = await makeMeeting(t, 'DELEG', 50);
		const a = await reg(m, 1);
		const b = await reg(m, 2);
		expect(await submitDelegation(t.db, actor, a.delegation_id)).toEqual({ ok: false, message: expect.stringContaining('head') });
		expect(await setHead(t.db, actor, a.delegation_id, a.id)).toBe(true);
		expect(await setHead(t.db, actor, a.delegation_id, b.id)).toBe(true);
		const roles = await t.db.selectFrom('registrations').select(['id', 'role']).where('delegation_id', '=', a.delegation_id).orderBy('id').execute();
		expect(roles.map((r) => r.role)).toEqual(['alternate', 'head']);
		expect(await submitDelegation(t.db, actor, a.delegation_id)).toEqual({ ok: true });
		expect((await t.db.selectFrom('delegations').select('status').where('id', '=', a.delegation_id).executeTakeFirstOrThrow()).status).toBe('submitted');
	});

	it('sends an approved registration back to pending when the name changes, not when the phone does', async () => {
		const { updateRegistration } = await import('../../src/lib/server/registration/store');
		const m = await makeMeeting(t, 'CHANGE', 50);
		const r = await reg(m, 10);
		await decide(t.db, actor, m.id, [r.id], { action: 'approve' }, ORIGIN);
		const approved = await t.db.selectFrom('registrations').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
		expect(await updateRegistration(t.db, approved, person(orgId, 10, { phone: '+41 22 000 00 00' }), actor)).toEqual({ ok: true, reapproval: false });
		expect(await updateRegistration(t.db, approved, person(orgId, 10, { family_name: 'Renamed' }), actor)).toEqual({ ok: true, reapproval: true });
		expect((await t.db.selectFrom('registrations').select('status').where('id', '=', r.id).executeTakeFirstOrThrow()).status).toBe('pending');
	});

	it('checks in approved badges once, and refuses unknown or unapproved codes', async () => {
		const { checkIn } = await import('../../src/lib/server/registration/check-in');
		const m = await makeMeeting(t, 'CHECK', 50);
		const r = await reg(m, 20);
		expect(await checkIn(t.db, actor, m.id, r.badge_token)).toMatchObject({ ok: false, message: expect.stringContaining('not approved') });
		await decide(t.db, actor, m.id, [r.id], { action: 'approve' }, ORIGIN);
		expect(await checkIn(t.db, actor, m.id, ` ${r.badge_token.toUpperCase()} `)).toMatchObject({
			ok: true,
			name: 'Given20 Family20',
			organization: 'Testland',
			already: null
		});
		expect(await checkIn(t.db, actor, m.id, r.badge_token)).toMatchObject({ ok: true, already: expect.any(String) });
		expect(await checkIn(t.db, actor, m.id, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).toMatchObject({ ok: false, message: expect.stringContaining('No badge') });
		expect(await checkIn(t.db, actor, m.id, "' or 1=1 --")).toMatchObject({ ok: false });
	});

	it('exports a person, then erases their identity while they stay counted', async () => {
		const { exportPerson, erasePerson } = await import('../../src/lib/server/registration/personal-data');
		const m1 = await makeMeeting(t, 'PD1', 50);
		const m2 = await makeMeeting(t, 'PD2', 50);
		await reg(m1, 30, { email: 'erase.me@example.org', phone: '+1 555 0100' });
		await reg(m2, 30, { email: 'erase.me@example.org' });
		const data = await exportPerson(t.db, actor, 'erase.me@example.org');
		expect(data.registrations.map((r) => r.meeting)).toEqual(['PD1', 'PD2']);
		expect(data.registrations[0]).toMatchObject({ given_name: 'Given30', phone: '+1 555 0100' });
		expect(await erasePerson(t.db, actor, 'erase.me@example.org')).toBe(2);
		const rows = await t.db.selectFrom('registrations').selectAll().where('meeting_id', 'in', [m1.id, m2.id]).execute();
		expect(rows).toHaveLength(2);
		for (const r of rows) expect(r).toMatchObject({ given_name: null, family_name: null, email: null, phone: null, status: 'pending', role: 'member' });
		const log = await listAudit(t.db, { action: 'person.erase' });
		expect(log.rows[0].after_json).not.toContain('Given30');
		expect((await exportPerson(t.db, actor, 'erase.me@example.org')).registrations).toHaveLength(0);
	});
});
