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
			.values(Array.from({ length: 30 }, (_, i) => ({ kind: 'state' as const, name: `State ${i}`, iso3: `S${String(i).padStart(2, '0')}`, ccm_status: 'state_party' as const, joined: '2010-01-01', observer_by_right: 0 })))
			.returning('id')
			.execute();
		orgs = rows.map((r) => r.id);
	});
	afterAll(async () => t.close());

	it('300 concurrent registrations against 200 places: exactly 200 hold places, 100 wait, none lost, no error', async () => {
		const m = await makeMeeting(t, 'RUSH', 200);
		const results = await Promise.all(
			Array.from({ length: 300 }, (_, i) => register(t.db, person(orgs[i % orgs.length], i), { meetingId: m.id, userId: null, createdBy: null, byStaff: false, formToken: `rush-${i}`, origin: ORIGIN }))
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
		const after = await t.db.selectFrom('registrations').select(['id', 'status', 'holds_place']).where('id', 'in', waiting.slice(0, 3).map((w) => w.id)).orderBy('id').execute();
		expect(after.map((r) => r.status)).toEqual(['pending', 'pending', 'waitlisted']);
		expect((await t.db.selectFrom('meetings').select('places_held').where('id', '=', m.id).executeTakeFirstOrThrow()).places_held).toBe(200);
		const mail = await listOutbox(t.db, { to: waiting[0].email! });
		expect(mail.rows.map((r) => r.subject)).toContain('RUSH: a place is now yours');
		expect((await listOutbox(t.db, { to: holders[0].email! })).rows[0].body_text).toContain('Not a member of the delegation.');
		expect((await listAudit(t.db, { action: 'registration.reject' })).total).toBe(1);
	});

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
		expect(await register(t.db, person(orgs[1], 2002, { role: 'head' }), opts(2))).toMatchObject({ ok: false, reason: 'field', errors: { role: expect.stringContaining('already has a head') } });
		expect((await register(t.db, person(orgs[1], 2003), opts(3))).ok).toBe(true);
		expect(await register(t.db, person(orgs[1], 2004), opts(4))).toMatchObject({ ok: false, reason: 'field', errors: { organization_id: expect.stringContaining('limit of 2') } });

		const closed = await makeMeeting(t, 'CLOSED', 100, { registration_closes_at: '2021-01-01T00:00:00.000Z' });
		const o = { meetingId: closed.id, userId: null, createdBy: null, formToken: null, origin: ORIGIN };
		expect(await register(t.db, person(orgs[2], 3001), { ...o, byStaff: false })).toMatchObject({ ok: false, reason: 'closed' });
		expect((await register(t.db, person(orgs[2], 3001), { ...o, byStaff: true })).ok).toBe(true);
		expect(await register(t.db, person(99999, 3002), { ...o, byStaff: true })).toMatchObject({ ok: false, reason: 'unknown_org' });
	});
});
