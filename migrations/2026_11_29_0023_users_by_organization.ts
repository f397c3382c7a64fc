import type { Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Every self-registration, sponsorship application and submitted delegation looks up its state's focal points
// (users by organisation and role). Without an index that scanned every account: 0.56 ms of each registration in the
// bench's rush of 3,000 accounts, the largest single cost of the request.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('users_organization_role').on('users').columns(['organization_id', 'role']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('users_organization_role').execute();
}
