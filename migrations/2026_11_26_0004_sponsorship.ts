import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	// Facts the criteria read about a state; deadlines extended by a Meeting are kept beside the original ones.
	await db.schema
		.alterTable('organizations')
		.addColumn('has_victims', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('organizations')
		.addColumn('least_developed', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('organizations').addColumn('last_article7_report', 'text').execute();
	await db.schema.alterTable('organizations').addColumn('art3_extended_to', 'text').execute();
	await db.schema.alterTable('organizations').addColumn('art4_extended_to', 'text').execute();

	await db.schema
		.createTable('criteria_sets')
		.addColumn('version', 'integer', (c) => c.primaryKey())
		.addColumn('json', 'text', (c) => c.notNull())
		.addColumn('adopted_at', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sponsorship_programmes')
		.addColumn('meeting_id', 'integer', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
		.addColumn('budget_centimes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('committed_centimes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('dsa_centimes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('default_nights', 'integer', (c) => c.notNull().defaultTo(4))
		.addColumn('places_per_state', 'integer')
		.addColumn('opens_at', 'text')
		.addColumn('closes_at', 'text')
		.addColumn('offer_response_days', 'integer', (c) => c.notNull().defaultTo(7))
		.addColumn('criteria_version', 'integer', (c) => c.references('criteria_sets.version'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sponsorship_applications')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('registration_id', 'integer', (c) => c.notNull().unique().references('registrations.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('departure_city', 'text')
		.addColumn('airfare_centimes', 'integer')
		.addColumn('nights', 'integer')
		.addColumn('justification', 'text')
		.addColumn('statement', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('statement_items', 'text')
		.addColumn('implementation_responsibility', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('endorsement', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('endorsed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('endorsed_at', 'text')
		.addColumn('submitted_at', 'text')
		.addColumn('cost_centimes', 'integer')
		.addColumn('offer_sent_at', 'text')
		.addColumn('offer_deadline', 'text')
		.addColumn('responded_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sponsorship_applications_meeting').on('sponsorship_applications').columns(['meeting_id', 'status']).execute();

	// Staff scores and corrections, each with its reason; the audit log keeps who and when.
	await db.schema
		.createTable('sponsorship_adjustments')
		.addColumn('application_id', 'integer', (c) => c.notNull().references('sponsorship_applications.id').onDelete('cascade'))
		.addColumn('criterion_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('by_user', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('sponsorship_adjustments_pk', ['application_id', 'criterion_id'])
		.execute();

	// What an offer was decided with: reproducible later, whatever the criteria become.
	await db.schema
		.createTable('sponsorship_scores')
		.addColumn('application_id', 'integer', (c) => c.primaryKey().references('sponsorship_applications.id').onDelete('cascade'))
		.addColumn('criteria_version', 'integer', (c) => c.notNull())
		.addColumn('total', 'integer', (c) => c.notNull())
		.addColumn('rank', 'integer', (c) => c.notNull())
		.addColumn('breakdown_json', 'text', (c) => c.notNull())
		.addColumn('computed_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['sponsorship_scores', 'sponsorship_adjustments', 'sponsorship_applications', 'sponsorship_programmes', 'criteria_sets']) {
		await db.schema.dropTable(t).execute();
	}
	for (const c of ['art4_extended_to', 'art3_extended_to', 'last_article7_report', 'least_developed', 'has_victims']) {
		await db.schema.alterTable('organizations').dropColumn(c).execute();
	}
}
