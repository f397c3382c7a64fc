import type SQLite from 'better-sqlite3';
import type { QueryResult } from 'kysely';

/**
 * Runs a compiled query straight on a better-sqlite3 connection, as Kysely's SQLite driver does but without its
 * promise layers (connection provider, mutex, driver), which cost more than our small statements themselves.
 *
 * Safe only when no other request's transaction is open on the connection: one statement runs whole and synchronously,
 * so it cannot interleave with another request's, but run inside another's transaction it would read its uncommitted
 * rows and share its fate. So a query runs here:
 * - outside a transaction: when the connection is in autocommit (no transaction open);
 * - in a transaction: when the transaction open on the connection is provably its own. A transaction's first query
 *   takes Kysely's way, which refuses a transaction that has ended; it is then stamped with the number of the BEGIN
 *   open at that moment (while a Kysely transaction is active nobody else can begin one). Later queries run here while
 *   that BEGIN is still the open one. A transaction object kept past its end fails Kysely's check, as before.
 * Anything else takes Kysely's way and waits its turn.
 */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

interface Connection {
	sqlite: SQLite.Database;
	prepare: (sql: string) => SQLite.Statement;
	/** How many BEGINs the connection has run. */
	begins: () => number;
	/** The BEGIN each transaction object was proven to own. */
	stamps: WeakMap<object, number>;
}

const connections = new WeakMap<object, Connection>();

/** Registers a SQLite Kysely instance's connection, keyed by its adapter (shared by the instance and its transactions). */
export function registerDirectRunner(adapter: object, sqlite: SQLite.Database, prepare: (sql: string) => SQLite.Statement, begins: () => number): void {
	connections.set(adapter, { sqlite, prepare, begins, stamps: new WeakMap() });
}

function run(c: Connection, sql: string, parameters: readonly unknown[]): QueryResult<unknown> {
	const stmt = c.prepare(sql);
	if (stmt.reader) return { rows: stmt.all(parameters) };
	const { changes, lastInsertRowid } = stmt.run(parameters);
	return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

/** The direct runner for a query on `adapter`'s connection, by `trx` (null outside a transaction), when safe (above). */
export function directRunner(adapter: object, trx: object | null): DirectRunner | undefined {
	const c = connections.get(adapter);
	if (!c) return undefined;
	const open = c.sqlite.inTransaction;
	if (trx === null ? open : !open || c.stamps.get(trx) !== c.begins()) return undefined;
	return (sql, parameters) => run(c, sql, parameters);
}

/**
 * Called as a transaction's query takes Kysely's way; returns what to call once Kysely has run it (which proves the
 * transaction was active when the query was issued, so the BEGIN open at issue was its own).
 */
export function stampOnSuccess(adapter: object, trx: object): () => void {
	const c = connections.get(adapter);
	if (!c || !c.sqlite.inTransaction) return () => {};
	const begin = c.begins();
	return () => c.stamps.set(trx, begin);
}
