// `npm run user:create -- --email someone@example.org --role staff [--given Ann --family Lee]`
// Prints a random password once. With --password-env NAME the password is read from that variable (for tests).
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { createUser, findUserByEmail } from '../src/lib/server/auth/accounts';
import { PASSWORD_MIN, randomPassword } from '../src/lib/server/auth/password';
import { ROLES, type Role } from '../src/lib/server/db/schema';
import { args, loadMigrations } from './lib';

const a = args();
const email = typeof a.email === 'string' ? a.email.trim().toLowerCase() : '';
const role = (typeof a.role === 'string' ? a.role : 'staff') as Role;
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !ROLES.includes(role)) {
	console.error(`Usage: npm run user:create -- --email ADDRESS --role ${ROLES.join('|')} [--given NAME] [--family NAME]`);
	process.exit(2);
}
const fromEnv = typeof a['password-env'] === 'string' ? process.env[a['password-env']] : undefined;
if (fromEnv !== undefined && fromEnv.length < PASSWORD_MIN) {
	console.error(`The password must have at least ${PASSWORD_MIN} characters.`);
	process.exit(2);
}
const password = fromEnv ?? randomPassword();

const handle = openFromEnv();
try {
	await migrateToLatest(handle.db, await loadMigrations());
	if (await findUserByEmail(handle.db, email)) {
		console.error(`An account for ${email} already exists.`);
		process.exitCode = 1;
	} else {
		await createUser(handle.db, {
			email,
			password,
			role,
			givenName: typeof a.given === 'string' ? a.given : null,
			familyName: typeof a.family === 'string' ? a.family : null,
			verified: true
		});
		console.log(`Created ${role} account ${email}.`);
		if (fromEnv === undefined) console.log(`Password (shown only this once): ${password}`);
	}
} finally {
	await handle.db.destroy();
}
