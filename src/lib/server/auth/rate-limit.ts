import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { MINUTE, nowIso } from '../time';

export const LOGIN_WINDOW = 15 * MINUTE;
export const LOGIN_MAX_FAILURES = 10;

/** Failures are rows, not process memory, so several app processes share the count. */
export function loginKeys(email: string, address: string): string[] {
	return [`email:${email.trim().toLowerCase()}`, `ip:${address}`];
}

/** Minutes until a login may be tried again, or 0 when none of the keys is over the limit. */
export async function loginBlockedFor(db: Kysely<Database>, keys: string[]): Promise<number> {
	const since = new Date(Date.now() - LOGIN_WINDOW).toISOString();
	const rows = await db
		.selectFrom('login_attempts')
		.select(['key', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('first')])
		.where('key', 'in', keys)
		.where('at', '>', since)
		.groupBy('key')
		.execute();
	let wait = 0;
	for (const r of rows) {
		if (Number(r.n) >= LOGIN_MAX_FAILURES && r.first) {
			const freeAt = new Date(String(r.first)).getTime() + LOGIN_WINDOW;
			wait = Math.max(wait, Math.ceil((freeAt - Date.now()) / MINUTE));
		}
	}
	return wait > 0 ? wait : 0;
}

export async function recordLoginFailure(db: Kysely<Database>, keys: string[]): Promise<void> {
	const at = nowIso();
	await db.insertInto('login_attempts').values(keys.map((key) => ({ key, at }))).execute();
	// Old rows are no use to anyone: trim them as we go.
	await db.deleteFrom('login_attempts').where('at', '<', new Date(Date.now() - 2 * LOGIN_WINDOW).toISOString()).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('key', '=', `email:${email.trim().toLowerCase()}`).execute();
}
