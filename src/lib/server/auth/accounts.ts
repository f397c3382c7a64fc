import type { Db, Role, User } from '../db';
import { normalizeEmail } from './email';
import { audit, type Actor } from '../audit';
import { queueMail, mails, mayMail } from '../mail';
import { nowIso } from '../time';
import { consumeLinkToken, findLinkToken, issueLinkToken } from './links';
import { tellAppointedFocalPoint } from './appointment';
import { hashIsWeaker, hashPassword, verifyPassword } from './password';
import { clearLoginFailures, loginSucceeded, reserveLoginAttempt } from './rate-limit';
import { invalidateUserSessions } from './session';
import { currentLocale, isLocale, type Locale } from '$lib/i18n';

export { normalizeEmail };

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export interface NewAccount {
	email: string;
	password: string | null;
	role: Role;
	givenName?: string | null;
	familyName?: string | null;
	organizationId?: number | null;
	verified?: boolean;
	/** The language of their e-mails; English unless said. */
	locale?: Locale;
}

export async function createUser(db: Db, a: NewAccount): Promise<User> {
	return db
		.insertInto('users')
		.values({
			email: normalizeEmail(a.email),
			email_verified: a.verified ? 1 : 0,
			password_hash: a.password ? await hashPassword(a.password) : null,
			role: a.role,
			given_name: a.givenName ?? null,
			family_name: a.familyName ?? null,
			organization_id: a.organizationId ?? null,
			created_at: nowIso(),
			locale: a.locale ?? 'en'
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/**
 * Creates a delegate account and mails a verification link. An address that already has an account
 * gets a mail saying so, and the page says the same in both cases: sign-up does not reveal who has an account.
 * `address` is the client's (for the mail limit); null counts the recipient only.
 */
export async function signUp(
	db: Db,
	origin: string,
	input: { email: string; password: string; given_name: string; family_name: string },
	address: string | null = null,
	redirectTo: string | null = null,
	// The language of the page signed up on (the request's): the person's e-mails are written in it.
	locale: Locale = currentLocale()
): Promise<void> {
	const existing = await findUserByEmail(db, input.email);
	if (existing) {
		// The hash a new account costs, so that the time taken does not tell that this address has an account.
		await hashPassword(input.password);
		if (await mayMail(db, existing.email, address)) {
			await queueMail(db, mails.alreadyRegistered(existing.email, `${origin}/login`, `${origin}/forgot-password`));
		}
		return;
	}
	let user: User;
	try {
		user = await createUser(db, {
			email: input.email,
			password: input.password,
			role: 'delegate',
			givenName: input.given_name,
			familyName: input.family_name,
			locale
		});
	} catch (e) {
		// A double submit raced us to the unique index: the first one already sent the link.
		if (await findUserByEmail(db, input.email)) return;
		throw e;
	}
	await sendVerification(db, origin, user, address, redirectTo);
}

/** Where the person was going, carried by a mailed link (a path checked by safeRedirectTarget before it gets here). */
const onward = (redirectTo: string | null) => (redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : '');

/** Mails a confirmation link, unless the mail limit is reached (then the earlier link keeps working). */
export async function sendVerification(
	db: Db,
	origin: string,
	user: Pick<User, 'id' | 'email'>,
	address: string | null = null,
	redirectTo: string | null = null
): Promise<void> {
	if (!(await mayMail(db, user.email, address))) return;
	const token = await issueLinkToken(db, 'verify_email', user.email, user.id);
	await queueMail(db, mails.verifyEmail(user.email, `${origin}/verify/${token}${onward(redirectTo)}`));
}

export async function verifyEmail(db: Db, token: string): Promise<User | null> {
	const t = await findLinkToken(db, 'verify_email', token);
	if (!t || t.userId === null || !(await consumeLinkToken(db, t.id))) return null;
	return (
		(await db.updateTable('users').set({ email_verified: 1 }).where('id', '=', t.userId).where('email', '=', t.email).returningAll().executeTakeFirst()) ?? null
	);
}

export type LoginResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'unverified'; user: User }
	| { ok: false; reason: 'limited'; minutes: number };

/**
 * Checks a login. The attempt is taken from the limits (per account and address, per address, per account) before the
 * password is checked, so that concurrent guesses cannot pass them; a right password gives its attempt back.
 */
export async function authenticate(db: Db, email: string, password: string, address: string): Promise<LoginResult> {
	const reserved = await reserveLoginAttempt(db, email, address);
	if (!reserved.ok) return { ok: false, reason: 'limited', minutes: reserved.minutes };
	const user = await findUserByEmail(db, email);
	// Hash even when there is no such user, so timing does not tell which addresses exist.
	const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
	if (!user || !ok) return { ok: false, reason: 'invalid' };
	if (!user.email_verified) {
		await loginSucceeded(db, reserved.attempt, false);
		return { ok: false, reason: 'unverified', user };
	}
	await loginSucceeded(db, reserved.attempt);
	if (user.password_hash && hashIsWeaker(user.password_hash))
		await db
			.updateTable('users')
			.set({ password_hash: await hashPassword(password) })
			.where('id', '=', user.id)
			.execute();
	return { ok: true, user };
}

export type CurrentPasswordCheck = 'ok' | 'wrong_password' | { limited: number };

/** A current-password check at /account is a login guess too: the same limits, per account and address. */
async function checkCurrentPassword(db: Db, user: User, password: string, address: string): Promise<CurrentPasswordCheck> {
	const reserved = await reserveLoginAttempt(db, user.email, address);
	if (!reserved.ok) return { limited: reserved.minutes };
	if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) return 'wrong_password';
	await loginSucceeded(db, reserved.attempt);
	return 'ok';
}
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
	dummy ??= hashPassword(crypto.randomUUID());
	return dummy;
}

/** Always the same answer to the page; a mail only when the account exists and the mail limit allows. */
export async function requestPasswordReset(
	db: Db,
	origin: string,
	email: string,
	address: string | null = null,
	redirectTo: string | null = null
): Promise<void> {
	const user = await findUserByEmail(db, email);
	if (!user) return;
	// Before the token: a refused request must not void the link the person already has.
	if (!(await mayMail(db, user.email, address))) return;
	const token = await issueLinkToken(db, 'reset_password', user.email, user.id);
	await queueMail(db, mails.resetPassword(user.email, `${origin}/reset-password/${token}${onward(redirectTo)}`));
}

export async function resetPassword(db: Db, token: string, password: string): Promise<User | null> {
	const t = await findLinkToken(db, 'reset_password', token);
	if (!t || t.userId === null || !(await consumeLinkToken(db, t.id))) return null;
	const user = await db
		.updateTable('users')
		// Opening the link proves the mailbox, so the address counts as verified.
		.set({ password_hash: await hashPassword(password), email_verified: 1 })
		.where('id', '=', t.userId)
		.returningAll()
		.executeTakeFirst();
	if (!user) return null;
	await invalidateUserSessions(db, user.id);
	// As the login page promises: after a reset the account's failed logins no longer hold it back.
	await clearLoginFailures(db, user.email);
	await queueMail(db, mails.passwordChanged(user.email));
	return user;
}

export async function changePassword(db: Db, userId: number, current: string, next: string, address: string): Promise<CurrentPasswordCheck> {
	const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
	const check = await checkCurrentPassword(db, user, current, address);
	if (check !== 'ok') return check;
	await db
		.updateTable('users')
		.set({ password_hash: await hashPassword(next) })
		.where('id', '=', userId)
		.execute();
	await invalidateUserSessions(db, userId);
	await queueMail(db, mails.passwordChanged(user.email));
	return 'ok';
}

export async function requestEmailChange(
	db: Db,
	origin: string,
	userId: number,
	newEmail: string,
	current: string,
	address: string
): Promise<CurrentPasswordCheck | 'same' | 'taken'> {
	const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
	const check = await checkCurrentPassword(db, user, current, address);
	if (check !== 'ok') return check;
	const email = normalizeEmail(newEmail);
	if (email === user.email) return 'same';
	if (await findUserByEmail(db, email)) return 'taken';
	// Any address can be typed here: the page says the same whether or not the mail limit let it go.
	if (!(await mayMail(db, email, address))) return 'ok';
	const token = await issueLinkToken(db, 'change_email', email, userId, { from: user.email });
	await queueMail(db, mails.confirmNewEmail(email, `${origin}/account/email/${token}`, isLocale(user.locale) ? user.locale : 'en'));
	await queueMail(db, mails.emailChangeRequested(user.email, email));
	return 'ok';
}

export async function confirmEmailChange(db: Db, token: string): Promise<User | null | 'taken'> {
	const t = await findLinkToken(db, 'change_email', token);
	if (!t || t.userId === null) return null;
	if (await findUserByEmail(db, t.email)) return 'taken';
	if (!(await consumeLinkToken(db, t.id))) return null;
	return (await db.updateTable('users').set({ email: t.email, email_verified: 1 }).where('id', '=', t.userId).returningAll().executeTakeFirst()) ?? null;
}

export async function inviteUser(
	db: Db,
	origin: string,
	actor: Actor,
	input: { email: string; role: Role; organization_id: number | null }
): Promise<'ok' | 'exists'> {
	if (await findUserByEmail(db, input.email)) return 'exists';
	const user = await createUser(db, {
		email: input.email,
		password: null,
		role: input.role,
		organizationId: input.organization_id
	});
	// What already waits for a new focal point comes first; the invitation, with its link, is the last message.
	if (user.role === 'focal_point' && user.organization_id) await tellAppointedFocalPoint(db, user.email, user.organization_id, origin);
	const token = await issueLinkToken(db, 'invite', user.email, user.id, { role: input.role });
	await queueMail(db, mails.invite(user.email, input.role, `${origin}/invite/${token}`));
	await audit(db, actor, 'user.invite', { type: 'user', id: user.id }, null, {
		email: user.email,
		role: user.role,
		organization_id: user.organization_id
	});
	return 'ok';
}

export async function acceptInvite(db: Db, token: string, input: { given_name: string; family_name: string; password: string }): Promise<User | null> {
	const t = await findLinkToken(db, 'invite', token);
	if (!t || t.userId === null || !(await consumeLinkToken(db, t.id))) return null;
	return (
		(await db
			.updateTable('users')
			.set({
				password_hash: await hashPassword(input.password),
				given_name: input.given_name,
				family_name: input.family_name,
				email_verified: 1
			})
			.where('id', '=', t.userId)
			.returningAll()
			.executeTakeFirst()) ?? null
	);
}

export async function setUserRole(
	db: Db,
	actor: Actor,
	input: { user_id: number; role: Role; organization_id: number | null },
	origin = ''
): Promise<User | null> {
	const before = await db.selectFrom('users').selectAll().where('id', '=', input.user_id).executeTakeFirst();
	if (!before) return null;
	const after = await db
		.updateTable('users')
		.set({ role: input.role, organization_id: input.organization_id })
		.where('id', '=', input.user_id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await audit(
		db,
		actor,
		'user.role',
		{ type: 'user', id: after.id },
		{ role: before.role, organization_id: before.organization_id },
		{ role: after.role, organization_id: after.organization_id }
	);
	const appointed =
		after.role === 'focal_point' && after.organization_id && (before.role !== 'focal_point' || before.organization_id !== after.organization_id);
	if (appointed) await tellAppointedFocalPoint(db, after.email, after.organization_id!, origin);
	return after;
}
