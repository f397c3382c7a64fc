import type { Kysely } from 'kysely';
import type { Database, TokenKind } from '../db';
import { DAY, HOUR, nowIso } from '../time';
import { generateToken, hashToken } from './token';

const LIFETIME: Record<TokenKind, number> = {
	verify_email: 2 * DAY,
	reset_password: 1 * HOUR,
	invite: 14 * DAY,
	change_email: 1 * DAY
};

export interface LinkToken {
	id: string;
	kind: TokenKind;
	userId: number | null;
	email: string;
	payload: Record<string, unknown>;
}

/** Creates a one-time link token; earlier unused ones of the same kind for the address stop working. */
export async function issueLinkToken(
	db: Kysely<Database>,
	kind: TokenKind,
	email: string,
	userId: number | null,
	payload: Record<string, unknown> = {}
): Promise<string> {
	const token = generateToken();
	await db.deleteFrom('tokens').where('kind', '=', kind).where('email', '=', email).where('used_at', 'is', null).execute();
	await db
		.insertInto('tokens')
		.values({
			id: hashToken(token),
			kind,
			user_id: userId,
			email,
			payload: JSON.stringify(payload),
			expires_at: new Date(Date.now() + LIFETIME[kind]).toISOString(),
			used_at: null,
			created_at: nowIso()
		})
		.execute();
	return token;
}

/** The token if it exists, is of this kind, unused and not expired; null otherwise. */
export async function findLinkToken(db: Kysely<Database>, kind: TokenKind, token: string): Promise<LinkToken | null> {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
	const row = await db.selectFrom('tokens').selectAll().where('id', '=', hashToken(token)).executeTakeFirst();
	if (!row || row.kind !== kind || row.used_at || row.expires_at <= nowIso()) return null;
	return {
		id: row.id,
		kind: row.kind,
		userId: row.user_id,
		email: row.email,
		payload: row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : {}
	};
}

/** Marks the token used; false when another request used it first. */
export async function consumeLinkToken(db: Kysely<Database>, id: string): Promise<boolean> {
	const res = await db.updateTable('tokens').set({ used_at: nowIso() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
	return Number(res.numUpdatedRows) === 1;
}
