import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';

	await db.schema
		.createTable('documents')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('symbol', 'text', (c) => c.notNull().unique())
		.addColumn('base_symbol', 'text', (c) => c.notNull())
		.addColumn('revision', 'integer')
		.addColumn('corrigendum', 'integer')
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('title_search', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
		.addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
		.addColumn('distribution', 'text', (c) => c.notNull().defaultTo('general'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('published_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('replaced_by_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
		.addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('documents_meeting').on('documents').columns(['meeting_id', 'status']).execute();
	await db.schema.createIndex('documents_base').on('documents').column('base_symbol').execute();
	await db.schema.createIndex('documents_status_published').on('documents').columns(['status', 'published_at']).execute();

	await db.schema
		.createTable('document_files')
		.addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('original_name', 'text')
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('document_files_pk', ['document_id', 'language'])
		.execute();
	await db.schema.createIndex('document_files_language').on('document_files').column('language').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('document_files').execute();
	await db.schema.dropTable('documents').execute();
}
