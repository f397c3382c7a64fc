import type { Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 12: a person who registers themself for a state or organisation is an unconfirmed member until its focal
// point or staff confirm them. New columns only (no table rebuild on SQLite):
// - registrations.unconfirmed_since: set by a self-registration, null once confirmed (existing rows stay confirmed);
// - delegations.unconfirmed_held: the guarded counter of live unconfirmed members, kept under meetings.unconfirmed_cap;
// - meetings.unconfirmed_cap: at most this many unconfirmed sign-ups per delegation (2 unless staff change it; null: none);
// - sponsorship_applications.endorsement_note: who endorsed on the state's behalf and why, shown to the applicant.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('registrations').addColumn('unconfirmed_since', 'text').execute();
	await db.schema
		.alterTable('delegations')
		.addColumn('unconfirmed_held', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('meetings')
		.addColumn('unconfirmed_cap', 'integer', (c) => c.defaultTo(2))
		.execute();
	await db.schema.alterTable('sponsorship_applications').addColumn('endorsement_note', 'text').execute();
	await db.schema
		.createIndex('registrations_unconfirmed')
		.on('registrations')
		.columns(['unconfirmed_since'])
		.where('unconfirmed_since', 'is not', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('registrations_unconfirmed').execute();
	await db.schema.alterTable('sponsorship_applications').dropColumn('endorsement_note').execute();
	await db.schema.alterTable('meetings').dropColumn('unconfirmed_cap').execute();
	await db.schema.alterTable('delegations').dropColumn('unconfirmed_held').execute();
	await db.schema.alterTable('registrations').dropColumn('unconfirmed_since').execute();
}
