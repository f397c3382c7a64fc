import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Dated facts about states (issue 13): CCM status events, least-developed status, Article 3 / 4 deadlines with their
// extensions and completions, and Article 5 victims, each with its source. The app computes each fact as at a
// meeting's date. Entries are never edited: a correction is a new entry that names the one it replaces, and the
// unique index lets an entry be replaced once only, so two staff correcting the same entry cannot both win.
export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	const id = pg ? 'serial' : 'integer';
	// A date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.
	const partial = (col: string) => sql.raw(`${col} is null or length(${col}) in (4, 7, 10)`);

	await db.schema
		.createTable('state_facts')
		.addColumn('id', id, (c) => c.primaryKey())
		.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('article', 'integer')
		.addColumn('on_date', 'text')
		.addColumn('deadline', 'text')
		.addColumn('outcome', 'text', (c) => c.notNull().defaultTo('confirmed'))
		.addColumn('granted_at', 'text')
		.addColumn('confidence', 'text')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('replaces_id', 'integer', (c) => c.references('state_facts.id'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addCheckConstraint(
			'state_facts_event',
			sql`(kind = 'status' and event in ('signature', 'ratification', 'accession', 'deposit', 'entry_into_force', 'withdrawal_notified', 'withdrawal_effective'))
				or (kind = 'ldc' and event in ('inclusion', 'graduation', 'scheduled_graduation'))
				or (kind = 'deadline' and event in ('original', 'extension', 'completion'))
				or (kind = 'victims' and event in ('listed', 'not_listed'))`
		)
		.addCheckConstraint(
			'state_facts_article',
			sql`(kind = 'deadline' and article is not null and article in (3, 4)) or (kind <> 'deadline' and article is null)`
		)
		.addCheckConstraint('state_facts_outcome', sql`outcome in ('confirmed', 'unknown')`)
		.addCheckConstraint('state_facts_confidence', sql`confidence is null or confidence in ('high', 'medium', 'low')`)
		.addCheckConstraint('state_facts_dates', sql`(${partial('on_date')}) and (deadline is null or length(deadline) = 10)`)
		.addCheckConstraint('state_facts_deadline', sql`deadline is null or event = 'extension'`)
		.addCheckConstraint('state_facts_source', sql`length(source) > 0`)
		.execute();
	await db.schema.createIndex('state_facts_org').on('state_facts').columns(['organization_id', 'kind']).execute();
	await db.schema
		.createIndex('state_facts_replaced_once')
		.on('state_facts')
		.column('replaces_id')
		.unique()
		.where(sql.ref('replaces_id'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('state_facts').execute();
}
