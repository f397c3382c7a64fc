import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { setHandle } from '../../src/lib/server/db';
import { signUp } from '../../src/lib/server/auth/accounts';
import { load, actions } from '../../src/routes/verify/[token]/+page.server';

/** The token in the confirmation mail, read from the outbox as a person would from their mailbox. */
async function tokenFor(t: TestDb, email: string): Promise<string> {
	const mail = await t.db.selectFrom('outbox').select('body_text').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
	return /\/verify\/([A-Za-z0-9_-]+)/.exec(mail.body_text ?? '')![1];
}

describe.each(engines)('a confirmation link on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
	});
	afterAll(async () => t?.close());

	it('is only read when opened (a mail scanner confirms nothing); the button confirms', async () => {
		const email = 'scanned@example.org';
		await signUp(t.db, 'http://app.test', { email, password: 'a long enough password', given_name: 'Sam', family_name: 'Scan' });
		const token = await tokenFor(t, email);
		const verified = async () => (await t.db.selectFrom('users').select('email_verified').where('email', '=', email).executeTakeFirstOrThrow()).email_verified;
		const event = { params: { token }, url: new URL(`http://app.test/verify/${token}`) } as never;

		for (let i = 0; i < 3; i++) expect(await load(event)).toMatchObject({ valid: true, email });
		expect(await verified()).toBe(0);

		expect(await actions.default(event)).toMatchObject({ verified: true, email });
		expect(await verified()).toBe(1);
		expect(await load(event)).toMatchObject({ valid: false });
	});
});
