import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 14: each person reads the app and their e-mails in their own language.
// - users.locale: the language a person chose (the switch in the header), used for their e-mails; English by default;
// - outbox.locale: the language a queued e-mail was written in, shown to staff beside it.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('users')
		.addColumn('locale', 'text', (c) =>
			c
				.notNull()
				.defaultTo('en')
				.check(sql`locale in ('en', 'fr', 'es')`)
		)
		.execute();
	await db.schema
		.alterTable('outbox')
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').dropColumn('locale').execute();
	await db.schema.alterTable('users').dropColumn('locale').execute();
}
