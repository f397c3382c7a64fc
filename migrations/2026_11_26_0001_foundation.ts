import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.createTable('organizations')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('short_name', 'text')
		.addColumn('iso3', 'text', (c) => c.unique())
		.addColumn('region', 'text')
		.addColumn('ccm_status', 'text')
		.addColumn('joined', 'text')
		.addColumn('art3_deadline', 'text')
		.addColumn('art4_deadline', 'text')
		.addColumn('observer_by_right', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('note', 'text')
		.addColumn('source', 'text')
		.execute();
	await db.schema.createIndex('organizations_name').on('organizations').column('name').unique().execute();

	await db.schema
		.createTable('users')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('email_verified', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('password_hash', 'text')
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('given_name', 'text')
		.addColumn('family_name', 'text')
		.addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('payload', 'text')
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('login_attempts')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('login_attempts_key_at').on('login_attempts').columns(['key', 'at']).execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('next_attempt_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'next_attempt_at']).execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('actor_email', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('before_json', 'text')
		.addColumn('after_json', 'text')
		.execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
	await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['audit_log', 'outbox', 'login_attempts', 'tokens', 'sessions', 'users', 'organizations']) {
		await db.schema.dropTable(t).execute();
	}
}
