import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Guarded counters for logins and for mail anyone can trigger: one row per key and window, reserved by one upsert
// (`… on conflict do update set n = n + 1 where n < limit returning`) before the work, so that concurrent requests
// cannot pass the limit (the rows of login_attempts were counted, then written after a slow password check).
// `account` names the account a login counter is about, so that a password reset can clear that account's failures.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('account', 'text')
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addCheckConstraint('rate_limits_n', sql`n >= 0`)
		.execute();
	await db.schema.createIndex('rate_limits_account').on('rate_limits').column('account').execute();
	await db.schema.createIndex('rate_limits_window_start').on('rate_limits').column('window_start').execute();
	// Its rows were only a count of the last minutes: nothing to carry over.
	await db.schema.dropTable('login_attempts').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db.schema.dropTable('rate_limits').execute();
	await db.schema
		.createTable('login_attempts')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();
}
