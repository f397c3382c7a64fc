import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { setHandle } from '../../src/lib/server/db';
import { createUser, inviteUser, requestEmailChange, requestPasswordReset, signUp } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { listOutbox, MASKED_LINK, queueMail } from '../../src/lib/server/mail/outbox';
import { MAX_ATTEMPTS, sendDueMail, type Transport } from '../../src/lib/server/mail/sender';
import { load as loadList } from '../../src/routes/admin/outbox/+page.server';
import { load as loadMessage } from '../../src/routes/admin/outbox/[id]/+page.server';
import * as migration0009 from '../../migrations/2026_11_29_0009_outbox_secret';

const ORIGIN = 'http://app.test';
const LINK = /http:\/\/app\.test\/(verify|reset-password|account\/email|invite)\/[a-z2-7]{32}/;

/** Staff opening the outbox pages: what the server hands the browser. */
type Loaded = Record<string, unknown>;
async function asStaff(staff: SessionUser, path: string, params: Record<string, string> = {}): Promise<Loaded> {
	const event = { locals: { user: staff }, url: new URL(path, ORIGIN), params } as never;
	return (await (params.id ? loadMessage(event) : loadList(event))) as Loaded;
}

describe.each(engines)('secret links in the outbox on %s', (engine) => {
	let t: TestDb;
	let staff: SessionUser;
	let other: SessionUser;
	const idOf = async (to: string, subject: RegExp) => (await listOutbox(t.db, { to })).rows.find((r) => subject.test(r.subject))!.id;

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		const a = await createUser(t.db, { email: 'isu-a@example.org', password: 'staff password a', role: 'staff', verified: true });
		const b = await createUser(t.db, { email: 'isu-b@example.org', password: 'staff password b', role: 'staff', verified: true });
		const user = (u: typeof a): SessionUser => ({
			id: u.id,
			email: u.email,
			role: 'staff',
			givenName: null,
			familyName: null,
			organizationId: null,
			emailVerified: true
		});
		staff = user(a);
		other = user(b);
		// Every kind of message with a link into an account, and two without.
		await requestPasswordReset(t.db, ORIGIN, other.email);
		await signUp(t.db, ORIGIN, { email: 'new@example.org', password: 'new person pw', given_name: 'New', family_name: 'Person' });
		await signUp(t.db, ORIGIN, { email: other.email, password: 'whatever pw 1', given_name: 'X', family_name: 'Y' });
		await requestEmailChange(t.db, ORIGIN, b.id, 'isu-b-new@example.org', 'staff password b', '192.0.2.40');
		await inviteUser(t.db, ORIGIN, { id: a.id, email: a.email }, { email: 'invited@example.org', role: 'delegate', organization_id: null });
	});
	afterAll(async () => t?.close());
	afterEach(() => vi.unstubAllEnvs());

	it('marks exactly the messages whose link lets someone into an account', async () => {
		const rows = (await t.db.selectFrom('outbox').select(['to_address', 'subject', 'secret', 'body_text']).orderBy('id').execute()).map((r) => [
			r.to_address,
			r.subject,
			r.secret,
			LINK.test(r.body_text)
		]);
		expect(rows).toEqual([
			['isu-b@example.org', 'Reset your CCM Meetings password', 1, true],
			['new@example.org', 'Confirm your e-mail address for CCM Meetings', 1, true],
			['isu-b@example.org', 'You already have a CCM Meetings account', 0, false],
			['isu-b-new@example.org', 'Confirm your new e-mail address for CCM Meetings', 1, true],
			['isu-b@example.org', 'A change of your CCM Meetings e-mail address was requested', 0, false],
			['invited@example.org', 'You are invited to CCM Meetings', 1, true]
		]);
	});

	it('with SMTP_URL set, another staff member cannot read a reset link: the list sends no text, the message hides the link', async () => {
		vi.stubEnv('SMTP_URL', 'smtp://mail.example.org:587');
		const list = await asStaff(staff, '/admin/outbox');
		expect(JSON.stringify(list)).not.toMatch(/body_text|reset-password\//);
		for (const [to, subject] of [
			[other.email, /Reset your/],
			['new@example.org', /Confirm your e-mail/],
			['isu-b-new@example.org', /Confirm your new/],
			['invited@example.org', /invited/]
		] as const) {
			const page = await asStaff(staff, '/admin/outbox/x', { id: String(await idOf(to, subject)) });
			const shown = JSON.stringify(page);
			expect(shown, to).not.toMatch(LINK);
			expect(shown, to).not.toMatch(/[a-z2-7]{32}/);
			expect(page.message).toMatchObject({ masked: true, to_address: to });
			expect((page.message as { body_text: string }).body_text).toContain(MASKED_LINK);
		}
		// A message without such a link is shown whole.
		const plain = await asStaff(staff, '/admin/outbox/x', { id: String(await idOf(other.email, /already have/)) });
		expect(plain.message).toMatchObject({ masked: false, body_text: expect.stringContaining(`${ORIGIN}/forgot-password`) });
	});

	it('without SMTP_URL (nothing is sent; the outbox is how mail is read) the links are shown as before', async () => {
		vi.stubEnv('SMTP_URL', '');
		const page = await asStaff(staff, '/admin/outbox/x', { id: String(await idOf(other.email, /Reset your/)) });
		expect(page.message).toMatchObject({ masked: false, body_text: expect.stringMatching(LINK) });
	});

	it('the sender delivers the whole text, then keeps only subject, recipient and status of a secret message', async () => {
		const delivered: { to: string; text: string }[] = [];
		const transport: Transport = { sendMail: async (m) => void delivered.push(m) };
		expect(await sendDueMail(t.db, transport, 'isu@example.org', 100)).toBe(6);
		expect(delivered.filter((d) => LINK.test(d.text)).map((d) => d.to)).toEqual([
			other.email,
			'new@example.org',
			'isu-b-new@example.org',
			'invited@example.org'
		]);
		const rows = await t.db.selectFrom('outbox').select(['subject', 'to_address', 'status', 'secret', 'body_text', 'sent_at']).orderBy('id').execute();
		for (const r of rows) {
			expect(r.status).toBe('sent');
			expect(r.sent_at).not.toBeNull();
			expect(r.body_text === '', r.subject).toBe(r.secret === 1);
		}
		vi.stubEnv('SMTP_URL', 'smtp://mail.example.org:587');
		const page = await asStaff(staff, '/admin/outbox/x', { id: String(await idOf(other.email, /Reset your/)) });
		expect(page.message).toMatchObject({ subject: 'Reset your CCM Meetings password', to_address: other.email, status: 'sent', secret: 1, body_text: '' });
	});

	it('a secret message given up on after the last attempt keeps no text either; a plain one keeps its text', async () => {
		const secretId = await queueMail(t.db, { to: 'x@example.org', subject: 'S', text: `${ORIGIN}/reset-password/${'a'.repeat(32)}`, secret: true });
		const plainId = await queueMail(t.db, { to: 'y@example.org', subject: 'P', text: 'plain text' });
		await t.db
			.updateTable('outbox')
			.set({ attempts: MAX_ATTEMPTS - 1 })
			.where('id', 'in', [secretId, plainId])
			.execute();
		const failing: Transport = { sendMail: async () => Promise.reject(new Error('connection refused')) };
		expect(await sendDueMail(t.db, failing, 'isu@example.org', 100)).toBe(0);
		const rows = await t.db.selectFrom('outbox').select(['id', 'status', 'body_text']).where('id', 'in', [secretId, plainId]).orderBy('id').execute();
		expect(rows).toEqual([
			{ id: secretId, status: 'failed', body_text: '' },
			{ id: plainId, status: 'failed', body_text: 'plain text' }
		]);
	});

	it('the migration marks messages queued before it by their subjects, and deletes the text of those already sent', async () => {
		await migration0009.down(t.db);
		const now = new Date().toISOString();
		const old = (subject: string, status: 'queued' | 'sent') => ({
			to_address: 'old@example.org',
			subject,
			body_text: `${ORIGIN}/invite/${'b'.repeat(32)}`,
			status,
			attempts: 0,
			last_error: null,
			next_attempt_at: now,
			created_at: now,
			sent_at: null
		});
		await t.db
			.insertInto('outbox')
			.values([
				old('You are invited to CCM Meetings', 'queued'),
				old('Reset your CCM Meetings password', 'sent'),
				old('Your CCM Meetings password was changed', 'sent')
			] as never)
			.execute();
		await migration0009.up(t.db);
		const rows = await t.db.selectFrom('outbox').select(['subject', 'secret', 'body_text']).where('to_address', '=', 'old@example.org').orderBy('id').execute();
		expect(rows.map((r) => [r.subject, r.secret, r.body_text === ''])).toEqual([
			['You are invited to CCM Meetings', 1, false],
			['Reset your CCM Meetings password', 1, true],
			['Your CCM Meetings password was changed', 0, false]
		]);
	});

	it('the database takes only 0 or 1 as the mark', async () => {
		const now = new Date().toISOString();
		await expect(
			t.db
				.insertInto('outbox')
				.values({
					to_address: 'z@example.org',
					subject: 'x',
					body_text: 'x',
					secret: 2,
					status: 'queued',
					attempts: 0,
					last_error: null,
					next_attempt_at: now,
					created_at: now,
					sent_at: null
				})
				.execute()
		).rejects.toThrow();
	});
});
