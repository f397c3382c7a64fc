import type { Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// One row per timed job (offer expiry, outbox sending, statistics). A process runs a job only after taking its lease
// with a guarded update, so that several app processes sharing one PostgreSQL run each due job once; a lease that a
// crashed process never gave back lapses at `lease_until`. Instants are ISO-8601 UTC text, as everywhere.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('jobs')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('next_run_at', 'text', (c) => c.notNull())
		.addColumn('lease_until', 'text', (c) => c.notNull())
		.addColumn('holder', 'text')
		.addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_started_at', 'text')
		.addColumn('last_finished_at', 'text')
		.addColumn('last_error', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('jobs').execute();
}
