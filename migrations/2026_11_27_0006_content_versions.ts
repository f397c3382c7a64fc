import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// A counter per kind of public content, bumped by triggers on every change to the tables that content is made of, so
// that kept pages and feeds are checked against one indexed row instead of counting tables, and no writer can forget.
// `meetings.places_held` changes on every registration and is not shown on public pages: it does not bump.

const MEETING_COLUMNS = [
	'code',
	'slug',
	'title',
	'kind',
	'start_date',
	'end_date',
	'time_zone',
	'venue',
	'city',
	'country',
	'description',
	'registration_opens_at',
	'registration_closes_at',
	'capacity',
	'sponsorship_deadline',
	'symbol_prefix',
	'status',
	'published_at',
	'sequence',
	'updated_at'
];

/** table → the versions its changes bump, and for updates the columns that count (all when absent). */
const SOURCES: { table: string; versions: string[]; columns?: string[] }[] = [
	{ table: 'meetings', versions: ['programme', 'records'], columns: MEETING_COLUMNS },
	{ table: 'agenda_items', versions: ['programme', 'records'] },
	{ table: 'meeting_sessions', versions: ['programme'] },
	{ table: 'session_agenda_items', versions: ['programme'] },
	{ table: 'documents', versions: ['records'] },
	{ table: 'document_files', versions: ['records'] },
	{ table: 'organizations', versions: ['records'], columns: ['name'] }
];

export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema
		.createTable('content_versions')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db
		.insertInto('content_versions')
		.values([{ name: 'programme' }, { name: 'records' }])
		.execute();

	if (pg) {
		await sql`
			create function bump_content_versions() returns trigger language plpgsql as $$
			begin
				update content_versions set version = version + 1 where name = any(TG_ARGV);
				return null;
			end $$`.execute(db);
	}
	for (const s of SOURCES) {
		const names = s.versions.map((v) => `'${v}'`).join(', ');
		const ofColumns = s.columns ? ` of ${s.columns.join(', ')}` : '';
		if (pg) {
			// Once per statement: a renumbering of 30 items is one bump.
			await sql
				.raw(`create trigger ${s.table}_cv_write after insert or delete on ${s.table} for each statement execute function bump_content_versions(${names})`)
				.execute(db);
			await sql
				.raw(`create trigger ${s.table}_cv_update after update${ofColumns} on ${s.table} for each statement execute function bump_content_versions(${names})`)
				.execute(db);
		} else {
			const body = `begin update content_versions set version = version + 1 where name in (${names}); end`;
			for (const [event, suffix] of [
				['insert', 'ins'],
				['delete', 'del'],
				[`update${ofColumns}`, 'upd']
			]) {
				await sql.raw(`create trigger ${s.table}_cv_${suffix} after ${event} on ${s.table} ${body}`).execute(db);
			}
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	for (const s of SOURCES) {
		const names = pg ? ['cv_write', 'cv_update'] : ['cv_ins', 'cv_del', 'cv_upd'];
		for (const n of names) await sql.raw(pg ? `drop trigger ${s.table}_${n} on ${s.table}` : `drop trigger ${s.table}_${n}`).execute(db);
	}
	if (pg) await sql`drop function bump_content_versions()`.execute(db);
	await db.schema.dropTable('content_versions').execute();
}
