import { sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 12: the ISU's decision on a delegation's credentials letter (accepted or refused with a reason; a new letter
// clears a refusal), and per meeting how the list of participants is published: by notice (an official list, as the
// UN's are) or by consent (an unticked box). New columns rather than new values in a CHECK-ed column, so SQLite's
// tables need no rebuild.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('delegations')
		.addColumn('credentials_decision', 'text', (c) => c.check(sql`credentials_decision is null or credentials_decision in ('accepted', 'refused')`))
		.execute();
	await db.schema.alterTable('delegations').addColumn('credentials_reason', 'text').execute();
	await db.schema.alterTable('delegations').addColumn('credentials_decided_at', 'text').execute();
	await db.schema
		.alterTable('delegations')
		.addColumn('credentials_decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.execute();
	await db.schema
		.alterTable('meetings')
		.addColumn('participants_list', 'text', (c) =>
			c
				.notNull()
				.defaultTo('consent')
				.check(sql`participants_list in ('notice', 'consent')`)
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const col of ['credentials_decision', 'credentials_reason', 'credentials_decided_at', 'credentials_decided_by'])
		await db.schema.alterTable('delegations').dropColumn(col).execute();
	await db.schema.alterTable('meetings').dropColumn('participants_list').execute();
}
