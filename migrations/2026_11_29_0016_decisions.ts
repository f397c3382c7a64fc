import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// What meetings decide and who follows it up (issue 17): outcomes (decisions, recommendations, action points) of a
// meeting, the tasks that follow from them with dated progress notes, and the minutes of a meeting (the Coordination
// Committee's are for its members and staff only). `reminded_week_at` / `reminded_overdue_at` are set by the guarded
// update that queues each reminder, so two scheduler runs never send one twice.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.createTable('outcomes')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
		.addColumn('number', 'text', (c) => c.notNull())
		.addColumn('symbol', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('source', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addCheckConstraint('outcomes_kind', sql`kind in ('decision', 'recommendation', 'action_point')`)
		.addCheckConstraint('outcomes_number', sql`length(number) > 0 and length(text) > 0`)
		.execute();
	// One number once per document; outcomes without a document (minutes) once per meeting.
	await db.schema
		.createIndex('outcomes_number_in_document')
		.on('outcomes')
		.columns(['meeting_id', 'symbol', 'number'])
		.unique()
		.where(sql.ref('symbol'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('outcomes_number_in_meeting')
		.on('outcomes')
		.columns(['meeting_id', 'number'])
		.unique()
		.where(sql.ref('symbol'), 'is', null)
		.execute();

	await db.schema
		.createTable('tasks')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('outcome_id', 'integer', (c) => c.notNull().references('outcomes.id').onDelete('cascade'))
		.addColumn('what', 'text', (c) => c.notNull())
		.addColumn('owner_kind', 'text', (c) => c.notNull())
		.addColumn('owner_organization_id', 'integer', (c) => c.references('organizations.id'))
		.addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('owner_label', 'text')
		.addColumn('due_date', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('drop_reason', 'text')
		.addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reminded_week_at', 'text')
		.addColumn('reminded_overdue_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addCheckConstraint('tasks_status', sql`status in ('open', 'in_progress', 'done', 'dropped')`)
		.addCheckConstraint('tasks_dropped_reason', sql`(status = 'dropped') = (drop_reason is not null)`)
		.addCheckConstraint(
			'tasks_owner',
			sql`(owner_kind in ('isu', 'presidency') and owner_organization_id is null)
				or (owner_kind = 'coordinator' and owner_organization_id is null)
				or (owner_kind = 'organization' and owner_organization_id is not null and owner_user_id is null)
				or (owner_kind = 'person' and owner_user_id is not null and owner_organization_id is null)`
		)
		.addCheckConstraint('tasks_due_date', sql`length(due_date) = 10`)
		.execute();
	await db.schema.createIndex('tasks_outcome').on('tasks').column('outcome_id').execute();
	await db.schema.createIndex('tasks_owner_user').on('tasks').column('owner_user_id').execute();
	await db.schema.createIndex('tasks_status_due').on('tasks').columns(['status', 'due_date']).execute();

	await db.schema
		.createTable('task_notes')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('author_email', 'text')
		.addColumn('text', 'text', (c) => c.notNull())
		.addCheckConstraint('task_notes_text', sql`length(text) > 0`)
		.execute();
	await db.schema.createIndex('task_notes_task').on('task_notes').columns(['task_id', 'at']).execute();

	await db.schema
		.createTable('meeting_minutes')
		.addColumn('meeting_id', 'integer', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('meeting_minutes').execute();
	await db.schema.dropTable('task_notes').execute();
	await db.schema.dropTable('tasks').execute();
	await db.schema.dropTable('outcomes').execute();
}
