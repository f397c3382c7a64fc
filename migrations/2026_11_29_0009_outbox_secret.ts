import { sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// A message whose link lets its holder into an account (confirm an address, reset a password, accept an invitation)
// is marked secret: once mail is really sent (SMTP_URL), staff see it with the link masked and its text is deleted
// after sending. Messages already queued are marked by their subjects as the templates wrote them when this was
// written; the text of those already sent (or given up on) is deleted now.

const SECRET_SUBJECTS = [
	'Confirm your e-mail address for CCM Meetings',
	'Reset your CCM Meetings password',
	'Confirm your new e-mail address for CCM Meetings',
	'You are invited to CCM Meetings'
];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('outbox')
		.addColumn('secret', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`secret in (0, 1)`)
		)
		.execute();
	await db.updateTable('outbox').set({ secret: 1 }).where('subject', 'in', SECRET_SUBJECTS).execute();
	await db.updateTable('outbox').set({ body_text: '' }).where('secret', '=', 1).where('status', 'in', ['sent', 'failed']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').dropColumn('secret').execute();
}
