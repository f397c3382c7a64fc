import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db';
import { DAY, nowIso } from '../time';
import { generateToken, hashToken } from './token';
import { prepared } from '../db';

export const SESSION_COOKIE = 'ccm_session';
const SESSION_LIFETIME = 30 * DAY;
/** Renew in the last 15 days so an active user stays signed in (sliding expiry). */
const RENEW_WITHIN = 15 * DAY;

export interface SessionUser {
	id: number;
	email: string;
	role: Role;
	givenName: string | null;
	familyName: string | null;
	organizationId: number | null;
	emailVerified: boolean;
	/** The language the person chose; the page's own language is the address's. */
	locale?: string;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export async function createSession(db: Kysely<Database>, userId: number): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME);
	const session = { id: hashToken(token), userId, expiresAt };
	await db.insertInto('sessions').values({ id: session.id, user_id: userId, expires_at: expiresAt.toISOString(), created_at: nowIso() }).execute();
	return { token, session };
}

// Every signed-in request asks this: compiled once (see prepared.ts).
const sessionById = prepared((db, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.expires_at',
			'users.id as user_id',
			'users.email',
			'users.role',
			'users.given_name',
			'users.family_name',
			'users.organization_id',
			'users.email_verified',
			'users.locale'
		])
		.where('sessions.id', '=', id)
);

export async function validateSessionToken(
	db: Kysely<Database>,
	token: string
): Promise<{ session: Session; user: SessionUser } | { session: null; user: null }> {
	const id = hashToken(token);
	const row = await sessionById.first(db, id);
	if (!row) return { session: null, user: null };

	let expiresAt = new Date(row.expires_at);
	if (Date.now() >= expiresAt.getTime()) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return { session: null, user: null };
	}
	if (Date.now() >= expiresAt.getTime() - RENEW_WITHIN) {
		expiresAt = new Date(Date.now() + SESSION_LIFETIME);
		await db.updateTable('sessions').set({ expires_at: expiresAt.toISOString() }).where('id', '=', id).execute();
	}
	return {
		session: { id, userId: row.user_id, expiresAt },
		user: {
			id: row.user_id,
			email: row.email,
			role: row.role,
			givenName: row.given_name,
			familyName: row.family_name,
			organizationId: row.organization_id,
			emailVerified: row.email_verified === 1,
			locale: row.locale
		}
	};
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
