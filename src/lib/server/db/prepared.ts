import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema';
import { directRunner, stampOnSuccess } from './sqlite-direct';

const SLOT = Symbol('prepared query slot');
type Slot = { readonly [SLOT]: number };
const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && SLOT in v;

/**
 * A query compiled once per SQL dialect and then run with new values. Kysely builds and compiles every query anew,
 * 20–55 µs each: several times what SQLite takes to run one of ours, and most of the registration's time in Kysely.
 *
 * `build` is called once, with placeholders in place of the values: it must not look at them (no `if`, no `??`), pass
 * each one straight to Kysely as a value, and give a query whose SQL does not depend on them (no list for `in`, no
 * optional columns in an insert). Queries that do are built with Kysely as usual.
 */
export function prepared<Args extends unknown[], Row>(build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>) {
	// Keyed by the dialect's adapter: the same object for a database and every transaction on it.
	const compiled = new WeakMap<object, CompiledQuery<Row>>();
	const run = (db: Kysely<Database>, args: Args): Promise<QueryResult<Row>> => {
		const key = db.getExecutor().adapter;
		let query = compiled.get(key);
		if (!query) {
			const slots = args.map((_, i) => ({ [SLOT]: i })) as unknown as Args;
			query = build(db, ...slots).compile();
			const used = new Set(query.parameters.filter(isSlot).map((p) => p[SLOT]));
			if (used.size !== args.length)
				throw new Error(`prepared(): the query takes ${used.size} of its ${args.length} values; each must go to Kysely as a value`);
			compiled.set(key, query);
		}
		const parameters = query.parameters.map((p) => (isSlot(p) ? args[p[SLOT]] : p));
		// On SQLite, at once when that is provably safe (sqlite-direct.ts); a Kysely with plugins needs its own path.
		if (db.getExecutor().plugins.length) return db.executeQuery({ ...query, parameters });
		const trx = db.isTransaction ? db : null;
		const direct = directRunner(key, trx);
		if (direct) return Promise.resolve(direct(query.sql, parameters) as QueryResult<Row>);
		if (!trx) return db.executeQuery({ ...query, parameters });
		const stamp = stampOnSuccess(key, trx);
		return db.executeQuery<Row>({ ...query, parameters }).then((result) => {
			stamp();
			return result;
		});
	};
	return {
		async all(db: Kysely<Database>, ...args: Args): Promise<Row[]> {
			return (await run(db, args)).rows;
		},
		async first(db: Kysely<Database>, ...args: Args): Promise<Row | undefined> {
			return (await run(db, args)).rows[0];
		},
		/** Rows inserted, updated or deleted. */
		async affected(db: Kysely<Database>, ...args: Args): Promise<number> {
			return Number((await run(db, args)).numAffectedRows ?? 0n);
		}
	};
}
