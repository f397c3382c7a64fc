import type { Locale } from '$lib/i18n';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db';
import { containsText } from '../db';

export const USERS_PAGE_SIZE = 50;

export async function listUsers(db: Kysely<Database>, f: { q?: string; role?: Role; page?: number }) {
	let q = db.selectFrom('users').leftJoin('organizations', 'organizations.id', 'users.organization_id');
	if (f.q) {
		const needle = f.q;
		q = q.where((eb) => eb.or([containsText('users.email', needle), containsText('users.given_name', needle), containsText('users.family_name', needle)]));
	}
	if (f.role) q = q.where('users.role', '=', f.role);
	const page = Math.max(1, f.page ?? 1);
	const [rows, count] = await Promise.all([
		q
			.select([
				'users.id',
				'users.email',
				'users.role',
				'users.given_name',
				'users.family_name',
				'users.email_verified',
				'users.created_at',
				'organizations.name as organization'
			])
			.orderBy('users.email')
			.limit(USERS_PAGE_SIZE)
			.offset((page - 1) * USERS_PAGE_SIZE)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

export function getUser(db: Kysely<Database>, id: number) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'role', 'given_name', 'family_name', 'organization_id', 'email_verified', 'created_at', 'password_hash'])
		.where('id', '=', id)
		.executeTakeFirst()
		.then((u) => (u ? { ...u, password_hash: undefined, has_password: !!u.password_hash } : undefined));
}

/** The language a person chose in the header's switch; their e-mails follow it. Not audited: it is their own setting. */
export async function setPreferredLocale(db: Kysely<Database>, userId: number, locale: Locale): Promise<void> {
	await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
