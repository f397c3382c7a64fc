import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 12: letters of invitation for visas, and the ISU's daily digest.
// - visa_letters: one letter per registration (a new request replaces it). The passport details live here only, so
//   erasing the person deletes the row. `number` comes from meetings.visa_letters_numbered, a counter taken by a guarded
//   update in the requesting transaction: references never repeat, even after a letter is replaced.
// - meetings.visa_letters_approval: 1 when staff approve each letter before it is issued.
// - isu_digest_items: ISU notifications collected for the daily digest (ISU_NOTIFICATIONS=daily); `digest_day` is set
//   in the transaction that queues the digest. isu_digests has one row per day sent: its primary key is what stops a
//   second digest for the same day.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.alterTable('meetings')
		.addColumn('visa_letters_approval', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('meetings')
		.addColumn('visa_letters_numbered', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('visa_letters')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('registration_id', 'integer', (c) => c.notNull().unique().references('registrations.id').onDelete('cascade'))
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('reference', 'text', (c) => c.notNull().unique())
		.addColumn('passport_name', 'text', (c) => c.notNull())
		.addColumn('nationality', 'text', (c) => c.notNull())
		.addColumn('passport_number', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('refusal_reason', 'text')
		.addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('requested_at', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', 'text')
		.addCheckConstraint('visa_letters_status', sql`status in ('requested', 'issued', 'refused')`)
		.addCheckConstraint('visa_letters_refused_reason', sql`(status = 'refused') = (refusal_reason is not null)`)
		.addCheckConstraint(
			'visa_letters_fields',
			sql`length(passport_name) between 1 and 64 and length(nationality) between 1 and 64 and length(passport_number) between 1 and 64`
		)
		.execute();
	await db.schema.createIndex('visa_letters_meeting_number').on('visa_letters').columns(['meeting_id', 'number']).unique().execute();
	await db.schema.createIndex('visa_letters_meeting_status').on('visa_letters').columns(['meeting_id', 'status']).execute();

	await db.schema
		.createTable('isu_digest_items')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('digest_day', 'text')
		.execute();
	await db.schema.createIndex('isu_digest_items_pending').on('isu_digest_items').columns(['digest_day', 'created_at']).execute();
	await db.schema
		.createTable('isu_digests')
		.addColumn('day', 'text', (c) => c.primaryKey())
		.addColumn('items', 'integer', (c) => c.notNull())
		.addColumn('outbox_id', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('isu_digests').execute();
	await db.schema.dropTable('isu_digest_items').execute();
	await db.schema.dropTable('visa_letters').execute();
	await db.schema.alterTable('meetings').dropColumn('visa_letters_numbered').execute();
	await db.schema.alterTable('meetings').dropColumn('visa_letters_approval').execute();
}
