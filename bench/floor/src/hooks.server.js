// The floor's one hook: the session looked up by the SHA-256 of its cookie in SQLite, as the app's hook does (expiry
// checked, the cookie set again on the response). Its SQLite file (FLOOR_DB) holds FLOOR_SESSIONS sessions whose
// tokens are `floor-session-<n>`, made at start.
import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';

const COOKIE = 'ccm_session';
const db = new SQLite(process.env.FLOOR_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
	create table if not exists users (id integer primary key, email text not null, role text not null, given_name text not null, family_name text not null);
	create table if not exists sessions (id text primary key, user_id integer not null references users (id), expires_at text not null);
`);
const hash = (token) => createHash('sha256').update(token).digest('hex');
if (!db.prepare('select 1 from sessions limit 1').get()) {
	const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();
	const user = db.prepare('insert into users (email, role, given_name, family_name) values (?, ?, ?, ?)');
	const session = db.prepare('insert into sessions (id, user_id, expires_at) values (?, ?, ?)');
	db.transaction(() => {
		for (let i = 0; i < Number(process.env.FLOOR_SESSIONS ?? 3000); i++) {
			const { lastInsertRowid } = user.run(`floor-${i}@bench.example.org`, 'delegate', 'Given', 'Family');
			session.run(hash(`floor-session-${i}`), lastInsertRowid, expires);
		}
	})();
}
const sessionById = db.prepare(
	'select s.expires_at, u.id, u.email, u.role, u.given_name, u.family_name from sessions s join users u on u.id = s.user_id where s.id = ?'
);

/** @type {import('@sveltejs/kit').Handle} */
export async function handle({ event, resolve }) {
	const token = event.cookies.get(COOKIE);
	event.locals.user = null;
	if (token) {
		const row = sessionById.get(hash(token));
		if (row && Date.parse(row.expires_at) > Date.now()) {
			event.locals.user = row;
			event.cookies.set(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires: new Date(row.expires_at) });
		} else {
			event.cookies.delete(COOKIE, { path: '/' });
		}
	}
	return resolve(event);
}
