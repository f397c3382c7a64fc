import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { authenticate, createUser, requestPasswordReset, sendVerification, signUp } from '../../src/lib/server/auth/accounts';
import { listOutbox } from '../../src/lib/server/mail/outbox';

const ORIGIN = 'http://app.test';

async function lastMailTo(t: TestDb, to: string) {
	const { rows } = await listOutbox(t.db, { to });
	expect(rows.length).toBeGreaterThan(0);
	return rows[0].body_text;
}

// Where the person was going when asked to log in survives the mailed links: sign-up, confirmation, password reset.
describe.each(engines)('redirectTo through mailed links on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());

	it('a sign-up mails a confirmation link that carries where the person was going', async () => {
		await signUp(
			t.db,
			ORIGIN,
			{ email: 'onward@example.org', password: 'correct horse battery', given_name: 'On', family_name: 'Ward' },
			null,
			'/meetings/14msp/sponsorship'
		);
		expect(await lastMailTo(t, 'onward@example.org')).toMatch(/http:\/\/app\.test\/verify\/[a-z2-7]+\?redirectTo=%2Fmeetings%2F14msp%2Fsponsorship/);
	});

	it('a new confirmation link sent at login carries it too', async () => {
		const r = await authenticate(t.db, 'onward@example.org', 'correct horse battery', '10.0.0.9');
		expect(r).toMatchObject({ ok: false, reason: 'unverified' });
		if (r.ok || r.reason !== 'unverified') return;
		await sendVerification(t.db, ORIGIN, r.user, '10.0.0.9', '/documents');
		expect(await lastMailTo(t, 'onward@example.org')).toMatch(/\/verify\/[a-z2-7]+\?redirectTo=%2Fdocuments/);
	});

	it('a password reset link carries it; without one the link is as before', async () => {
		await createUser(t.db, { email: 'reset-onward@example.org', password: 'forgotten pw 1', role: 'delegate', verified: true });
		await requestPasswordReset(t.db, ORIGIN, 'reset-onward@example.org', null, '/account');
		expect(await lastMailTo(t, 'reset-onward@example.org')).toMatch(/\/reset-password\/[a-z2-7]+\?redirectTo=%2Faccount/);
		await createUser(t.db, { email: 'plain@example.org', password: 'forgotten pw 1', role: 'delegate', verified: true });
		await requestPasswordReset(t.db, ORIGIN, 'plain@example.org');
		expect(await lastMailTo(t, 'plain@example.org')).toMatch(/\/reset-password\/[a-z2-7]+(\s|$)/);
	});
});
