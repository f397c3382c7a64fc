import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { register, type PersonDetails } from '../../src/lib/server/registration/store';
import { listParticipants } from '../../src/lib/server/registration/queries';
import { meetingSchema } from '../../src/lib/server/meetings/forms';

const ORIGIN = 'http://app.test';

const person = (orgId: number, i: number, consent: boolean): PersonDetails => ({
	organization_id: orgId,
	title: null,
	given_name: `Given${i}`,
	family_name: `Family${i}`,
	gender: null,
	position: null,
	email: `p${i}@example.org`,
	phone: null,
	role: 'member',
	consent_published: consent,
	access_needs: null
});

describe.each(engines)('list of participants by notice or by consent on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t?.close());

	it('by consent lists only those who ticked the box; an official list by notice lists every approved participant', async () => {
		const now = new Date().toISOString();
		const org = (
			await t.db.insertInto('organizations').values({ kind: 'state', name: 'Chile', observer_by_right: 0 }).returning('id').executeTakeFirstOrThrow()
		).id;
		const meeting = async (code: string) =>
			await t.db
				.insertInto('meetings')
				.values({
					code,
					slug: code.toLowerCase(),
					title: code,
					kind: 'msp',
					start_date: '2031-09-01',
					end_date: '2031-09-02',
					time_zone: 'Europe/Zurich',
					registration_opens_at: '2020-01-01T00:00:00.000Z',
					registration_closes_at: '2031-08-01T00:00:00.000Z',
					capacity: null,
					status: 'published',
					created_at: now,
					updated_at: now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
		const byConsent = await meeting('CONSENT');
		// A new meeting publishes by consent unless staff choose otherwise.
		expect(byConsent.participants_list).toBe('consent');
		const byNotice = await meeting('NOTICE');
		await t.db.updateTable('meetings').set({ participants_list: 'notice' }).where('id', '=', byNotice.id).execute();
		let i = 0;
		for (const m of [byConsent, byNotice])
			for (const consent of [true, false])
				await register(t.db, person(org, ++i, consent), { meetingId: m.id, userId: null, createdBy: null, byStaff: true, formToken: `t${i}`, origin: ORIGIN });
		await t.db.updateTable('registrations').set({ status: 'approved' }).execute();

		expect((await listParticipants(t.db, byConsent.id)).map((p) => p.given_name)).toEqual(['Given1']);
		expect((await listParticipants(t.db, byNotice.id)).map((p) => p.given_name).sort()).toEqual(['Given3', 'Given4']);
		await expect(
			t.db
				.updateTable('meetings')
				.set({ participants_list: 'everyone' as never })
				.where('id', '=', byNotice.id)
				.execute()
		).rejects.toThrow();
	});

	it('the meeting form keeps the choice and falls back to consent, never to publication', () => {
		const base = { code: 'X1', title: 'X', kind: 'msp', start_date: '2031-01-01', end_date: '2031-01-02', time_zone: 'Europe/Zurich' };
		const parsed = meetingSchema.safeParse(base);
		expect(parsed.success && parsed.data.participants_list).toBe('consent');
		const notice = meetingSchema.safeParse({ ...base, participants_list: 'notice' });
		expect(notice.success && notice.data.participants_list).toBe('notice');
		expect(meetingSchema.safeParse({ ...base, participants_list: 'all' }).success).toBe(false);
	});
});
