import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { register } from '../../src/lib/server/registration/store';
import { endorse, saveApplication } from '../../src/lib/server/sponsorship/applications';
import { currentCriteria, expireDueOffers, saveCriteria, saveProgramme, seedCriteria, sendOffers } from '../../src/lib/server/sponsorship/store';
import { prepareDatabase } from '../../src/lib/server/startup';
import { appJobs, createScheduler } from '../../src/lib/server/jobs';
import { MINUTE } from '../../src/lib/server/time';
import type { Meeting } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';

// The route modules read the app's database through the areas' front doors (getDb): point it at the test database.
import { setHandle } from '../../src/lib/server/db';

import { load as staffLoad } from '../../src/routes/admin/meetings/[slug]/sponsorship/+page.server';
import { load as applicantLoad } from '../../src/routes/meetings/[slug]/sponsorship/+page.server';
import { load as committeeLoad } from '../../src/routes/committee/meetings/[slug]/sponsorship/+page.server';
import { load as reportLoad } from '../../src/routes/committee/meetings/[slug]/sponsorship/report/+page.server';
import { load as criteriaLoad } from '../../src/routes/admin/sponsorship/criteria/+page.server';

const ORIGIN = 'http://app.test';
const base = {
	departure_city: 'Kabul',
	justification: null,
	statement: true,
	statement_items: [],
	implementation_responsibility: true,
	mode: 'submit' as const
};

/** Every row of every table, so that "changes nothing" means nothing. */
async function snapshot(t: TestDb): Promise<Record<string, string[]>> {
	const tables =
		t.engine === 'sqlite'
			? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)).rows
			: (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.db)).rows;
	const out: Record<string, string[]> = {};
	for (const { name } of tables)
		out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.db)).rows.map((r) => JSON.stringify(r)).sort();
	return out;
}

function sessionUser(u: { id: number; email: string; role: SessionUser['role'] }, organizationId: number | null = null): SessionUser {
	return { ...u, givenName: null, familyName: null, organizationId, emailVerified: true };
}

function event(user: SessionUser, path: string, slug?: string) {
	return { locals: { user, session: null }, params: slug ? { slug } : {}, url: new URL(path, ORIGIN), setHeaders: () => {}, parent: async () => ({}) } as never;
}

describe.each(engines)('sponsorship pages read, the scheduler writes, on %s', (engine) => {
	let t: TestDb;
	let meeting: Meeting;
	let staff: SessionUser;
	let cc: SessionUser;
	const apps: Record<string, { id: number; user: SessionUser }> = {};

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		const now = new Date().toISOString();
		meeting = await t.db
			.insertInto('meetings')
			.values({
				code: 'SJ',
				slug: 'sj',
				title: 'Scheduled meeting',
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
		staff = sessionUser({ ...(await createUser(t.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true })), role: 'staff' });
		cc = sessionUser({ ...(await createUser(t.db, { email: 'cc@example.org', password: null, role: 'cc_member', verified: true })), role: 'cc_member' });
	});
	afterAll(async () => t.close());

	it('reading the criteria in force writes nothing; version 1 is stored by the seed, and an edit keeps it in the history', async () => {
		expect((await snapshot(t)).criteria_sets).toEqual([]);
		const before = await snapshot(t);
		const page = (await criteriaLoad(event(staff, '/admin/sponsorship/criteria'))) as { set: { version: number } };
		expect(page.set.version).toBe(1);
		expect((await currentCriteria(t.db)).version).toBe(1);
		expect(await snapshot(t)).toEqual(before);

		await seedCriteria(t.db);
		await seedCriteria(t.db);
		expect(await t.db.selectFrom('criteria_sets').select('version').execute()).toEqual([{ version: 1 }]);
	});

	it('the start-up seed stores criteria version 1', async () => {
		const other = await freshDb(engine);
		try {
			const log = vi.spyOn(console, 'log').mockImplementation(() => {});
			await prepareDatabase(other, { SEED_DEMO: 'false' });
			log.mockRestore();
			expect(await other.db.selectFrom('criteria_sets').select(['version', 'created_by']).execute()).toEqual([{ version: 1, created_by: null }]);
		} finally {
			await other.close();
		}
	});

	it('an edit on a database the seed never saw keeps version 1 in the history', async () => {
		const other = await freshDb(engine);
		try {
			const edited = await currentCriteria(other.db);
			const u = await createUser(other.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true });
			expect(await saveCriteria(other.db, u, { ...edited, note: 'Adopted text' }, '2031-01-15')).toEqual({ ok: true, version: 2 });
			expect((await other.db.selectFrom('criteria_sets').select('version').orderBy('version').execute()).map((r) => r.version)).toEqual([1, 2]);
		} finally {
			await other.close();
		}
	});

	it('an offer past its deadline shows as expired on every page without a write; one job run lapses it and offers the money on', async () => {
		const states: Record<string, number> = {};
		for (const [iso3, name, art4] of [
			['LAO', 'Lao PDR', '2032-08-01'],
			['AFG', 'Afghanistan', '2036-03-01']
		] as const) {
			states[iso3] = (
				await t.db
					.insertInto('organizations')
					.values({ kind: 'state', name, iso3, ccm_status: 'state_party', joined: '2010-01-01', art4_deadline: art4, region: 'Asia', observer_by_right: 0 })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		}
		// 3 500 CHF: Lao (1 000 + 4×200) fits; Afghanistan (2 500 + 4×200) only once Lao's money is free.
		await saveProgramme(t.db, staff, meeting.id, {
			budget_centimes: 350_000,
			dsa_centimes: 20_000,
			default_nights: 4,
			places_per_state: 1,
			opens_at: null,
			closes_at: null,
			offer_response_days: 7
		});
		for (const [iso3, airfare] of [
			['LAO', 100_000],
			['AFG', 250_000]
		] as const) {
			const u = await createUser(t.db, { email: `a-${iso3}@example.org`, password: null, role: 'delegate', verified: true });
			const r = await register(
				t.db,
				{
					organization_id: states[iso3],
					title: null,
					given_name: 'Given',
					family_name: iso3,
					gender: 'female',
					position: null,
					email: u.email,
					phone: null,
					role: 'member',
					consent_published: true,
					access_needs: null
				},
				{ meetingId: meeting.id, userId: u.id, createdBy: u.id, byStaff: false, formToken: null, origin: ORIGIN, confirmedMember: true }
			);
			if (!r.ok) throw new Error(JSON.stringify(r));
			const user = sessionUser({ id: u.id, email: u.email, role: 'delegate' });
			const saved = await saveApplication(t.db, user, meeting, r.registration.id, { ...base, airfare, nights: 4 }, ORIGIN);
			if (!saved.ok) throw new Error(JSON.stringify(saved));
			const fp = await createUser(t.db, { email: `fp-${iso3}@example.org`, password: null, role: 'focal_point', organizationId: states[iso3], verified: true });
			expect(await endorse(t.db, { id: fp.id, email: fp.email, organizationId: states[iso3] }, saved.application.id, true)).toBe(true);
			apps[iso3] = { id: saved.application.id, user };
		}
		expect(await sendOffers(t.db, staff, meeting, ORIGIN)).toEqual([apps.LAO.id]);
		// Lao did not answer in time.
		await t.db
			.updateTable('sponsorship_applications')
			.set({ offer_deadline: new Date(Date.now() - MINUTE).toISOString() })
			.where('id', '=', apps.LAO.id)
			.execute();

		const before = await snapshot(t);
		type Staff = { view: { rows: { id: number; status: string; decision: string | null }[] } };
		const staffPage = (await staffLoad(event(staff, '/admin/meetings/sj/sponsorship', 'sj'))) as Staff;
		const applicantPage = (await applicantLoad(event(apps.LAO.user, '/meetings/sj/sponsorship', 'sj'))) as { application: { status: string } };
		const committeePage = (await committeeLoad(event(cc, '/committee/meetings/sj/sponsorship', 'sj'))) as Staff;
		await reportLoad(event(cc, '/committee/meetings/sj/sponsorship/report', 'sj'));
		await criteriaLoad(event(staff, '/admin/sponsorship/criteria'));
		expect(await snapshot(t)).toEqual(before);

		// What the pages show is what the job will do.
		for (const page of [staffPage, committeePage]) {
			expect(page.view.rows.find((r) => r.id === apps.LAO.id)).toMatchObject({ status: 'expired' });
			expect(page.view.rows.find((r) => r.id === apps.AFG.id)).toMatchObject({ status: 'submitted', decision: 'fund' });
		}
		expect(applicantPage.application.status).toBe('expired');

		let clock = Date.now();
		const runner = createScheduler(t.db, appJobs(t, { ORIGIN }), { holder: 'test', now: () => clock });
		expect(await runner.tick()).toContain('sponsorship.expire-offers');
		const after = await t.db
			.selectFrom('sponsorship_applications')
			.select(['id', 'status'])
			.where('id', 'in', [apps.LAO.id, apps.AFG.id])
			.orderBy('id')
			.execute();
		expect(after.map((a) => a.status)).toEqual(['expired', 'offered']);
		const programme = await t.db.selectFrom('sponsorship_programmes').selectAll().where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
		expect(programme.committed_centimes).toBe(330_000);
		const mail = await t.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', 'a-afg@example.org').execute();
		expect(mail.map((m) => m.subject)).toContain('SJ: offer of sponsorship');
		expect(mail.find((m) => m.subject === 'SJ: offer of sponsorship')!.body_text).toContain(`${ORIGIN}/meetings/sj/sponsorship`);
		const lapsed = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_user_id'])
			.where('entity_id', '=', String(apps.LAO.id))
			.where('action', '=', 'sponsorship.expired')
			.execute();
		expect(lapsed).toEqual([{ action: 'sponsorship.expired', actor_user_id: null }]);

		// The next run finds nothing to do.
		const settled = await snapshot(t);
		clock += MINUTE;
		expect(await runner.tick()).toContain('sponsorship.expire-offers');
		const again = await snapshot(t);
		for (const table of ['sponsorship_applications', 'sponsorship_programmes', 'outbox', 'audit_log', 'sponsorship_scores'])
			expect(again[table]).toEqual(settled[table]);

		// Two runs at once (a lease lapsed under a slow run): Afghanistan's money comes back once, not twice.
		await t.db
			.updateTable('sponsorship_applications')
			.set({ offer_deadline: new Date(Date.now() - MINUTE).toISOString() })
			.where('id', '=', apps.AFG.id)
			.execute();
		const [one, two] = await Promise.all([expireDueOffers(t.db, ORIGIN), expireDueOffers(t.db, ORIGIN)]);
		expect([...one.expired, ...two.expired]).toEqual([apps.AFG.id]);
		expect(
			(await t.db.selectFrom('sponsorship_programmes').select('committed_centimes').where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow())
				.committed_centimes
		).toBe(0);
		expect(
			await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(apps.AFG.id)).where('action', '=', 'sponsorship.expired').execute()
		).toHaveLength(1);
	});
});
