import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { register, type PersonDetails } from '../../src/lib/server/registration/store';
import { listOwnRegistrations } from '../../src/lib/server/registration/own-space';
import { createUser } from '../../src/lib/server/auth/accounts';

const ORIGIN = 'http://app.test';

function person(orgId: number, email: string): PersonDetails {
	return {
		organization_id: orgId,
		title: null,
		given_name: 'Awa',
		family_name: 'Ndiaye',
		gender: null,
		position: null,
		email,
		phone: null,
		role: 'member',
		consent_published: false,
		access_needs: null
	};
}

describe.each(engines)('my meetings on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t?.close());

	it('lists the person’s own registrations (by account or unclaimed by address) with waiting-list position and sponsorship, and no one else’s', async () => {
		const now = new Date().toISOString();
		const org = (
			await t.db.insertInto('organizations').values({ kind: 'state', name: 'Senegal', observer_by_right: 0 }).returning('id').executeTakeFirstOrThrow()
		).id;
		const meeting = (code: string, start: string, capacity: number | null) =>
			t.db
				.insertInto('meetings')
				.values({
					code,
					slug: code.toLowerCase(),
					title: `Meeting ${code}`,
					kind: 'msp',
					start_date: start,
					end_date: start,
					time_zone: 'Europe/Zurich',
					registration_opens_at: '2020-01-01T00:00:00.000Z',
					registration_closes_at: '2040-01-01T00:00:00.000Z',
					capacity,
					status: 'published',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const full = await meeting('FULL', '2032-01-10', 1);
		const open = await meeting('OPEN', '2031-01-10', null);
		const me = await createUser(t.db, { email: `awa-${engine}@example.org`, password: null, role: 'delegate', verified: true });
		const opts = (meetingId: number, userId: number | null, token: string) => ({
			meetingId,
			userId,
			createdBy: null,
			byStaff: false,
			formToken: token,
			origin: ORIGIN
		});
		await register(t.db, person(org, 'other@example.org'), opts(full.id, null, 'a'));
		await register(t.db, person(org, 'another@example.org'), opts(full.id, null, 'b'));
		const mine = await register(t.db, person(org, me.email), opts(full.id, me.id, 'c'));
		// Registered by a focal point with the person's address, not yet claimed: also theirs.
		const byFocal = await register(t.db, person(org, me.email), opts(open.id, null, 'd'));
		expect(mine.ok).toBe(true);
		if (!byFocal.ok) throw new Error('registration failed');
		await t.db
			.insertInto('sponsorship_applications')
			.values({
				registration_id: byFocal.registration.id,
				meeting_id: open.id,
				user_id: null,
				status: 'draft',
				departure_city: null,
				airfare_centimes: null,
				nights: null,
				justification: null,
				statement: 0,
				statement_items: null,
				implementation_responsibility: 0,
				endorsement: 'pending',
				endorsed_by: null,
				endorsed_at: null,
				submitted_at: null,
				cost_centimes: null,
				offer_sent_at: null,
				offer_deadline: null,
				responded_at: null,
				created_at: now,
				updated_at: now
			})
			.execute();

		const rows = await listOwnRegistrations(t.db, me);
		expect(rows.map((r) => r.code)).toEqual(['FULL', 'OPEN']);
		expect(rows[0]).toMatchObject({ status: 'waitlisted', organization: 'Senegal' });
		expect(Number(rows[0].wait_position)).toBe(2);
		expect(rows[1]).toMatchObject({ status: 'pending', user_id: null, wait_position: null, sponsorship: 'draft' });
		expect(await listOwnRegistrations(t.db, { id: me.id + 1000, email: 'nobody@example.org' })).toEqual([]);
	});
});
