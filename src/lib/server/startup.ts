import type { DbHandle } from './db/connect';
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
	if (env.SEED_DEMO === 'false') await seedReferenceData(handle.db);
	else await seedDemoData(handle.db);

	const staff = await handle.db.selectFrom('users').select('id').where('role', '=', 'staff').executeTakeFirst();
	if (!staff) {
		const email = (env.STAFF_EMAIL ?? 'isu-staff@example.org').toLowerCase();
		const password = randomPassword();
		await createUser(handle.db, { email, password, role: 'staff', givenName: 'ISU', familyName: 'Staff', verified: true });
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
