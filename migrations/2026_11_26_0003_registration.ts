import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema.alterTable('meetings').addColumn('delegation_cap', 'integer').execute();

	await db.schema
		.createTable('delegations')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
		.addColumn('places_held', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('submitted_at', 'text')
		.addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('credentials_sha256', 'text')
		.addColumn('credentials_name', 'text')
		.addColumn('credentials_size', 'integer')
		.addColumn('credentials_uploaded_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('delegations_meeting_org', ['meeting_id', 'organization_id'])
		.execute();

	await db.schema
		.createTable('registrations')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('delegation_id', 'integer', (c) => c.notNull().references('delegations.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('title', 'text')
		.addColumn('given_name', 'text')
		.addColumn('family_name', 'text')
		.addColumn('gender', 'text')
		.addColumn('position', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('consent_published', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('access_needs', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('holds_place', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('confirmed_by_person', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('rejection_reason', 'text')
		.addColumn('badge_token', 'text', (c) => c.notNull().unique())
		.addColumn('form_token', 'text', (c) => c.unique())
		.addColumn('attended_at', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('erased_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('registrations_meeting_status').on('registrations').columns(['meeting_id', 'status', 'id']).execute();
	await db.schema.createIndex('registrations_delegation').on('registrations').column('delegation_id').execute();
	await db.schema.createIndex('registrations_user').on('registrations').column('user_id').execute();
	// One live registration per person and meeting, and one head per delegation: the database decides, not the page.
	const live = sql`status in ('pending', 'approved', 'waitlisted')`;
	await db.schema.createIndex('registrations_one_per_email').on('registrations').columns(['meeting_id', 'email']).unique().where(live).execute();
	await db.schema.createIndex('registrations_one_per_user').on('registrations').columns(['meeting_id', 'user_id']).unique().where(live).execute();
	await db.schema
		.createIndex('registrations_one_head')
		.on('registrations')
		.column('delegation_id')
		.unique()
		.where(sql`role = 'head' and status in ('pending', 'approved', 'waitlisted')`)
		.execute();

	await db.schema
		.createTable('stored_files')
		.addColumn('sha256', 'text', (c) => c.primaryKey())
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('stored_files').execute();
	await db.schema.dropTable('registrations').execute();
	await db.schema.dropTable('delegations').execute();
	await db.schema.alterTable('meetings').dropColumn('delegation_cap').execute();
}
