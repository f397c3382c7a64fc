import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// The rules the code keeps, kept by the database too: closed sets of statuses, roles and kinds; 0/1 flags; counters
// that never go below 0 nor grow past their cap; committed money within the budget; sessions that end after they start;
// and a row's meeting equal to its parent's. Rows that break a rule are repaired first (to the safe value named below)
// and counted in one console.warn.
//
// PostgreSQL: CHECK and composite FOREIGN KEY constraints added with ALTER TABLE. SQLite cannot add either to a table:
// the tables are rebuilt with the constraints in their definition (SQLite's documented procedure: foreign keys off,
// copy, drop, create, copy back, indexes and triggers recreated, foreign_key_check, all in one transaction), so both
// engines hold the same named constraints and no writer (nor a later migration) can bypass them. Rules that read another
// row — a cap stored on the meeting, the meeting of a link's two ends — and the counters' "never grow past the cap"
// (staff may lower a capacity below the places already held; nobody loses a place then) are triggers on both engines,
// raising the rule's name (PostgreSQL: SQLSTATE 23514, check_violation).
//
// Each set below is copied from src/lib/server/db/schema.ts as it was when this migration was written; a value added
// there needs a new migration that widens the CHECK (tests/integration/db-rules.test.ts inserts every value).

const ONE_OF: { table: string; column: string; values: string[]; nullable?: boolean; repair: string | null }[] = [
	{ table: 'organizations', column: 'kind', values: ['state', 'international_organization', 'ngo'], repair: 'ngo' },
	{ table: 'organizations', column: 'ccm_status', values: ['state_party', 'signatory', 'not_party'], nullable: true, repair: null },
	{ table: 'users', column: 'role', values: ['staff', 'cc_member', 'focal_point', 'delegate'], repair: 'delegate' },
	{ table: 'tokens', column: 'kind', values: ['verify_email', 'reset_password', 'invite', 'change_email'], repair: null },
	{ table: 'outbox', column: 'status', values: ['queued', 'sent', 'failed'], repair: 'failed' },
	{
		table: 'meetings',
		column: 'kind',
		values: [
			'msp',
			'review_conference',
			'intersessional',
			'coordination_committee',
			'preparatory_meeting',
			'workshop',
			'informal',
			'diplomatic_conference',
			'signing_conference'
		],
		repair: 'informal'
	},
	{ table: 'meetings', column: 'status', values: ['draft', 'published', 'closed'], repair: 'draft' },
	{ table: 'delegations', column: 'status', values: ['open', 'submitted'], repair: 'open' },
	{ table: 'registrations', column: 'role', values: ['head', 'alternate', 'adviser', 'member', 'observer'], repair: 'member' },
	{ table: 'registrations', column: 'status', values: ['pending', 'approved', 'waitlisted', 'rejected', 'cancelled'], repair: 'cancelled' },
	{
		table: 'sponsorship_applications',
		column: 'status',
		values: ['draft', 'submitted', 'offered', 'accepted', 'declined', 'expired', 'withdrawn'],
		repair: 'withdrawn'
	},
	{ table: 'sponsorship_applications', column: 'endorsement', values: ['pending', 'endorsed', 'not_endorsed'], repair: 'pending' },
	{ table: 'documents', column: 'distribution', values: ['general', 'limited'], repair: 'limited' },
	{ table: 'documents', column: 'status', values: ['draft', 'published', 'withdrawn'], repair: 'draft' }
];

const FLAGS: Record<string, string[]> = {
	organizations: ['observer_by_right', 'has_victims', 'least_developed'],
	users: ['email_verified'],
	registrations: ['consent_published', 'holds_place', 'confirmed_by_person'],
	sponsorship_applications: ['statement', 'implementation_responsibility']
};

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** table → [name, definition] of every table constraint this migration adds. */
function constraints(): Map<string, [string, string][]> {
	const out = new Map<string, [string, string][]>();
	const add = (table: string, name: string, def: string) => out.set(table, [...(out.get(table) ?? []), [name, def]]);
	for (const r of ONE_OF) add(r.table, `${r.table}_${r.column}`, `check (${r.nullable ? `${r.column} is null or ` : ''}${r.column} in (${list(r.values)}))`);
	for (const [table, cols] of Object.entries(FLAGS)) add(table, `${table}_flags`, `check (${cols.map((c) => `${c} in (0, 1)`).join(' and ')})`);
	add('outbox', 'outbox_attempts', 'check (attempts >= 0)');
	add('meetings', 'meetings_places_held', 'check (places_held >= 0)');
	add('meetings', 'meetings_limits', 'check ((capacity is null or capacity >= 0) and (delegation_cap is null or delegation_cap >= 0))');
	add('delegations', 'delegations_places_held', 'check (places_held >= 0)');
	add('delegations', 'delegations_id_meeting', 'unique (id, meeting_id)');
	// Only a live registration with a place holds one: a waitlisted, rejected or cancelled one never counts.
	add('registrations', 'registrations_place_if_live', `check (holds_place = 0 or status in ('pending', 'approved'))`);
	add('registrations', 'registrations_id_meeting', 'unique (id, meeting_id)');
	add('registrations', 'registrations_delegation_meeting', 'foreign key (delegation_id, meeting_id) references delegations (id, meeting_id) on delete cascade');
	add('meeting_sessions', 'meeting_sessions_times', 'check (ends_at > starts_at)');
	add('sponsorship_programmes', 'sponsorship_programmes_amounts', 'check (budget_centimes >= 0 and committed_centimes >= 0 and dsa_centimes >= 0)');
	add('sponsorship_programmes', 'sponsorship_programmes_within_budget', 'check (committed_centimes <= budget_centimes)');
	add(
		'sponsorship_applications',
		'sponsorship_applications_registration_meeting',
		'foreign key (registration_id, meeting_id) references registrations (id, meeting_id) on delete cascade'
	);
	return out;
}

/** Rules that read another row or the previous value: triggers. Conditions are SQL both engines read alike. */
interface TriggerRule {
	name: string;
	table: string;
	insert?: string;
	update?: { columns: string[]; when: string };
	/** PostgreSQL: a cheap condition without subqueries in the update trigger's WHEN, so most updates call no function. */
	pgWhen?: string;
}

const TRIGGERS: TriggerRule[] = [
	{
		name: 'meetings_places_within_capacity',
		table: 'meetings',
		insert: 'new.places_held > new.capacity',
		update: { columns: ['places_held', 'capacity'], when: 'new.places_held > old.places_held and new.places_held > new.capacity' },
		pgWhen: 'new.places_held > old.places_held and new.places_held > new.capacity'
	},
	{
		name: 'delegations_places_within_cap',
		table: 'delegations',
		insert: 'new.places_held > (select delegation_cap from meetings where id = new.meeting_id)',
		update: {
			columns: ['places_held'],
			when: 'new.places_held > old.places_held and new.places_held > (select delegation_cap from meetings where id = new.meeting_id)'
		},
		pgWhen: 'new.places_held > old.places_held'
	},
	{
		name: 'session_agenda_items_same_meeting',
		table: 'session_agenda_items',
		insert: '(select meeting_id from meeting_sessions where id = new.session_id) <> (select meeting_id from agenda_items where id = new.agenda_item_id)',
		update: {
			columns: ['session_id', 'agenda_item_id'],
			when: '(select meeting_id from meeting_sessions where id = new.session_id) <> (select meeting_id from agenda_items where id = new.agenda_item_id)'
		}
	},
	{
		name: 'documents_agenda_item_same_meeting',
		table: 'documents',
		insert: 'new.meeting_id <> (select meeting_id from agenda_items where id = new.agenda_item_id)',
		update: { columns: ['meeting_id', 'agenda_item_id'], when: 'new.meeting_id <> (select meeting_id from agenda_items where id = new.agenda_item_id)' }
	},
	// The parents' side of the two rules above: an item or a session with links does not move to another meeting.
	{
		name: 'agenda_items_meeting_kept',
		table: 'agenda_items',
		update: {
			columns: ['meeting_id'],
			when: 'new.meeting_id <> old.meeting_id and (exists (select 1 from session_agenda_items where agenda_item_id = old.id) or exists (select 1 from documents where agenda_item_id = old.id))'
		}
	},
	{
		name: 'meeting_sessions_meeting_kept',
		table: 'meeting_sessions',
		update: { columns: ['meeting_id'], when: 'new.meeting_id <> old.meeting_id and exists (select 1 from session_agenda_items where session_id = old.id)' }
	}
];

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	if (pg) {
		// The migrator already runs each migration in a transaction on PostgreSQL.
		report(await repair(db));
		for (const [table, list] of constraints()) {
			for (const [name, def] of list) await sql.raw(`alter table ${table} add constraint ${name} ${def}`).execute(db);
		}
		await createTriggers(db, true);
		return;
	}
	const repairs = await withForeignKeysOff(db, async (trx) => {
		const repairs = await repair(trx);
		for (const [table, list] of constraints()) {
			await rebuildSqliteTable(trx, table, (create) => `${create.slice(0, create.lastIndexOf(')'))}${added(list)})`);
		}
		await createTriggers(trx, false);
		return repairs;
	});
	report(repairs);
}

export async function down(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	if (pg) {
		for (const t of TRIGGERS) {
			for (const s of ['ins', 'upd']) await sql.raw(`drop trigger if exists ${t.name}_${s} on ${t.table}`).execute(db);
			await sql.raw(`drop function if exists ${t.name}()`).execute(db);
		}
		// In reverse, so that the foreign keys go before the unique constraints they rest on.
		for (const [table, list] of [...constraints()].reverse()) {
			for (const [name] of [...list].reverse()) await sql.raw(`alter table ${table} drop constraint ${name}`).execute(db);
		}
		return;
	}
	await withForeignKeysOff(db, async (trx) => {
		for (const t of TRIGGERS) for (const s of ['ins', 'upd']) await sql.raw(`drop trigger if exists ${t.name}_${s}`).execute(trx);
		for (const [table, list] of constraints()) await rebuildSqliteTable(trx, table, (create) => create.replace(added(list), ''));
	});
}

const added = (list: [string, string][]) => list.map(([name, def]) => `, constraint "${name}" ${def}`).join('');

// ---- repairs ------------------------------------------------------------------------------------------------

type Repairs = Map<string, number>;

async function repair(db: Db): Promise<Repairs> {
	const done: Repairs = new Map();
	const count = (rule: string, n: bigint | number | undefined) => {
		if (Number(n ?? 0) > 0) done.set(rule, (done.get(rule) ?? 0) + Number(n));
	};
	const now = new Date().toISOString();

	// Before the sets: a registration's status decides whether it may hold a place.
	const freedMeetings = (
		await db
			.selectFrom('registrations')
			.select('meeting_id')
			.distinct()
			.where('holds_place', '<>', 0)
			.where((eb) => eb.or([eb('status', 'not in', ['pending', 'approved']), eb('holds_place', '<>', 1)]))
			.execute()
	).map((r) => r.meeting_id as number);

	for (const r of ONE_OF) {
		const bad = (eb: any) => (r.nullable ? eb.and([eb(r.column, 'is not', null), eb(r.column, 'not in', r.values)]) : eb(r.column, 'not in', r.values));
		// A link of a kind the app does not know can never be used: it goes.
		if (r.table === 'tokens') count(`${r.table}_${r.column}`, (await db.deleteFrom(r.table).where(bad).executeTakeFirst()).numDeletedRows);
		else
			count(
				`${r.table}_${r.column}`,
				(
					await db
						.updateTable(r.table)
						.set({ [r.column]: r.repair })
						.where(bad)
						.executeTakeFirst()
				).numUpdatedRows
			);
	}
	for (const [table, cols] of Object.entries(FLAGS)) {
		for (const c of cols) {
			count(
				`${table}_flags`,
				(
					await db
						.updateTable(table)
						.set({ [c]: sql`case when ${sql.ref(c)} = 0 then 0 else 1 end` })
						.where(c, 'not in', [0, 1])
						.executeTakeFirst()
				).numUpdatedRows
			);
		}
	}
	count(
		'registrations_place_if_live',
		(
			await db
				.updateTable('registrations')
				.set({ holds_place: 0 })
				.where('holds_place', '=', 1)
				.where('status', 'not in', ['pending', 'approved'])
				.executeTakeFirst()
		).numUpdatedRows
	);

	// A registration whose meeting is not its delegation's moves to its organisation's delegation at its own meeting.
	const strays = await db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.select(['r.id', 'r.meeting_id', 'r.delegation_id', 'd.organization_id'])
		.whereRef('d.meeting_id', '<>', 'r.meeting_id')
		.execute();
	const recount = new Set<number>();
	for (const s of strays) {
		await db
			.insertInto('delegations')
			.values({ meeting_id: s.meeting_id, organization_id: s.organization_id, status: 'open', places_held: 0, created_at: now, updated_at: now })
			.onConflict((oc) => oc.columns(['meeting_id', 'organization_id']).doNothing())
			.execute();
		const home = await db
			.selectFrom('delegations')
			.select('id')
			.where('meeting_id', '=', s.meeting_id)
			.where('organization_id', '=', s.organization_id)
			.executeTakeFirstOrThrow();
		await db.updateTable('registrations').set({ delegation_id: home.id }).where('id', '=', s.id).execute();
		recount.add(s.delegation_id).add(home.id);
	}
	count('registrations_delegation_meeting', strays.length);
	count(
		'sponsorship_applications_registration_meeting',
		(
			await db
				.updateTable('sponsorship_applications')
				.set({ meeting_id: sql`(select meeting_id from registrations where registrations.id = sponsorship_applications.registration_id)` })
				.where(sql<boolean>`meeting_id <> (select meeting_id from registrations where registrations.id = sponsorship_applications.registration_id)`)
				.executeTakeFirst()
		).numUpdatedRows
	);
	count(
		'session_agenda_items_same_meeting',
		(
			await db
				.deleteFrom('session_agenda_items')
				.where(sql<boolean>`(select meeting_id from meeting_sessions where id = session_id) <> (select meeting_id from agenda_items where id = agenda_item_id)`)
				.executeTakeFirst()
		).numDeletedRows
	);
	count(
		'documents_agenda_item_same_meeting',
		(
			await db
				.updateTable('documents')
				.set({ agenda_item_id: null })
				.where(sql<boolean>`meeting_id <> (select meeting_id from agenda_items where agenda_items.id = documents.agenda_item_id)`)
				.executeTakeFirst()
		).numUpdatedRows
	);

	// Counters below 0 (or left behind by the repairs above) are counted again from the registrations they count.
	const live = sql.raw(`('pending', 'approved', 'waitlisted')`);
	const negativeDelegations = await db.selectFrom('delegations').select('id').where('places_held', '<', 0).execute();
	count('delegations_places_held', negativeDelegations.length);
	for (const d of negativeDelegations) recount.add(d.id);
	if (recount.size) {
		await db
			.updateTable('delegations')
			.set({ places_held: sql`(select count(*) from registrations where registrations.delegation_id = delegations.id and registrations.status in ${live})` })
			.where('id', 'in', [...recount])
			.execute();
	}
	const negativeMeetings = (await db.selectFrom('meetings').select('id').where('places_held', '<', 0).execute()).map((m) => m.id as number);
	count('meetings_places_held', negativeMeetings.length);
	const meetings = [...new Set([...negativeMeetings, ...freedMeetings])];
	if (meetings.length) {
		await db
			.updateTable('meetings')
			.set({ places_held: sql`(select count(*) from registrations where registrations.meeting_id = meetings.id and registrations.holds_place = 1)` })
			.where('id', 'in', meetings)
			.execute();
	}
	count('meetings_limits', (await db.updateTable('meetings').set({ capacity: 0 }).where('capacity', '<', 0).executeTakeFirst()).numUpdatedRows);
	count('meetings_limits', (await db.updateTable('meetings').set({ delegation_cap: 0 }).where('delegation_cap', '<', 0).executeTakeFirst()).numUpdatedRows);
	count('outbox_attempts', (await db.updateTable('outbox').set({ attempts: 0 }).where('attempts', '<', 0).executeTakeFirst()).numUpdatedRows);

	for (const c of ['budget_centimes', 'committed_centimes', 'dsa_centimes']) {
		count(
			'sponsorship_programmes_amounts',
			(
				await db
					.updateTable('sponsorship_programmes')
					.set({ [c]: 0 })
					.where(c, '<', 0)
					.executeTakeFirst()
			).numUpdatedRows
		);
	}
	// Money already promised stays promised: the budget is raised to it, not the offers withdrawn.
	count(
		'sponsorship_programmes_within_budget',
		(
			await db
				.updateTable('sponsorship_programmes')
				.set({ budget_centimes: sql`committed_centimes` })
				.whereRef('committed_centimes', '>', 'budget_centimes')
				.executeTakeFirst()
		).numUpdatedRows
	);

	// A session that ends before it starts: one hour long, so that it still shows and staff can correct it.
	const backwards = await db.selectFrom('meeting_sessions').select(['id', 'starts_at']).whereRef('ends_at', '<=', 'starts_at').execute();
	for (const s of backwards) {
		const start = Date.parse(s.starts_at);
		if (Number.isNaN(start)) await db.deleteFrom('meeting_sessions').where('id', '=', s.id).execute();
		else
			await db
				.updateTable('meeting_sessions')
				.set({ ends_at: new Date(start + 3_600_000).toISOString() })
				.where('id', '=', s.id)
				.execute();
	}
	count('meeting_sessions_times', backwards.length);
	return done;
}

function report(repairs: Repairs): void {
	if (!repairs.size) return;
	const lines = [...repairs].map(([rule, n]) => `  ${rule}: ${n} row${n === 1 ? '' : 's'}`);
	console.warn(`Migration 0010 repaired rows that broke the database's rules:\n${lines.join('\n')}`);
}

// ---- SQLite -------------------------------------------------------------------------------------------------

/**
 * Runs `work` in one transaction with foreign keys off (they cannot change inside a transaction, and dropping a table
 * with them on would run its ON DELETE CASCADE actions), then checks every foreign key before committing.
 */
async function withForeignKeysOff<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	const was = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys ?? 0;
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		return await db.transaction().execute(async (trx) => {
			const out = await work(trx);
			const broken = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(trx);
			if (broken.rows.length)
				throw new Error(
					`foreign keys broken after the rebuild: ${broken.rows
						.slice(0, 5)
						.map((r) => `${r.table} → ${r.parent}`)
						.join(', ')}`
				);
			return out;
		});
	} finally {
		if (was) await sql`pragma foreign_keys = on`.execute(db);
	}
}

/** Recreates a table from its own definition as `change` rewrites it, with its rows, indexes and triggers. */
async function rebuildSqliteTable(trx: Db, table: string, change: (create: string) => string): Promise<void> {
	const rows = (await sql<{ type: string; sql: string }>`select type, sql from sqlite_master where tbl_name = ${table} and sql is not null`.execute(trx)).rows;
	const create = rows.find((r) => r.type === 'table')?.sql;
	if (!create) throw new Error(`no table ${table}`);
	const copy = `${table}__0010`;
	await sql.raw(`create table "${copy}" as select * from "${table}"`).execute(trx);
	await sql.raw(`drop table "${table}"`).execute(trx);
	await sql.raw(change(create)).execute(trx);
	await sql.raw(`insert into "${table}" select * from "${copy}"`).execute(trx);
	await sql.raw(`drop table "${copy}"`).execute(trx);
	for (const r of rows) if (r.type === 'index' || r.type === 'trigger') await sql.raw(r.sql).execute(trx);
}

// ---- triggers -----------------------------------------------------------------------------------------------

async function createTriggers(db: Db, pg: boolean): Promise<void> {
	for (const t of TRIGGERS) {
		if (pg) {
			await sql
				.raw(
					`create function ${t.name}() returns trigger language plpgsql as $$
					begin
						if (tg_op = 'INSERT' and (${t.insert ?? 'false'})) or (tg_op = 'UPDATE' and (${t.update?.when ?? 'false'})) then
							raise exception '${t.name}' using errcode = 'check_violation', constraint = '${t.name}', table = '${t.table}';
						end if;
						return new;
					end $$`
				)
				.execute(db);
			if (t.insert) await sql.raw(`create trigger ${t.name}_ins before insert on ${t.table} for each row execute function ${t.name}()`).execute(db);
			const when = t.pgWhen ? ` when (${t.pgWhen})` : '';
			if (t.update)
				await sql
					.raw(`create trigger ${t.name}_upd before update of ${t.update.columns.join(', ')} on ${t.table} for each row${when} execute function ${t.name}()`)
					.execute(db);
		} else {
			const raise = `begin select raise(abort, '${t.name}'); end`;
			if (t.insert) await sql.raw(`create trigger ${t.name}_ins before insert on ${t.table} when ${t.insert} ${raise}`).execute(db);
			if (t.update)
				await sql.raw(`create trigger ${t.name}_upd before update of ${t.update.columns.join(', ')} on ${t.table} when ${t.update.when} ${raise}`).execute(db);
		}
	}
}
