import type SQLite from 'better-sqlite3';
import type { QueryResult } from 'kysely';

/**
 * Runs a compiled query straight on a better-sqlite3 connection, as Kysely's SQLite driver does but without its
 * promise layers (connection provider, mutex, driver), which cost more than our small statements themselves.
 *
 * Safe when nobody else's transaction is open on the connection: one statement runs whole, synchronously, so it
 * cannot interleave with another request's. So: inside our own transaction (its lock keeps every other query waiting),
 * or when the connection is in autocommit. While another request's transaction is open, the query takes Kysely's way
 * and waits its turn; run here, it would read that transaction's uncommitted rows.
 */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

interface Registered {
	run: DirectRunner;
	/** Whether a transaction is open on the connection (better-sqlite3's `inTransaction`). */
	busy: () => boolean;
}

const runners = new WeakMap<object, Registered>();

/** Registers the runner of a SQLite Kysely instance, keyed by its adapter (shared by the instance and its transactions). */
export function registerDirectRunner(adapter: object, sqlite: SQLite.Database, prepare: (sql: string) => SQLite.Statement): void {
	runners.set(adapter, {
		busy: () => sqlite.inTransaction,
		run: (sql, parameters) => {
			const stmt = prepare(sql);
			if (stmt.reader) return { rows: stmt.all(parameters) };
			const { changes, lastInsertRowid } = stmt.run(parameters);
			return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
		}
	});
}

/** The direct runner for a query on `adapter`'s connection, when running it at once is safe (see above). */
export function directRunner(adapter: object, inTransaction: boolean): DirectRunner | undefined {
	const r = runners.get(adapter);
	if (!r) return undefined;
	return inTransaction || !r.busy() ? r.run : undefined;
}
