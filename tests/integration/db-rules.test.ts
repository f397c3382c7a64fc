import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { engines, freshDb, type TestDb } from './db';
import { openPostgres, openSqlite, type Engine } from '../../src/lib/server/db/connect';
import { migrateToLatest, ModuleMigrationProvider } from '../../src/lib/server/db/migrate';
import { migrations } from '../../src/lib/server/db/migrations';
import type {
	ApplicationStatus,
	CcmStatus,
	DelegationTable,
	DocumentStatus,
	DocumentTable,
	MeetingKind,
	MeetingStatus,
	OrganizationKind,
	OutboxStatus,
	RegistrationStatus,
	Role,
	SponsorshipApplicationTable,
	TokenKind,
	DelegationRole
} from '../../src/lib/server/db/schema';
import { register, updateRegistration, type PersonDetails } from '../../src/lib/server/registration/store';
import { saveProgramme, type ProgrammeInput } from '../../src/lib/server/sponsorship/store';

// Records keyed by the app's union types: a value added to a type fails the type check here until it is listed, and
// then the test below fails until a migration lets the database accept it.
const ALLOWED: Record<string, Record<string, Record<string, true>>> = {
	organizations: {
		kind: { state: true, international_organization: true, ngo: true } satisfies Record<OrganizationKind, true>,
		ccm_status: { state_party: true, signatory: true, not_party: true } satisfies Record<CcmStatus, true>
	},
	users: { role: { staff: true, cc_member: true, focal_point: true, delegate: true } satisfies Record<Role, true> },
	tokens: { kind: { verify_email: true, reset_password: true, invite: true, change_email: true } satisfies Record<TokenKind, true> },
	outbox: { status: { queued: true, sent: true, failed: true } satisfies Record<OutboxStatus, true> },
	meetings: {
		kind: {
			msp: true,
			review_conference: true,
			intersessional: true,
			coordination_committee: true,
			preparatory_meeting: true,
			workshop: true,
			informal: true,
			diplomatic_conference: true,
			signing_conference: true
		} satisfies Record<MeetingKind, true>,
		status: { draft: true, published: true, closed: true } satisfies Record<MeetingStatus, true>
	},
	delegations: { status: { open: true, submitted: true } satisfies Record<DelegationTable['status'], true> },
	registrations: {
		role: { head: true, alternate: true, adviser: true, member: true, observer: true } satisfies Record<DelegationRole, true>,
		status: { pending: true, approved: true, waitlisted: true, rejected: true, cancelled: true } satisfies Record<RegistrationStatus, true>
	},
	sponsorship_applications: {
		status: { draft: true, submitted: true, offered: true, accepted: true, declined: true, expired: true, withdrawn: true } satisfies Record<
			ApplicationStatus,
			true
		>,
		endorsement: { pending: true, endorsed: true, not_endorsed: true } satisfies Record<SponsorshipApplicationTable['endorsement'], true>
	},
	documents: {
		distribution: { general: true, limited: true } satisfies Record<DocumentTable['distribution'], true>,
		status: { draft: true, published: true, withdrawn: true } satisfies Record<DocumentStatus, true>
	}
};

const FLAGS: Record<string, string[]> = {
	organizations: ['observer_by_right', 'has_victims', 'least_developed'],
	users: ['email_verified'],
	registrations: ['consent_published', 'holds_place', 'confirmed_by_person'],
	sponsorship_applications: ['statement', 'implementation_responsibility']
};

/** SQLite names a CHECK and a trigger's rule in its message, but not a foreign key. */
const refusedBy = (name: string, fk = false) => new RegExp(fk ? `${name}|FOREIGN KEY constraint failed` : name);
const now = new Date().toISOString();

function person(orgId: number, email: string): PersonDetails {
	return {
		organization_id: orgId,
		title: null,
		given_name: 'Ada',
		family_name: 'Moved',
		gender: null,
		position: null,
		email,
		phone: null,
		role: 'member',
		consent_published: false,
		access_needs: null
	};
}

const programme = (budget: number): ProgrammeInput => ({
	budget_centimes: budget,
	dsa_centimes: 30_000,
	default_nights: 4,
	places_per_state: 1,
	opens_at: null,
	closes_at: null,
	offer_response_days: 7
});

/** One row of every table a rule is about, in two meetings. */
async function fixtures(db: Kysely<any>) {
	const [orgA, orgB] = (
		await db
			.insertInto('organizations')
			.values([
				{ kind: 'state', name: 'Aland', iso3: 'AAA', observer_by_right: 0 },
				{ kind: 'state', name: 'Bland', iso3: 'BBB', observer_by_right: 0 }
			])
			.returning('id')
			.execute()
	).map((r) => r.id as number);
	const user = (
		await db
			.insertInto('users')
			.values({ email: 'u@example.org', email_verified: 1, role: 'delegate', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id as number;
	await db.insertInto('tokens').values({ id: 'tok', kind: 'invite', email: 'u@example.org', expires_at: now, created_at: now }).execute();
	await db.insertInto('outbox').values({ to_address: 'u@example.org', subject: 's', body_text: 'b', status: 'queued', attempts: 0, created_at: now }).execute();
	const meeting = (code: string) => ({
		code,
		slug: code.toLowerCase(),
		title: code,
		kind: 'msp',
		start_date: '2031-09-01',
		end_date: '2031-09-03',
		time_zone: 'Europe/Zurich',
		status: 'published',
		created_at: now,
		updated_at: now
	});
	const [m1, m2] = (
		await db
			.insertInto('meetings')
			.values([meeting('M1'), meeting('M2')])
			.returning('id')
			.execute()
	).map((r) => r.id as number);
	const [d1, d2] = (
		await db
			.insertInto('delegations')
			.values([
				{ meeting_id: m1, organization_id: orgA, places_held: 1, status: 'open', created_at: now, updated_at: now },
				{ meeting_id: m2, organization_id: orgA, places_held: 0, status: 'open', created_at: now, updated_at: now }
			])
			.returning('id')
			.execute()
	).map((r) => r.id as number);
	const reg = (
		await db
			.insertInto('registrations')
			.values({
				meeting_id: m1,
				delegation_id: d1,
				role: 'head',
				status: 'pending',
				holds_place: 1,
				email: 'r1@example.org',
				badge_token: 'b1',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id as number;
	await db.updateTable('meetings').set({ places_held: 1 }).where('id', '=', m1).execute();
	await db.insertInto('sponsorship_programmes').values({ meeting_id: m1, budget_centimes: 100_000, committed_centimes: 40_000, updated_at: now }).execute();
	const app = (
		await db
			.insertInto('sponsorship_applications')
			.values({ meeting_id: m1, registration_id: reg, status: 'offered', cost_centimes: 40_000, created_at: now, updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id as number;
	const item = (m: number, n: string) => ({ meeting_id: m, position: 1, number: n, title: `Item ${n}`, updated_at: now });
	const [i1, i2] = (
		await db
			.insertInto('agenda_items')
			.values([item(m1, '1'), item(m2, '1')])
			.returning('id')
			.execute()
	).map((r) => r.id as number);
	const session = (m: number) => ({
		meeting_id: m,
		title: 'Opening',
		starts_at: '2031-09-01T08:00:00.000Z',
		ends_at: '2031-09-01T10:00:00.000Z',
		updated_at: now
	});
	const [s1, s2] = (
		await db
			.insertInto('meeting_sessions')
			.values([session(m1), session(m2)])
			.returning('id')
			.execute()
	).map((r) => r.id as number);
	await db.insertInto('session_agenda_items').values({ session_id: s1, agenda_item_id: i1 }).execute();
	const doc = (
		await db
			.insertInto('documents')
			.values({
				meeting_id: m1,
				symbol: 'CCM/X/1',
				base_symbol: 'CCM/X/1',
				title: 'Doc',
				title_search: 'doc',
				type: 'report',
				agenda_item_id: i1,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id as number;
	return { orgA, orgB, user, m1, m2, d1, d2, reg, app, i1, i2, s1, s2, doc };
}

describe.each(engines)('rules the database keeps on %s', (engine) => {
	let t: TestDb;
	let db: Kysely<any>;
	let f: Awaited<ReturnType<typeof fixtures>>;
	beforeAll(async () => {
		t = await freshDb(engine);
		db = t.db as unknown as Kysely<any>;
		f = await fixtures(db);
	});
	afterAll(() => t.close());
	const staff = () => ({ id: f.user, email: 'u@example.org' });

	const rowOf = (table: string) => {
		const key: Record<string, [string, () => number | string]> = {
			organizations: ['id', () => f.orgA],
			users: ['id', () => f.user],
			tokens: ['id', () => 'tok'],
			outbox: ['to_address', () => 'u@example.org'],
			meetings: ['id', () => f.m1],
			delegations: ['id', () => f.d1],
			registrations: ['id', () => f.reg],
			sponsorship_applications: ['id', () => f.app],
			documents: ['id', () => f.doc]
		};
		const [col, value] = key[table];
		return (q: any) => q.where(col, '=', value());
	};

	it('accepts every status, role and kind the app has, and refuses any other', async () => {
		for (const [table, columns] of Object.entries(ALLOWED)) {
			for (const [column, values] of Object.entries(columns)) {
				const before = (await rowOf(table)(db.selectFrom(table).select(column)).executeTakeFirstOrThrow())[column];
				for (const v of Object.keys(values)) {
					// A registration that holds a place must stay live while its status is tried.
					if (table === 'registrations' && column === 'status') await db.updateTable('registrations').set({ holds_place: 0 }).where('id', '=', f.reg).execute();
					await rowOf(table)(db.updateTable(table).set({ [column]: v })).execute();
				}
				await expect(rowOf(table)(db.updateTable(table).set({ [column]: 'bogus' })).execute(), `${table}.${column}`).rejects.toThrow(
					refusedBy(`${table}_${column}`)
				);
				await rowOf(table)(db.updateTable(table).set({ [column]: before })).execute();
			}
		}
		await db.updateTable('registrations').set({ status: 'pending', holds_place: 1 }).where('id', '=', f.reg).execute();
	});

	it('refuses a flag other than 0 or 1', async () => {
		for (const [table, cols] of Object.entries(FLAGS)) {
			for (const c of cols)
				await expect(rowOf(table)(db.updateTable(table).set({ [c]: 2 })).execute(), `${table}.${c}`).rejects.toThrow(refusedBy(`${table}_flags`));
		}
	});

	it('keeps the counters within their bounds: never below 0, never grown past the capacity or the delegation cap', async () => {
		await expect(db.updateTable('meetings').set({ places_held: -1 }).where('id', '=', f.m1).execute()).rejects.toThrow(refusedBy('meetings_places_held'));
		await expect(db.updateTable('delegations').set({ places_held: -1 }).where('id', '=', f.d1).execute()).rejects.toThrow(refusedBy('delegations_places_held'));
		await expect(db.updateTable('outbox').set({ attempts: -1 }).execute()).rejects.toThrow(refusedBy('outbox_attempts'));
		await expect(db.updateTable('meetings').set({ capacity: -1 }).where('id', '=', f.m1).execute()).rejects.toThrow(refusedBy('meetings_limits'));

		await db.updateTable('meetings').set({ capacity: 1, delegation_cap: 1 }).where('id', '=', f.m1).execute();
		await expect(
			db
				.updateTable('meetings')
				.set((eb: any) => ({ places_held: eb('places_held', '+', 1) }))
				.where('id', '=', f.m1)
				.execute()
		).rejects.toThrow(refusedBy('meetings_places_within_capacity'));
		await expect(
			db
				.updateTable('delegations')
				.set((eb: any) => ({ places_held: eb('places_held', '+', 1) }))
				.where('id', '=', f.d1)
				.execute()
		).rejects.toThrow(refusedBy('delegations_places_within_cap'));
		await expect(
			db
				.insertInto('delegations')
				.values({ meeting_id: f.m1, organization_id: f.orgB, places_held: 2, status: 'open', created_at: now, updated_at: now })
				.execute()
		).rejects.toThrow(refusedBy('delegations_places_within_cap'));
		// Staff may lower a capacity below the places held (nobody loses theirs); the places then only go down.
		await db.updateTable('meetings').set({ capacity: 0, delegation_cap: 0 }).where('id', '=', f.m1).execute();
		await db.updateTable('meetings').set({ capacity: null, delegation_cap: null }).where('id', '=', f.m1).execute();
		expect((await db.selectFrom('meetings').select('places_held').where('id', '=', f.m1).executeTakeFirstOrThrow()).places_held).toBe(1);

		await expect(db.updateTable('registrations').set({ status: 'waitlisted' }).where('id', '=', f.reg).execute()).rejects.toThrow(
			refusedBy('registrations_place_if_live')
		);
	});

	it('keeps the committed money within the budget, and amounts not below 0', async () => {
		await expect(db.updateTable('sponsorship_programmes').set({ budget_centimes: 39_999 }).where('meeting_id', '=', f.m1).execute()).rejects.toThrow(
			refusedBy('sponsorship_programmes_within_budget')
		);
		await expect(db.updateTable('sponsorship_programmes').set({ committed_centimes: 100_001 }).where('meeting_id', '=', f.m1).execute()).rejects.toThrow(
			refusedBy('sponsorship_programmes_within_budget')
		);
		await expect(db.updateTable('sponsorship_programmes').set({ dsa_centimes: -1 }).where('meeting_id', '=', f.m1).execute()).rejects.toThrow(
			refusedBy('sponsorship_programmes_amounts')
		);
		await db.updateTable('sponsorship_programmes').set({ budget_centimes: 40_000 }).where('meeting_id', '=', f.m1).execute();
		await db.updateTable('sponsorship_programmes').set({ budget_centimes: 100_000 }).where('meeting_id', '=', f.m1).execute();
	});

	it('refuses a session that does not end after it starts', async () => {
		await expect(db.updateTable('meeting_sessions').set({ ends_at: '2031-09-01T08:00:00.000Z' }).where('id', '=', f.s1).execute()).rejects.toThrow(
			refusedBy('meeting_sessions_times')
		);
		await expect(
			db
				.insertInto('meeting_sessions')
				.values({ meeting_id: f.m1, title: 'Backwards', starts_at: '2031-09-01T10:00:00.000Z', ends_at: '2031-09-01T09:00:00.000Z', updated_at: now })
				.execute()
		).rejects.toThrow(refusedBy('meeting_sessions_times'));
	});

	it("refuses a row whose meeting is not its parent's", async () => {
		const other = {
			meeting_id: f.m2,
			delegation_id: f.d1,
			role: 'member',
			status: 'pending',
			holds_place: 0,
			email: 'x@example.org',
			badge_token: 'bx',
			created_at: now,
			updated_at: now
		};
		await expect(db.insertInto('registrations').values(other).execute()).rejects.toThrow(refusedBy('registrations_delegation_meeting', true));
		await expect(db.updateTable('registrations').set({ delegation_id: f.d2 }).where('id', '=', f.reg).execute()).rejects.toThrow(
			refusedBy('registrations_delegation_meeting', true)
		);
		await expect(db.updateTable('delegations').set({ meeting_id: f.m2, organization_id: f.orgB }).where('id', '=', f.d1).execute()).rejects.toThrow(
			refusedBy('registrations_delegation_meeting', true)
		);
		await expect(db.updateTable('sponsorship_applications').set({ meeting_id: f.m2 }).where('id', '=', f.app).execute()).rejects.toThrow(
			refusedBy('sponsorship_applications_registration_meeting', true)
		);
		await expect(db.insertInto('session_agenda_items').values({ session_id: f.s2, agenda_item_id: f.i1 }).execute()).rejects.toThrow(
			refusedBy('session_agenda_items_same_meeting')
		);
		await expect(db.updateTable('session_agenda_items').set({ session_id: f.s2 }).where('session_id', '=', f.s1).execute()).rejects.toThrow(
			refusedBy('session_agenda_items_same_meeting')
		);
		await expect(db.updateTable('documents').set({ agenda_item_id: f.i2 }).where('id', '=', f.doc).execute()).rejects.toThrow(
			refusedBy('documents_agenda_item_same_meeting')
		);
		await expect(
			db
				.insertInto('documents')
				.values({
					meeting_id: f.m2,
					symbol: 'CCM/X/2',
					base_symbol: 'CCM/X/2',
					title: 'D',
					title_search: 'd',
					type: 'report',
					agenda_item_id: f.i1,
					created_at: now,
					updated_at: now
				})
				.execute()
		).rejects.toThrow(refusedBy('documents_agenda_item_same_meeting'));
		await expect(db.updateTable('agenda_items').set({ meeting_id: f.m2 }).where('id', '=', f.i1).execute()).rejects.toThrow(
			refusedBy('agenda_items_meeting_kept')
		);
		await expect(db.updateTable('meeting_sessions').set({ meeting_id: f.m2 }).where('id', '=', f.s1).execute()).rejects.toThrow(
			refusedBy('meeting_sessions_meeting_kept')
		);
		// Items and sessions without links may still move; deletes still cascade or set null as before.
		await db.updateTable('meeting_sessions').set({ meeting_id: f.m1 }).where('id', '=', f.s2).execute();
		await db.updateTable('meeting_sessions').set({ meeting_id: f.m2 }).where('id', '=', f.s2).execute();
	});

	it('still deletes as before: an agenda item leaves its documents, a meeting takes its rows with it', async () => {
		const extra = (
			await db
				.insertInto('agenda_items')
				.values({ meeting_id: f.m1, position: 2, number: '2', title: 'Two', updated_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await db.updateTable('documents').set({ agenda_item_id: extra }).where('id', '=', f.doc).execute();
		await db.deleteFrom('agenda_items').where('id', '=', extra).execute();
		expect((await db.selectFrom('documents').select('agenda_item_id').where('id', '=', f.doc).executeTakeFirstOrThrow()).agenda_item_id).toBeNull();

		const gone = (
			await db
				.insertInto('meetings')
				.values({
					code: 'GONE',
					slug: 'gone',
					title: 'Gone',
					kind: 'msp',
					start_date: '2031-09-01',
					end_date: '2031-09-03',
					time_zone: 'Europe/Zurich',
					status: 'draft',
					places_held: 1,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id as number;
		const d = (
			await db
				.insertInto('delegations')
				.values({ meeting_id: gone, organization_id: f.orgA, places_held: 1, status: 'open', created_at: now, updated_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id as number;
		const r = (
			await db
				.insertInto('registrations')
				.values({
					meeting_id: gone,
					delegation_id: d,
					role: 'member',
					status: 'approved',
					holds_place: 1,
					email: 'g@example.org',
					badge_token: 'bg',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id as number;
		await db
			.insertInto('sponsorship_applications')
			.values({ meeting_id: gone, registration_id: r, status: 'draft', created_at: now, updated_at: now })
			.execute();
		await db.deleteFrom('meetings').where('id', '=', gone).execute();
		expect(await db.selectFrom('registrations').select('id').where('meeting_id', '=', gone).execute()).toEqual([]);
		expect(await db.selectFrom('sponsorship_applications').select('id').where('meeting_id', '=', gone).execute()).toEqual([]);
	});

	it('a staff move into a full delegation is refused at the field, counters unchanged; a move with room moves the seat', async () => {
		const meeting = (
			await db
				.insertInto('meetings')
				.values({
					code: 'CAP',
					slug: 'cap',
					title: 'Cap',
					kind: 'msp',
					start_date: '2031-09-01',
					end_date: '2031-09-03',
					time_zone: 'Europe/Zurich',
					status: 'published',
					delegation_cap: 1,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id as number;
		const opts = { meetingId: meeting, userId: null, createdBy: null, byStaff: true, formToken: null, origin: 'http://app.test' };
		const a = await register(t.db, person(f.orgA, 'a@example.org'), opts);
		const b = await register(t.db, person(f.orgB, 'b@example.org'), opts);
		if (!a.ok || !b.ok) throw new Error('setup');
		const held = async () =>
			(
				await db.selectFrom('delegations').select(['organization_id', 'places_held']).where('meeting_id', '=', meeting).orderBy('organization_id').execute()
			).map((d) => d.places_held);
		expect(await held()).toEqual([1, 1]);

		const refused = await updateRegistration(t.db, b.registration, person(f.orgA, 'b@example.org'), staff());
		expect(refused).toEqual({
			ok: false,
			reason: 'delegation_full',
			errors: { organization_id: 'This delegation has reached its limit of 1 people for this meeting.' }
		});
		expect(await held()).toEqual([1, 1]);
		expect((await db.selectFrom('registrations').select('delegation_id').where('id', '=', b.registration.id).executeTakeFirstOrThrow()).delegation_id).toBe(
			b.registration.delegation_id
		);

		await db.updateTable('meetings').set({ delegation_cap: 2 }).where('id', '=', meeting).execute();
		expect(await updateRegistration(t.db, b.registration, person(f.orgA, 'b@example.org'), staff())).toMatchObject({ ok: true });
		expect(await held()).toEqual([2, 0]);
	});

	it('a budget below the money committed is refused at the field and not saved; equal to it is saved', async () => {
		const refused = await saveProgramme(t.db, staff(), f.m1, programme(39_999));
		expect(refused).toEqual({
			ok: false,
			reason: 'below_committed',
			errors: { budget: 'CHF 400.00 is already committed to offers made or accepted: the budget cannot be less.' }
		});
		expect(
			(await db.selectFrom('sponsorship_programmes').select('budget_centimes').where('meeting_id', '=', f.m1).executeTakeFirstOrThrow()).budget_centimes
		).toBe(100_000);
		expect(await saveProgramme(t.db, staff(), f.m1, programme(40_000))).toEqual({ ok: true });
		expect(await saveProgramme(t.db, staff(), f.m2, programme(0))).toEqual({ ok: true });
	});
});

// ---- existing data ------------------------------------------------------------------------------------------

const RULES = Object.keys(migrations).find((k) => k.includes('0010_database_rules'))!;
const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).filter(([k]) => k <= last)) as Record<string, Migration>;
const before = Object.keys(migrations)
	.filter((k) => k < RULES)
	.sort()
	.at(-1)!;

/** A database migrated up to the migration before this one, as one that holds data from before it landed. */
async function olderDb(engine: Engine): Promise<{ db: Kysely<any>; close: () => Promise<void> }> {
	if (engine === 'sqlite') {
		const h = openSqlite(':memory:');
		await migrateToLatest(h.db, upTo(before));
		return { db: h.db, close: () => h.db.destroy() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `ccm_r_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const h = openPostgres(url.toString(), 4);
	await migrateToLatest(h.db, upTo(before));
	return {
		db: h.db,
		close: async () => {
			await h.db.destroy();
			const a = new pg.Client({ connectionString: adminUrl });
			await a.connect();
			await a.query(`drop database if exists ${name} with (force)`);
			await a.end();
		}
	};
}

describe.each(engines)('migration 0010 on existing data on %s', (engine) => {
	it('repairs the rows that break a rule, says how many, and can be undone and done again', async () => {
		const o = await olderDb(engine);
		try {
			const db = o.db;
			const f = await fixtures(db);
			// Everything the rules forbid, as a bug or a hand edit could have left it.
			await db.updateTable('users').set({ role: 'root', email_verified: 7 }).execute();
			await db.updateTable('tokens').set({ kind: 'magic' }).execute();
			await db.updateTable('meetings').set({ status: 'hidden', places_held: -3 }).where('id', '=', f.m1).execute();
			await db.updateTable('registrations').set({ status: 'waitlisted', holds_place: 1 }).where('id', '=', f.reg).execute();
			await db.updateTable('delegations').set({ places_held: -1 }).where('id', '=', f.d2).execute();
			await db.updateTable('sponsorship_programmes').set({ budget_centimes: 10_000 }).where('meeting_id', '=', f.m1).execute();
			await db.updateTable('meeting_sessions').set({ ends_at: '2031-09-01T07:00:00.000Z' }).where('id', '=', f.s1).execute();
			await db.insertInto('session_agenda_items').values({ session_id: f.s2, agenda_item_id: f.i1 }).execute();
			await db.updateTable('documents').set({ agenda_item_id: f.i2 }).where('id', '=', f.doc).execute();
			const stray = (
				await db
					.insertInto('registrations')
					.values({
						meeting_id: f.m2,
						delegation_id: f.d1,
						role: 'member',
						status: 'pending',
						holds_place: 0,
						email: 's@example.org',
						badge_token: 'bs',
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			await db
				.insertInto('sponsorship_applications')
				.values({ meeting_id: f.m1, registration_id: stray, status: 'draft', created_at: now, updated_at: now })
				.execute();

			const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
			try {
				await migrateToLatest(db, upTo(RULES));
				expect(warn).toHaveBeenCalledTimes(1);
				const said = String(warn.mock.calls[0][0]);
				for (const line of [
					'users_role: 1 row',
					'users_flags: 1 row',
					'tokens_kind: 1 row',
					'meetings_status: 1 row',
					'meetings_places_held: 1 row',
					'registrations_place_if_live: 1 row',
					'delegations_places_held: 1 row',
					'sponsorship_programmes_within_budget: 1 row',
					'meeting_sessions_times: 1 row',
					'session_agenda_items_same_meeting: 1 row',
					'documents_agenda_item_same_meeting: 1 row',
					'registrations_delegation_meeting: 1 row',
					'sponsorship_applications_registration_meeting: 1 row'
				]) {
					expect(said).toContain(line);
				}
			} finally {
				warn.mockRestore();
			}
			expect(await db.selectFrom('users').select(['role', 'email_verified']).executeTakeFirstOrThrow()).toEqual({ role: 'delegate', email_verified: 1 });
			expect(await db.selectFrom('tokens').selectAll().execute()).toEqual([]);
			expect(await db.selectFrom('meetings').select(['status', 'places_held']).where('id', '=', f.m1).executeTakeFirstOrThrow()).toEqual({
				status: 'draft',
				places_held: 0
			});
			expect(await db.selectFrom('registrations').select(['status', 'holds_place']).where('id', '=', f.reg).executeTakeFirstOrThrow()).toEqual({
				status: 'waitlisted',
				holds_place: 0
			});
			expect(
				await db.selectFrom('sponsorship_programmes').select(['budget_centimes', 'committed_centimes']).where('meeting_id', '=', f.m1).executeTakeFirstOrThrow()
			).toEqual({ budget_centimes: 40_000, committed_centimes: 40_000 });
			expect((await db.selectFrom('meeting_sessions').select('ends_at').where('id', '=', f.s1).executeTakeFirstOrThrow()).ends_at).toBe(
				'2031-09-01T09:00:00.000Z'
			);
			expect(await db.selectFrom('session_agenda_items').selectAll().orderBy('session_id').execute()).toEqual([{ session_id: f.s1, agenda_item_id: f.i1 }]);
			expect((await db.selectFrom('documents').select('agenda_item_id').executeTakeFirstOrThrow()).agenda_item_id).toBeNull();
			// The stray registration now sits in its organisation's delegation at its own meeting; both counters follow.
			const moved = await db
				.selectFrom('registrations as r')
				.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
				.select(['d.id', 'd.meeting_id', 'd.places_held'])
				.where('r.id', '=', stray)
				.executeTakeFirstOrThrow();
			expect(moved).toEqual({ id: f.d2, meeting_id: f.m2, places_held: 1 });
			expect((await db.selectFrom('delegations').select('places_held').where('id', '=', f.d1).executeTakeFirstOrThrow()).places_held).toBe(1);
			expect(
				(await db.selectFrom('sponsorship_applications').select('meeting_id').where('registration_id', '=', stray).executeTakeFirstOrThrow()).meeting_id
			).toBe(f.m2);
			// The rows kept their ids and the content triggers of 0006 still fire on the rebuilt tables.
			const version = async () =>
				(await db.selectFrom('content_versions').select('version').where('name', '=', 'records').executeTakeFirstOrThrow()).version as number;
			const v = await version();
			await db.updateTable('documents').set({ title: 'Doc again' }).where('id', '=', f.doc).execute();
			expect(await version()).toBe(v + 1);
			await expect(db.updateTable('users').set({ role: 'root' }).execute()).rejects.toThrow(/users_role/);

			// Down and up again: the rules go and come back, the rows stay.
			const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(upTo(RULES)) });
			const { error } = await migrator.migrateDown();
			expect(error).toBeUndefined();
			await db.updateTable('users').set({ role: 'root' }).execute();
			await db.updateTable('users').set({ role: 'delegate' }).execute();
			await migrateToLatest(db, upTo(RULES));
			await expect(db.updateTable('users').set({ role: 'root' }).execute()).rejects.toThrow(/users_role/);
			expect(
				Number(
					(
						await db
							.selectFrom('registrations')
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				)
			).toBe(2);
		} finally {
			await o.close();
		}
	});
});
