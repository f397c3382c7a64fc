// The database's front door: the app's handle, the schema's types, and the query helpers areas share.
// Routes never import this module (the linter holds that rule): they call the area that owns the data.
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

/** For tests that call routes' loads and actions: use this database instead of the one from the environment. */
export function setHandle(h: DbHandle): void {
	handle = h;
}

/** The database or a transaction on it (a Transaction is a Kysely): what every area function takes first. */
export type Db = Kysely<Database>;

/**
 * An area function of the database, bound to the app's database: what a front door hands to routes, so that routes
 * never hold a database themselves. Tests call the unbound function with a database of their own.
 */
export function bindDb<A extends unknown[], R>(fn: (db: Kysely<Database>, ...args: A) => R): (...args: A) => R {
	return (...args) => fn(getDb(), ...args);
}

export * from './schema';
export type { DbHandle, Engine } from './connect';
export { dataDir } from './connect';
export { prepared } from './prepared';
export { containsText, escapeLike } from './text';
export { titleIn, localized, givenTranslations, type TitleTranslations, type ShownTitle } from './translations';
export { contentVersion, VersionedCache, type ContentName } from './content-versions';
