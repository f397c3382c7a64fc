import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 17's remaining parts:
// - `task_notes.status`: the status a note set, so the follow-up report can show a task as it stood on a meeting's
//   date (a task done later was open then). Notes written before this column have none.
// - `overdue_digests`: one row per day the staff digest of overdue tasks went out; inserted in the transaction that
//   queues the mail, so overlapping scheduler runs send it once.
// - `committee_invitations`: who was invited to a Coordination Committee meeting, with the calendar SEQUENCE of the
//   last invitation sent (a later date change sends an updated one).
// - `outbox_attachments`: files sent with a message (the invitation's .ics). A table of its own: the outbox's rows
//   and their CHECKs stay as they are.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.alterTable('task_notes')
		.addColumn('status', 'text', (c) => c.check(sql`status is null or status in ('open', 'in_progress', 'done', 'dropped')`))
		.execute();

	await db.schema
		.createTable('overdue_digests')
		.addColumn('day', 'text', (c) => c.primaryKey())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addColumn('tasks', 'integer', (c) => c.notNull())
		.addCheckConstraint('overdue_digests_day', sql`length(day) = 10 and tasks > 0`)
		.execute();

	await db.schema
		.createTable('committee_invitations')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('first_invited_at', 'text', (c) => c.notNull())
		.addColumn('invited_at', 'text', (c) => c.notNull())
		.addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addCheckConstraint('committee_invitations_sequence', sql`sequence >= 0`)
		.execute();
	await db.schema.createIndex('committee_invitations_once').on('committee_invitations').columns(['meeting_id', 'user_id']).unique().execute();

	await db.schema
		.createTable('outbox_attachments')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
		.addColumn('filename', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addCheckConstraint('outbox_attachments_name', sql`length(filename) between 1 and 100`)
		.execute();
	await db.schema.createIndex('outbox_attachments_message').on('outbox_attachments').column('outbox_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('outbox_attachments').execute();
	await db.schema.dropTable('committee_invitations').execute();
	await db.schema.dropTable('overdue_digests').execute();
	await db.schema.alterTable('task_notes').dropColumn('status').execute();
}
