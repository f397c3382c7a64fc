import fs from 'node:fs';
import type SQLite from 'better-sqlite3';

// `npm run bench -- --query-prof`: the app times every SQLite statement by its SQL text and, when it exits, writes the
// costliest to the file named by CCM_QUERY_PROFILE. Off unless that variable is set: no cost in production.

type Totals = Map<string, { calls: number; ms: number }>;
let totals: Totals | null = null;

/** Wraps a statement's run methods with timers when profiling is on; otherwise returns it untouched. */
export function profiled(stmt: SQLite.Statement, sql: string): SQLite.Statement {
	const file = process.env.CCM_QUERY_PROFILE;
	if (!file) return stmt;
	if (!totals) {
		const t: Totals = (totals = new Map());
		process.on('exit', () => fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify([...t].map(([q, v]) => ({ sql: q, ...v })))));
	}
	const t = totals;
	const methods = stmt as unknown as Record<'all' | 'get' | 'run' | 'iterate', (...a: unknown[]) => unknown>;
	for (const k of ['all', 'get', 'run', 'iterate'] as const) {
		const run = methods[k].bind(stmt);
		methods[k] = (...a: unknown[]) => {
			const start = process.hrtime.bigint();
			try {
				return run(...a);
			} finally {
				const v = t.get(sql) ?? { calls: 0, ms: 0 };
				v.calls++;
				v.ms += Number(process.hrtime.bigint() - start) / 1e6;
				t.set(sql, v);
			}
		};
	}
	return stmt;
}
