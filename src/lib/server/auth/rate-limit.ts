import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DAY, HOUR, MINUTE, nowIso } from '../time';
import { limitAddress } from './client-address';

type Db = Kysely<Database>;

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
								n: eb.case().when('rate_limits.window_start', '<=', stale).then(sql.lit(1)).else(eb('rate_limits.n', '+', sql.lit(1))).end(),
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
	const rows = await db.selectFrom('rate_limits').select(['key', 'n', 'window_start']).where('key', 'in', limits.map((l) => l.key)).execute();
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
		await db.updateTable('rate_limits').set((eb) => ({ n: eb('n', '-', sql.lit(1)) })).where('key', '=', key).where('n', '>', 0).execute();
	}
}

/** The longest window of any counter: a row older than this counts nothing. */
const LONGEST_WINDOW = HOUR;
/** How long a known (account, address) pair is remembered after its last successful login. */
export const KNOWN_PAIR_DAYS = 30;
const KNOWN_PREFIX = 'login-known ';

const TRIM_BATCH = 1000;

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

// ---- Logins (and current-password checks, which are the same guess) ----

export const LOGIN_WINDOW = 15 * MINUTE;
/** Failures per account from one address: a person mistyping, or a guesser at one address. */
export const LOGIN_MAX_FAILURES = 10;
/**
 * Failures per address over all accounts: one client spraying a password over many accounts. Higher than the pair's,
 * as a conference venue's Wi-Fi puts hundreds of delegates behind one address, and only failures stay counted.
 */
export const LOGIN_MAX_PER_ADDRESS = 100;
/**
 * Failures per account over all addresses: a ceiling against guessing from many addresses (10 addresses' worth of
 * pair failures). Without it a botnet has 10 guesses per address per 15 minutes against one account, without bound.
 * Reaching it could lock the account from everywhere, so it does not apply from an address the account has logged in
 * from within KNOWN_PAIR_DAYS (which a guesser cannot make), and a password reset clears it.
 */
export const LOGIN_MAX_PER_ACCOUNT = 100;

export function normalizeLoginEmail(email: string): string {
	return email.trim().toLowerCase();
}

const pairKey = (email: string, address: string) => `login-pair ${email} ${address}`;
const addressKey = (address: string) => `login-address ${address}`;
const accountKey = (email: string) => `login-account ${email}`;
const knownKey = (email: string, address: string) => `${KNOWN_PREFIX}${email} ${address}`;

export interface LoginAttempt {
	email: string;
	address: string;
	/** Which counters this attempt took: what a success gives back. */
	keys: string[];
}

/** Takes one attempt from the limits before the password is checked, so that at most the limit is ever checked. */
export async function reserveLoginAttempt(db: Db, rawEmail: string, clientAddress: string): Promise<{ ok: true; attempt: LoginAttempt } | { ok: false; minutes: number }> {
	const email = normalizeLoginEmail(rawEmail);
	const address = limitAddress(clientAddress);
	const pair: Limit = { key: pairKey(email, address), max: LOGIN_MAX_FAILURES, account: email };
	const perAddress: Limit = { key: addressKey(address), max: LOGIN_MAX_PER_ADDRESS };
	const perAccount: Limit = { key: accountKey(email), max: LOGIN_MAX_PER_ACCOUNT, account: email };
	const all = await reserve(db, [pair, perAddress, perAccount], LOGIN_WINDOW);
	if (all.ok) return { ok: true, attempt: { email, address, keys: [pair.key, perAddress.key, perAccount.key] } };
	// Refused. If only the account's ceiling stands in the way, an address the account knows may still try.
	const known = await db.selectFrom('rate_limits').select('key').where('key', '=', knownKey(email, address)).executeTakeFirst();
	if (!known) return all;
	const local = await reserve(db, [pair, perAddress], LOGIN_WINDOW);
	return local.ok ? { ok: true, attempt: { email, address, keys: [pair.key, perAddress.key] } } : local;
}

/** The password was right: its attempt was no failure, earlier typos from this address are forgiven, the address is known. */
export async function loginSucceeded(db: Db, attempt: LoginAttempt, remember = true): Promise<void> {
	const [pair, ...rest] = attempt.keys;
	await db.deleteFrom('rate_limits').where('key', '=', pair).execute();
	await refund(db, rest);
	if (!remember) return;
	const now = nowIso();
	await db
		.insertInto('rate_limits')
		.values({ key: knownKey(attempt.email, attempt.address), account: null, window_start: now, n: 1 })
		.onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now }))
		.execute();
}

/** After a password reset: the account's failures from every address are forgotten (its known addresses are kept). */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
	const account = normalizeLoginEmail(email);
	// One row per statement, as in refund(); the ceiling first.
	await db.deleteFrom('rate_limits').where('key', '=', accountKey(account)).execute();
	for (;;) {
		const rows = await db.selectFrom('rate_limits').select('key').where('account', '=', account).limit(TRIM_BATCH).execute();
		for (const r of rows) await db.deleteFrom('rate_limits').where('key', '=', r.key).execute();
		if (rows.length < TRIM_BATCH) return;
	}
}
