import { sql, type Kysely } from 'kysely';
import type { Database, DbHandle } from './db';
import { migrateToLatest } from './db/migrate';
import { migrations } from './db/migrations';
import { createUser } from './auth/accounts';
import { randomPassword } from './auth/password';
import { seedDemoData, seedReferenceData } from './seed';

/**
 * First start and every start: migrate, seed what is missing, and make sure one staff account
 * exists. Its random password is printed once; no fixed default password exists anywhere.
 */
export async function prepareDatabase(handle: DbHandle, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const applied = await migrateToLatest(handle.db, migrations);
	if (applied.length) console.log(`Database (${handle.engine}): applied ${applied.join(', ')}`);
	if (handle.engine === 'postgres') {
		// Several app processes may start at once on one PostgreSQL: the seeds read "what is missing" and then insert, so
		// one process at a time (a session-level advisory lock, held on one connection).
		await handle.db.connection().execute(async (conn) => {
			await sql`select pg_advisory_lock(${SEED_LOCK})`.execute(conn);
			try {
				await seedAndFirstStaff(conn, env);
			} finally {
				await sql`select pg_advisory_unlock(${SEED_LOCK})`.execute(conn);
			}
		});
	} else {
		// SQLite: one writer at a time already; the seeds' transactions are enough.
		await seedAndFirstStaff(handle.db, env);
	}
}

/** Any number: the key of the advisory lock that the seeds take on PostgreSQL. */
const SEED_LOCK = 7_331_905;

async function seedAndFirstStaff(db: Kysely<Database>, env: NodeJS.ProcessEnv): Promise<void> {
	if (env.SEED_DEMO === 'false') await seedReferenceData(db);
	else await seedDemoData(db);

	const staff = await db.selectFrom('users').select('id').where('role', '=', 'staff').executeTakeFirst();
	if (!staff) {
		const email = (env.STAFF_EMAIL ?? 'isu-staff@example.org').toLowerCase();
		const password = randomPassword();
		await createUser(db, { email, password, role: 'staff', givenName: 'ISU', familyName: 'Staff', verified: true });
		console.log(
			[
				'',
				'  First start: a staff account was created.',
				`    e-mail:   ${email}`,
				`    password: ${password}`,
				'  This password is shown only this once. Sign in and change it at /account.',
				''
			].join('\n')
		);
	}
}
