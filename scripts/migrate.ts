// `npm run migrate`: applies pending migrations to the database named by DATABASE_URL / DATA_DIR.
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { loadMigrations } from './lib';

const handle = openFromEnv();
try {
	const applied = await migrateToLatest(handle.db, await loadMigrations());
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the database is up to date.');
} finally {
	await handle.db.destroy();
}
