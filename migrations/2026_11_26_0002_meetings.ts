import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.createTable('meetings')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('start_date', 'text', (c) => c.notNull())
		.addColumn('end_date', 'text', (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('venue', 'text')
		.addColumn('city', 'text')
		.addColumn('country', 'text')
		.addColumn('description', 'text')
		.addColumn('registration_opens_at', 'text')
		.addColumn('registration_closes_at', 'text')
		.addColumn('capacity', 'integer')
		.addColumn('places_held', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('sponsorship_deadline', 'text')
		.addColumn('symbol_prefix', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('published_at', 'text')
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addCheckConstraint('meetings_dates', sql`end_date >= start_date`)
		.execute();
	await db.schema.createIndex('meetings_status_start').on('meetings').columns(['status', 'start_date']).execute();

	await db.schema
		.createTable('agenda_items')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('number', 'text', (c) => c.notNull())
		.addColumn('sub_number', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('agenda_items_meeting').on('agenda_items').columns(['meeting_id', 'position']).execute();

	await db.schema
		.createTable('meeting_sessions')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('starts_at', 'text', (c) => c.notNull())
		.addColumn('ends_at', 'text', (c) => c.notNull())
		.addColumn('room', 'text')
		.addColumn('chair', 'text')
		.addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('meeting_sessions_meeting').on('meeting_sessions').columns(['meeting_id', 'starts_at']).execute();

	await db.schema
		.createTable('session_agenda_items')
		.addColumn('session_id', 'integer', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('agenda_item_id', 'integer', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('session_agenda_items_pk', ['session_id', 'agenda_item_id'])
		.execute();
	await db.schema.createIndex('session_agenda_items_item').on('session_agenda_items').column('agenda_item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['session_agenda_items', 'meeting_sessions', 'agenda_items', 'meetings']) {
		await db.schema.dropTable(t).execute();
	}
}
