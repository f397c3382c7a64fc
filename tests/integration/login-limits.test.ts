import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { authenticate, changePassword, createUser, requestEmailChange, requestPasswordReset, resetPassword, signUp } from '../../src/lib/server/auth/accounts';
import { LOGIN_MAX_FAILURES, LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADDRESS } from '../../src/lib/server/auth/rate-limit';
import { passwordWork } from '../../src/lib/server/auth/password';
import { listOutbox } from '../../src/lib/server/mail/outbox';

const ORIGIN = 'http://app.test';

/** The password verifications `run` caused in this process. */
async function verificationsDuring(run: () => Promise<unknown>): Promise<number> {
	const before = passwordWork.verifications;
	await run();
	return passwordWork.verifications - before;
}

describe.each(engines)('login limits on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());
	afterEach(() => vi.useRealTimers());

	it('500 simultaneous wrong passwords for one account from one address: only the limit is ever verified', async () => {
		await createUser(t.db, { email: 'rushed@example.org', password: 'the right password', role: 'delegate', verified: true });
		let results: Awaited<ReturnType<typeof authenticate>>[] = [];
		const verified = await verificationsDuring(async () => {
			results = await Promise.all(Array.from({ length: 500 }, (_, i) => authenticate(t.db, 'rushed@example.org', `guess ${i}`, '10.20.0.1')));
		});
		expect(verified).toBe(LOGIN_MAX_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(LOGIN_MAX_FAILURES);
		expect(results.filter((r) => !r.ok && r.reason === 'limited')).toHaveLength(500 - LOGIN_MAX_FAILURES);
		// The right password from that address waits too; from another address it gets in.
		expect(await authenticate(t.db, 'rushed@example.org', 'the right password', '10.20.0.1')).toMatchObject({ reason: 'limited' });
		expect((await authenticate(t.db, 'rushed@example.org', 'the right password', '10.20.0.2')).ok).toBe(true);
	});

	it('a rush of right and wrong passwords from many addresses, with a reset in the middle, ends without an error', async () => {
		const u = await createUser(t.db, { email: 'busy@example.org', password: 'the right password', role: 'delegate', verified: true });
		await requestPasswordReset(t.db, ORIGIN, 'busy@example.org', '10.28.0.1');
		const token = (await listOutbox(t.db, { to: 'busy@example.org' })).rows[0].body_text.match(/\/reset-password\/([a-z2-7]+)/)![1];
		const attempts = Array.from({ length: 300 }, (_, i) =>
			i === 150
				? resetPassword(t.db, token, 'the right password')
				: i % 3 === 0
					? changePassword(t.db, u.id, i % 2 ? 'the right password' : 'wrong', 'the right password', `10.28.${i % 30}.1`)
					: authenticate(t.db, 'busy@example.org', i % 4 ? 'wrong' : 'the right password', `10.28.${i % 30}.1`)
		);
		const settled = await Promise.allSettled(attempts);
		expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
	});

	it('nobody locks an account out: the right password from a new address gets in, and a reset lifts the pause', async () => {
		await createUser(t.db, { email: 'victim@example.org', password: 'the right password', role: 'staff', verified: true });
		for (let i = 0; i < LOGIN_MAX_FAILURES + 5; i++) await authenticate(t.db, 'victim@example.org', `guess ${i}`, '10.21.0.66');
		expect(await authenticate(t.db, 'victim@example.org', 'the right password', '10.21.0.66')).toMatchObject({ reason: 'limited' });
		expect((await authenticate(t.db, 'victim@example.org', 'the right password', '10.21.0.7')).ok).toBe(true);

		// The owner, paused at their own address after typos, resets the password and gets in at once, as the page says.
		for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await authenticate(t.db, 'victim@example.org', `typo ${i}`, '10.21.0.7');
		expect(await authenticate(t.db, 'victim@example.org', 'the right password', '10.21.0.7')).toMatchObject({ reason: 'limited' });
		await requestPasswordReset(t.db, ORIGIN, 'victim@example.org', '10.21.0.7');
		const mail = (await listOutbox(t.db, { to: 'victim@example.org' })).rows[0];
		const token = mail.body_text.match(/\/reset-password\/([a-z2-7]+)/)![1];
		expect(await resetPassword(t.db, token, 'a brand new password')).not.toBeNull();
		expect((await authenticate(t.db, 'victim@example.org', 'a brand new password', '10.21.0.7')).ok).toBe(true);
	});

	it('a right password gives its attempt back: typos before it are forgiven', async () => {
		await createUser(t.db, { email: 'typist@example.org', password: 'the right password', role: 'delegate', verified: true });
		for (let round = 0; round < 3; round++) {
			for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await authenticate(t.db, 'typist@example.org', `typo ${i}`, '10.22.0.1');
			expect((await authenticate(t.db, 'typist@example.org', 'the right password', '10.22.0.1')).ok).toBe(true);
		}
	});

	it('one address spraying many accounts is paused', async () => {
		for (let i = 0; i < LOGIN_MAX_PER_ADDRESS; i++) {
			expect(await authenticate(t.db, `nobody${i}@example.org`, 'Summer2026!', '10.23.0.1')).toEqual({ ok: false, reason: 'invalid' });
		}
		const verified = await verificationsDuring(async () => {
			expect(await authenticate(t.db, 'someone-else@example.org', 'Summer2026!', '10.23.0.1')).toMatchObject({ reason: 'limited' });
		});
		expect(verified).toBe(0);
		// The same /64 is the same client: IPv6 clients hold whole prefixes.
		for (let i = 0; i < LOGIN_MAX_PER_ADDRESS; i++) await authenticate(t.db, `v6-${i}@example.org`, 'guess', `2001:db8:1:2::${(i + 1).toString(16)}`);
		expect(await authenticate(t.db, 'v6-other@example.org', 'guess', '2001:db8:1:2:ffff::1')).toMatchObject({ reason: 'limited' });
		expect(await authenticate(t.db, 'v6-other@example.org', 'guess', '2001:db8:1:3::1')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('many addresses guessing one account meet a ceiling, which known addresses and a reset pass', async () => {
		await createUser(t.db, { email: 'target@example.org', password: 'the right password', role: 'delegate', verified: true });
		expect((await authenticate(t.db, 'target@example.org', 'the right password', '10.24.9.9')).ok).toBe(true);
		const addresses = Math.ceil(LOGIN_MAX_PER_ACCOUNT / LOGIN_MAX_FAILURES);
		const verified = await verificationsDuring(async () => {
			for (let a = 0; a <= addresses; a++) {
				for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await authenticate(t.db, 'target@example.org', `guess ${a}/${i}`, `10.24.${a}.1`);
			}
		});
		expect(verified).toBe(LOGIN_MAX_PER_ACCOUNT);
		// A new address waits; the address the owner logged in from before does not.
		expect(await authenticate(t.db, 'target@example.org', 'the right password', '10.24.200.1')).toMatchObject({ reason: 'limited' });
		expect((await authenticate(t.db, 'target@example.org', 'the right password', '10.24.9.9')).ok).toBe(true);
		await requestPasswordReset(t.db, ORIGIN, 'target@example.org', '10.24.9.9');
		const token = (await listOutbox(t.db, { to: 'target@example.org' })).rows[0].body_text.match(/\/reset-password\/([a-z2-7]+)/)![1];
		await resetPassword(t.db, token, 'another good password');
		expect((await authenticate(t.db, 'target@example.org', 'another good password', '10.24.200.1')).ok).toBe(true);
	});

	it('current-password guesses at /account are counted like logins, with the wait at the field', async () => {
		const u = await createUser(t.db, { email: 'account-page@example.org', password: 'the right password', role: 'delegate', verified: true });
		const verified = await verificationsDuring(async () => {
			const rush = await Promise.all(Array.from({ length: 100 }, (_, i) => changePassword(t.db, u.id, `guess ${i}`, 'a new password!', '10.25.0.1')));
			expect(rush.filter((r) => r === 'wrong_password')).toHaveLength(LOGIN_MAX_FAILURES);
		});
		expect(verified).toBe(LOGIN_MAX_FAILURES);
		expect(await changePassword(t.db, u.id, 'the right password', 'a new password!', '10.25.0.1')).toEqual({ limited: expect.any(Number) });
		expect(await requestEmailChange(t.db, ORIGIN, u.id, 'elsewhere@example.org', 'the right password', '10.25.0.1')).toEqual({ limited: expect.any(Number) });
		// They share the login's count: the same pair cannot log in either.
		expect(await authenticate(t.db, 'account-page@example.org', 'the right password', '10.25.0.1')).toMatchObject({ reason: 'limited' });
		expect(await changePassword(t.db, u.id, 'the right password', 'a new password!', '10.25.0.2')).toBe('ok');
	});

	it('forgets counters whose windows are over, and known addresses a month after their last login', async () => {
		await createUser(t.db, { email: 'trimmed@example.org', password: 'the right password', role: 'delegate', verified: true });
		await authenticate(t.db, 'trimmed@example.org', 'wrong', '10.27.0.1');
		expect((await authenticate(t.db, 'trimmed@example.org', 'the right password', '10.27.0.2')).ok).toBe(true);
		const keys = async () =>
			(await t.db.selectFrom('rate_limits').select('key').where('key', 'like', '%trimmed@example.org%').execute()).map((r) => r.key.split(' ')[0]).sort();
		expect(await keys()).toEqual(['login-account', 'login-known', 'login-pair']);
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
		await authenticate(t.db, 'someone@example.org', 'wrong', '10.27.0.3'); // new windows begin: a trim
		expect(await keys()).toEqual(['login-known']);
		vi.setSystemTime(Date.now() + 31 * 24 * 60 * 60_000);
		await authenticate(t.db, 'someone@example.org', 'wrong', '10.27.0.3');
		expect(await keys()).toEqual([]);
	});

	it('sign-up computes the same password hash whether or not the address has an account', async () => {
		await createUser(t.db, { email: 'existing@example.org', password: 'first password!', role: 'delegate', verified: true });
		const hashesDuring = async (email: string) => {
			const before = passwordWork.hashes;
			await signUp(t.db, ORIGIN, { email, password: 'a long enough password', given_name: 'A', family_name: 'B' }, '10.26.0.1');
			return passwordWork.hashes - before;
		};
		const forNew = await hashesDuring('brand-new@example.org');
		const forExisting = await hashesDuring('existing@example.org');
		expect(forNew).toBe(1);
		expect(forExisting).toBe(forNew);
	});
});
