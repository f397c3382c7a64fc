import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// A content version for the public lists of participants (page and PDF), as 0006 keeps them for the programme and the
// records: the PDF is kept once made and checked against this row. A list shows approved people only, so
// registrations bump it only when an approved row changes (a rush of pending and waitlisted sign-ups does not); the
// rest bump on any change to what the list prints: delegations' organisation, organisations' name and kind, the
// meeting (title, dates, city, the notice/consent rule) and the dated state facts that decide each state's category.

const REGISTRATION_COLUMNS = [
	'status',
	'consent_published',
	'erased_at',
	'title',
	'given_name',
	'family_name',
	'position',
	'role',
	'delegation_id',
	'meeting_id'
];

/** table → the columns whose updates count (all when absent). */
const SOURCES: { table: string; columns?: string[] }[] = [
	{ table: 'delegations', columns: ['organization_id', 'meeting_id'] },
	{ table: 'organizations', columns: ['name', 'kind'] },
	{ table: 'meetings', columns: ['code', 'title', 'start_date', 'end_date', 'city', 'participants_list', 'status'] },
	{ table: 'state_facts' }
];

const APPROVED = { insert: `new.status = 'approved'`, delete: `old.status = 'approved'`, update: `old.status = 'approved' or new.status = 'approved'` };

export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.insertInto('content_versions').values({ name: 'participants' }).execute();
	const ofColumns = (columns?: string[]) => (columns ? ` of ${columns.join(', ')}` : '');

	// registrations: once per approved row (a WHEN clause needs a row trigger on PostgreSQL too).
	for (const [event, when, suffix] of [
		['insert', APPROVED.insert, 'ins'],
		['delete', APPROVED.delete, 'del'],
		[`update${ofColumns(REGISTRATION_COLUMNS)}`, APPROVED.update, 'upd']
	]) {
		const name = `registrations_pv_${suffix}`;
		if (pg) {
			const cond = when.replace(/\bnew\b/g, 'NEW').replace(/\bold\b/g, 'OLD');
			await sql
				.raw(`create trigger ${name} after ${event} on registrations for each row when (${cond}) execute function bump_content_versions('participants')`)
				.execute(db);
		} else {
			await sql
				.raw(
					`create trigger ${name} after ${event} on registrations when ${when} begin update content_versions set version = version + 1 where name = 'participants'; end`
				)
				.execute(db);
		}
	}
	for (const s of SOURCES) {
		if (pg) {
			await sql
				.raw(
					`create trigger ${s.table}_pv_write after insert or delete on ${s.table} for each statement execute function bump_content_versions('participants')`
				)
				.execute(db);
			await sql
				.raw(
					`create trigger ${s.table}_pv_update after update${ofColumns(s.columns)} on ${s.table} for each statement execute function bump_content_versions('participants')`
				)
				.execute(db);
		} else {
			const body = `begin update content_versions set version = version + 1 where name = 'participants'; end`;
			for (const [event, suffix] of [
				['insert', 'ins'],
				['delete', 'del'],
				[`update${ofColumns(s.columns)}`, 'upd']
			]) {
				await sql.raw(`create trigger ${s.table}_pv_${suffix} after ${event} on ${s.table} ${body}`).execute(db);
			}
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	for (const suffix of ['ins', 'del', 'upd'])
		await sql.raw(pg ? `drop trigger registrations_pv_${suffix} on registrations` : `drop trigger registrations_pv_${suffix}`).execute(db);
	for (const s of SOURCES) {
		const names = pg ? ['pv_write', 'pv_update'] : ['pv_ins', 'pv_del', 'pv_upd'];
		for (const n of names) await sql.raw(pg ? `drop trigger ${s.table}_${n} on ${s.table}` : `drop trigger ${s.table}_${n}`).execute(db);
	}
	await db.deleteFrom('content_versions').where('name', '=', 'participants').execute();
}
