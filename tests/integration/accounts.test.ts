import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import {
	acceptInvite,
	authenticate,
	changePassword,
	confirmEmailChange,
	createUser,
	inviteUser,
	requestEmailChange,
	requestPasswordReset,
	resetPassword,
	setUserRole,
	signUp,
	verifyEmail
} from '../../src/lib/server/auth/accounts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { LOGIN_MAX_FAILURES } from '../../src/lib/server/auth/rate-limit';
import { hashIsWeaker } from '../../src/lib/server/auth/password';
import { hash } from '@node-rs/argon2';
import { listAudit } from '../../src/lib/server/audit/audit';
import { listOutbox } from '../../src/lib/server/mail/outbox';

const ORIGIN = 'http://app.test';

async function lastMailTo(t: TestDb, to: string) {
	const { rows } = await listOutbox(t.db, { to });
	expect(rows.length).toBeGreaterThan(0);
	return rows[0];
}

function linkIn(text: string, path: string): string {
	const m = text.match(new RegExp(`${ORIGIN}${path}/([a-z2-7]+)`));
	expect(m, `a ${path} link in:\n${text}`).not.toBeNull();
	return m![1];
}

describe.each(engines)('accounts on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());
	afterEach(() => vi.useRealTimers());

	it('signs up, refuses login until the e-mail is confirmed, then logs in', async () => {
		await signUp(t.db, ORIGIN, { email: 'Ana.Diaz@Example.org ', password: 'correct horse battery', given_name: 'Ana', family_name: 'Díaz' });
		const early = await authenticate(t.db, 'ana.diaz@example.org', 'correct horse battery', '10.0.0.1');
		expect(early).toMatchObject({ ok: false, reason: 'unverified' });

		const mail = await lastMailTo(t, 'ana.diaz@example.org');
		expect(mail.subject).toMatch(/Confirm your e-mail/);
		const token = linkIn(mail.body_text, '/verify');
		expect((await verifyEmail(t.db, token))?.email).toBe('ana.diaz@example.org');
		expect(await verifyEmail(t.db, token)).toBeNull(); // one use only

		const ok = await authenticate(t.db, 'ANA.DIAZ@example.org', 'correct horse battery', '10.0.0.1');
		expect(ok.ok).toBe(true);
		const wrong = await authenticate(t.db, 'ana.diaz@example.org', 'not the password', '10.0.0.1');
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
	});

	it('does not reveal an existing account on sign-up and creates no second one', async () => {
		await createUser(t.db, { email: 'taken@example.org', password: 'first password!', role: 'delegate', verified: true });
		await signUp(t.db, ORIGIN, { email: 'taken@example.org', password: 'another password', given_name: 'X', family_name: 'Y' });
		const mail = await lastMailTo(t, 'taken@example.org');
		expect(mail.subject).toMatch(/already have/);
		expect((await authenticate(t.db, 'taken@example.org', 'first password!', '10.0.0.2')).ok).toBe(true);
		const n = await t.db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('email', '=', 'taken@example.org')
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBe(1);
	});

	it('pauses logins after ten failures for one account from one address, with a wait in minutes', async () => {
		await createUser(t.db, { email: 'limited@example.org', password: 'the right password', role: 'delegate', verified: true });
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
			expect(await authenticate(t.db, 'limited@example.org', 'wrong ' + i, '10.1.0.1')).toEqual({ ok: false, reason: 'invalid' });
		}
		const blocked = await authenticate(t.db, 'Limited@example.org', 'the right password', '10.1.0.1');
		expect(blocked).toMatchObject({ ok: false, reason: 'limited' });
		expect((blocked as { minutes: number }).minutes).toBeGreaterThanOrEqual(14);

		// After the window the account can log in again from there.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 16 * 60_000);
		expect((await authenticate(t.db, 'limited@example.org', 'the right password', '10.1.0.1')).ok).toBe(true);
	});

	it("replaces a hash made at a lower cost than today's at the next login", async () => {
		const u = await createUser(t.db, { email: 'old-hash@example.org', password: null, role: 'delegate', verified: true });
		await t.db
			.updateTable('users')
			.set({ password_hash: await hash('an old password', { memoryCost: 512, timeCost: 1 }) })
			.where('id', '=', u.id)
			.execute();
		expect((await authenticate(t.db, 'old-hash@example.org', 'an old password', '10.5.0.1')).ok).toBe(true);
		const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', u.id).executeTakeFirstOrThrow();
		expect(hashIsWeaker(row.password_hash!)).toBe(false);
		expect((await authenticate(t.db, 'old-hash@example.org', 'an old password', '10.5.0.1')).ok).toBe(true);
	});

	it('keeps sessions for 30 days, renews them when used late, and ends them on expiry', async () => {
		const u = await createUser(t.db, { email: 'sess@example.org', password: 'session password', role: 'delegate', verified: true });
		const { token, session } = await createSession(t.db, u.id);
		const row = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', u.id).executeTakeFirstOrThrow();
		expect(row.id).not.toBe(token); // only the hash is stored
		expect(row.id).toBe(session.id);

		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 20 * 86_400_000);
		const renewed = await validateSessionToken(t.db, token);
		expect(renewed.user?.email).toBe('sess@example.org');
		expect(renewed.session!.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());

		vi.setSystemTime(Date.now() + 31 * 86_400_000);
		expect((await validateSessionToken(t.db, token)).session).toBeNull();
		expect(await t.db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirst()).toBeUndefined();
	});

	it('ends every session when the password changes, and checks the current one', async () => {
		const u = await createUser(t.db, { email: 'change@example.org', password: 'old password 1', role: 'delegate', verified: true });
		const a = await createSession(t.db, u.id);
		const b = await createSession(t.db, u.id);
		expect(await changePassword(t.db, u.id, 'not it', 'new password 2', '10.2.0.1')).toBe('wrong_password');
		expect((await validateSessionToken(t.db, a.token)).user).not.toBeNull();
		expect(await changePassword(t.db, u.id, 'old password 1', 'new password 2', '10.2.0.1')).toBe('ok');
		expect((await validateSessionToken(t.db, a.token)).user).toBeNull();
		expect((await validateSessionToken(t.db, b.token)).user).toBeNull();
		expect((await authenticate(t.db, 'change@example.org', 'new password 2', '10.2.0.1')).ok).toBe(true);
	});

	it('resets a password by a one-hour, one-use link and stays silent about unknown addresses', async () => {
		const u = await createUser(t.db, { email: 'forgot@example.org', password: 'forgotten pw 1', role: 'delegate', verified: true });
		const s = await createSession(t.db, u.id);
		const before = (await listOutbox(t.db, {})).total;
		await requestPasswordReset(t.db, ORIGIN, 'nobody-here@example.org');
		expect((await listOutbox(t.db, {})).total).toBe(before);

		await requestPasswordReset(t.db, ORIGIN, 'forgot@example.org');
		const token = linkIn((await lastMailTo(t, 'forgot@example.org')).body_text, '/reset-password');
		expect(await resetPassword(t.db, token, 'brand new password')).not.toBeNull();
		expect(await resetPassword(t.db, token, 'again new password')).toBeNull();
		expect((await validateSessionToken(t.db, s.token)).user).toBeNull();
		expect((await authenticate(t.db, 'forgot@example.org', 'brand new password', '10.3.0.1')).ok).toBe(true);

		await requestPasswordReset(t.db, ORIGIN, 'forgot@example.org');
		const late = linkIn((await lastMailTo(t, 'forgot@example.org')).body_text, '/reset-password');
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 61 * 60_000);
		expect(await resetPassword(t.db, late, 'too late password')).toBeNull();
	});

	it('changes the e-mail address only once the new one is confirmed', async () => {
		const u = await createUser(t.db, { email: 'old@example.org', password: 'email password', role: 'delegate', verified: true });
		await createUser(t.db, { email: 'other@example.org', password: 'other password', role: 'delegate', verified: true });
		expect(await requestEmailChange(t.db, ORIGIN, u.id, 'other@example.org', 'email password', '10.4.0.1')).toBe('taken');
		expect(await requestEmailChange(t.db, ORIGIN, u.id, 'new@example.org', 'wrong', '10.4.0.1')).toBe('wrong_password');
		expect(await requestEmailChange(t.db, ORIGIN, u.id, 'new@example.org', 'email password', '10.4.0.1')).toBe('ok');
		expect((await lastMailTo(t, 'old@example.org')).subject).toMatch(/change of your CCM Meetings e-mail/);
		const token = linkIn((await lastMailTo(t, 'new@example.org')).body_text, '/account/email');
		expect((await authenticate(t.db, 'old@example.org', 'email password', '10.4.0.1')).ok).toBe(true);
		const changed = await confirmEmailChange(t.db, token);
		expect(changed).toMatchObject({ email: 'new@example.org' });
		expect((await authenticate(t.db, 'new@example.org', 'email password', '10.4.0.1')).ok).toBe(true);
	});

	it('invites a focal point by e-mail, audits it, and lets them set a password', async () => {
		const staff = await createUser(t.db, { email: 'isu@example.org', password: 'staff password', role: 'staff', verified: true });
		const state = await t.db
			.insertInto('organizations')
			.values({ kind: 'state', name: 'Testland', iso3: 'TST', observer_by_right: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		const actor = { id: staff.id, email: staff.email };
		expect(await inviteUser(t.db, ORIGIN, actor, { email: 'fp@example.org', role: 'focal_point', organization_id: state.id })).toBe('ok');
		expect(await inviteUser(t.db, ORIGIN, actor, { email: 'fp@example.org', role: 'delegate', organization_id: null })).toBe('exists');

		const token = linkIn((await lastMailTo(t, 'fp@example.org')).body_text, '/invite');
		const user = await acceptInvite(t.db, token, { given_name: 'Fatou', family_name: 'Ndiaye', password: 'focal point pw' });
		expect(user).toMatchObject({ role: 'focal_point', organization_id: state.id, email_verified: 1 });
		expect(await acceptInvite(t.db, token, { given_name: 'X', family_name: 'Y', password: 'another one!' })).toBeNull();

		await setUserRole(t.db, actor, { user_id: user!.id, role: 'cc_member', organization_id: null });
		const log = await listAudit(t.db, { entityType: 'user', entityId: String(user!.id) });
		expect(log.rows.map((r) => r.action)).toEqual(['user.role', 'user.invite']);
		expect(JSON.parse(log.rows[0].before_json!)).toEqual({ role: 'focal_point', organization_id: state.id });
		expect(JSON.parse(log.rows[0].after_json!)).toEqual({ role: 'cc_member', organization_id: null });
		expect(log.rows[0].actor_email).toBe('isu@example.org');
		expect((await listAudit(t.db, { actor: 'ISU@' })).total).toBeGreaterThanOrEqual(2);
		expect((await listAudit(t.db, { actor: '%' })).total).toBe(0); // % is literal, not a wildcard
	});

	it('refuses unknown, malformed and wrong-kind link tokens', async () => {
		expect(await verifyEmail(t.db, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
		expect(await verifyEmail(t.db, "'; drop table users; --")).toBeNull();
		await requestPasswordReset(t.db, ORIGIN, 'isu@example.org');
		const reset = linkIn((await lastMailTo(t, 'isu@example.org')).body_text, '/reset-password');
		expect(await verifyEmail(t.db, reset)).toBeNull();
	});
});
