// Guarded counters shared by every limit the app keeps (logins, current-password checks, mail anyone can trigger):
// rows, not process memory, so several app processes share them. Infrastructure like db: any area may import it.
import type { Db } from '../db';
import { isIPv4, isIPv6 } from 'node:net';
import { PostgresAdapter, sql } from 'kysely';
import { DAY, HOUR, MINUTE, nowIso } from '../time';

/** One guarded counter: at most `max` uses per `window` for `key`. */
export interface Limit {
	key: string;
	max: number;
	/** The account the counter is about, so that a password reset can clear it. */
	account?: string;
}

export type Reservation = { ok: true } | { ok: false; minutes: number };

/**
 * Takes one use of every counter, or of none when any is at its limit: one guarded upsert per key in one transaction,
 * so concurrent requests cannot pass a limit (each sees the others' uses), on SQLite and PostgreSQL alike. Counters are
 * rows, not process memory, so several app processes share them.
 * Keys are taken in one order for every caller (smallest limit, then key; a key always comes with the same limit), so
 * two transactions on PostgreSQL never wait for each other's rows in a cycle; and the counter most likely to be full
 * comes first, so that a refused attempt in a rush is refused before it holds any other row.
 */
export async function reserve(db: Db, limits: Limit[], window: number): Promise<Reservation> {
	const sorted = [...limits].sort((a, b) => a.max - b.max || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const now = nowIso();
	const stale = new Date(Date.parse(now) - window).toISOString();
	let fresh = false;
	const ok = await db
		.transaction()
		.execute(async (trx) => {
			for (const l of sorted) {
				const row = await trx
					.insertInto('rate_limits')
					.values({ key: l.key, account: l.account ?? null, window_start: now, n: 1 })
					.onConflict((oc) =>
						oc
							.column('key')
							.doUpdateSet((eb) => ({
								// A window that has run out starts again with this use.
								n: eb
									.case()
									.when('rate_limits.window_start', '<=', stale)
									.then(sql.lit(1))
									.else(eb('rate_limits.n', '+', sql.lit(1)))
									.end(),
								window_start: eb.case().when('rate_limits.window_start', '<=', stale).then(now).else(eb.ref('rate_limits.window_start')).end()
							}))
							.where((eb) => eb.or([eb('rate_limits.n', '<', l.max), eb('rate_limits.window_start', '<=', stale)]))
					)
					.returning(['n'])
					.executeTakeFirst();
				if (!row) throw new Refused();
				if (Number(row.n) === 1) fresh = true;
			}
			return true;
		})
		.catch((e) => {
			if (e instanceof Refused) return false;
			throw e;
		});
	if (ok) {
		// A new window began somewhere: a good moment to drop the rows whose windows are long over.
		if (fresh) await trimRateLimits(db);
		return { ok: true };
	}
	return { ok: false, minutes: await minutesUntilFree(db, sorted, window) };
}
class Refused extends Error {}

async function minutesUntilFree(db: Db, limits: Limit[], window: number): Promise<number> {
	const rows = await db
		.selectFrom('rate_limits')
		.select(['key', 'n', 'window_start'])
		.where(
			'key',
			'in',
			limits.map((l) => l.key)
		)
		.execute();
	let freeAt = 0;
	for (const r of rows) {
		const l = limits.find((x) => x.key === r.key);
		if (l && Number(r.n) >= l.max) freeAt = Math.max(freeAt, Date.parse(r.window_start) + window);
	}
	return Math.max(1, Math.ceil((freeAt - Date.now()) / MINUTE));
}

/**
 * Gives back one use (the attempt was not a failure). One row per statement: a statement that locked several rows on
 * PostgreSQL could lock them in another order than reserve() and wait for it in a cycle.
 */
export async function refund(db: Db, keys: string[]): Promise<void> {
	for (const key of keys) {
		await db
			.updateTable('rate_limits')
			.set((eb) => ({ n: eb('n', '-', sql.lit(1)) }))
			.where('key', '=', key)
			.where('n', '>', 0)
			.execute();
	}
}

/** The longest window of any counter: a row older than this counts nothing. */
const LONGEST_WINDOW = HOUR;
/** How long a known (account, address) pair is remembered after its last successful login. */
export const KNOWN_PAIR_DAYS = 30;
/** Counters under this prefix remember a known (account, address) pair, for KNOWN_PAIR_DAYS rather than one window. */
export const KNOWN_PREFIX = 'login-known ';

export const TRIM_BATCH = 1000;

/** Drops rows that count nothing any more, a bounded batch at a time. */
export async function trimRateLimits(db: Db): Promise<void> {
	const now = Date.now();
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await db
		.deleteFrom('rate_limits')
		.where('key', 'in', (qb) =>
			qb
				.selectFrom('rate_limits')
				.select('key')
				.where('window_start', '<', new Date(now - LONGEST_WINDOW).toISOString())
				.where((eb) => eb.or([eb('key', 'not like', `${KNOWN_PREFIX}%`), eb('window_start', '<', new Date(now - KNOWN_PAIR_DAYS * DAY).toISOString())]))
				.limit(TRIM_BATCH)
				// A row a login is renewing right now is left for the next trim, rather than waited for (in a cycle).
				.$if(pg, (q) => q.forUpdate().skipLocked())
		)
		.execute();
}

/**
 * The address that limits count against. An IPv6 client usually holds a whole /64 (2^64 addresses), so its first
 * 64 bits are the address; an IPv4-mapped IPv6 address is its IPv4 one. Anything else is bounded in length.
 */
export function limitAddress(address: string): string {
	const a = address.trim();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
	if (mapped && isIPv4(mapped[1])) return mapped[1];
	if (isIPv4(a)) return a;
	const bare = a.replace(/%.*$/, '');
	if (isIPv6(bare)) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
	return a.slice(0, 64);
}

function ipv6Groups(a: string): string[] {
	// A trailing dotted IPv4 part is two groups.
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
	if (v4) {
		const [b1, b2, b3, b4] = v4.slice(1).map(Number);
		a = a.slice(0, v4.index) + ((b1 << 8) | b2).toString(16) + ':' + ((b3 << 8) | b4).toString(16);
	}
	const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
	const h = head ? head.split(':') : [];
	const t = tail === undefined ? [] : tail ? tail.split(':') : [];
	const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
	return [...h, ...fill, ...t].map((g) => parseInt(g, 16).toString(16));
}
