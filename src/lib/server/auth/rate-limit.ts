import type { Db } from '../db';
import { normalizeEmail } from './email';
import { MINUTE, nowIso } from '../time';
import { KNOWN_PREFIX, TRIM_BATCH, limitAddress, refund, reserve, type Limit } from '../limits';

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
export async function reserveLoginAttempt(
	db: Db,
	rawEmail: string,
	clientAddress: string
): Promise<{ ok: true; attempt: LoginAttempt } | { ok: false; minutes: number }> {
	const email = normalizeEmail(rawEmail);
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
	const account = normalizeEmail(email);
	// One row per statement, as in refund(); the ceiling first.
	await db.deleteFrom('rate_limits').where('key', '=', accountKey(account)).execute();
	for (;;) {
		const rows = await db.selectFrom('rate_limits').select('key').where('account', '=', account).limit(TRIM_BATCH).execute();
		for (const r of rows) await db.deleteFrom('rate_limits').where('key', '=', r.key).execute();
		if (rows.length < TRIM_BATCH) return;
	}
}
