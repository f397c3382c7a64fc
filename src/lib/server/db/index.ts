import type { Kysely } from 'kysely';
import { openFromEnv, type DbHandle } from './connect';
import type { Database } from './schema';

let handle: DbHandle | undefined;

/** The app's database, opened on first use from DATABASE_URL / DATA_DIR. */
export function getHandle(): DbHandle {
	handle ??= openFromEnv();
	return handle;
}

export function getDb(): Kysely<Database> {
	return getHandle().db;
}

/** For tests: use this database instead of the one from the environment. */
export function setHandle(h: DbHandle): void {
	handle = h;
}

export type { Database } from './schema';
