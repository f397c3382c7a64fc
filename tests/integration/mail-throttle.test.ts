import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { authenticate, createUser, requestPasswordReset, resetPassword, sendVerification, signUp } from '../../src/lib/server/auth/accounts';
import { listOutbox } from '../../src/lib/server/mail/outbox';
import { MAILS_PER_ADDRESS, MAILS_PER_RECIPIENT } from '../../src/lib/server/mail/throttle';

const ORIGIN = 'http://app.test';
const mailsTo = async (t: TestDb, to: string) => (await listOutbox(t.db, { to })).total;

describe.each(engines)('mail anyone can trigger is throttled on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());
	afterEach(() => vi.useRealTimers());

	it('30 password resets for one account queue a handful of mails, and the first link keeps working', async () => {
		await createUser(t.db, { email: 'reset-me@example.org', password: 'the first password', role: 'delegate', verified: true });
		await requestPasswordReset(t.db, ORIGIN, 'reset-me@example.org', '10.30.0.1');
		const first = (await listOutbox(t.db, { to: 'reset-me@example.org' })).rows[0].body_text.match(/\/reset-password\/([a-z2-7]+)/)![1];
		for (let i = 1; i < MAILS_PER_RECIPIENT; i++) await requestPasswordReset(t.db, ORIGIN, 'reset-me@example.org', `10.30.0.${i + 1}`);
		const last = (await listOutbox(t.db, { to: 'reset-me@example.org' })).rows[0].body_text.match(/\/reset-password\/([a-z2-7]+)/)![1];
		// From many addresses at once, as a stranger would.
		await Promise.all(Array.from({ length: 30 }, (_, i) => requestPasswordReset(t.db, ORIGIN, 'reset-me@example.org', `10.31.0.${i}`)));
		expect(await mailsTo(t, 'reset-me@example.org')).toBe(MAILS_PER_RECIPIENT);
		// A refused request does not void the link the person has.
		expect(first).not.toBe(last);
		expect(await resetPassword(t.db, last, 'the second password')).not.toBeNull();

		// An hour later the allowance is back.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() + 61 * 60_000);
		await requestPasswordReset(t.db, ORIGIN, 'reset-me@example.org', '10.30.0.1');
		expect(await mailsTo(t, 'reset-me@example.org')).toBe(MAILS_PER_RECIPIENT + 2); // + the "password changed" notice
	});

	it('30 sign-ups for one address queue a handful of mails', async () => {
		const input = { email: 'signed-up@example.org', password: 'a long enough password', given_name: 'S', family_name: 'U' };
		for (let i = 0; i < 30; i++) await signUp(t.db, ORIGIN, input, `10.32.0.${i}`);
		expect(await mailsTo(t, 'signed-up@example.org')).toBe(MAILS_PER_RECIPIENT);
	});

	it('logging in unverified again and again does not resend the confirmation each time', async () => {
		const u = await createUser(t.db, { email: 'unverified@example.org', password: 'the right password', role: 'delegate' });
		for (let i = 0; i < 12; i++) {
			const r = await authenticate(t.db, 'unverified@example.org', 'the right password', '10.33.0.1');
			expect(r).toMatchObject({ reason: 'unverified' });
			await sendVerification(t.db, ORIGIN, u, '10.33.0.1');
		}
		expect(await mailsTo(t, 'unverified@example.org')).toBe(MAILS_PER_RECIPIENT);
	});

	it('one client address asking for mails to many recipients is throttled too', async () => {
		for (let i = 0; i < MAILS_PER_ADDRESS + 10; i++) {
			await signUp(t.db, ORIGIN, { email: `many-${i}@example.org`, password: 'a long enough password', given_name: 'M', family_name: 'N' }, '10.34.0.1');
		}
		const { total } = await listOutbox(t.db, { to: 'many-' });
		expect(total).toBe(MAILS_PER_ADDRESS);
		// Another client is not held back by that one.
		await signUp(t.db, ORIGIN, { email: 'elsewhere@example.org', password: 'a long enough password', given_name: 'E', family_name: 'W' }, '10.34.0.2');
		expect(await mailsTo(t, 'elsewhere@example.org')).toBe(1);
	});
});
