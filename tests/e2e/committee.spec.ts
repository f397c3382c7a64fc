import { expect, test, type Browser, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import { clientAddress, seriousViolations, staffPage, tinyPdf } from './helpers';
import { openDb } from './authz-fixtures';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const suffix = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;

/** A person with a session, written straight into the e2e database (the sign-up flow is covered elsewhere). */
function person(role: string, family: string): { email: string; token: string } {
	const db = openDb();
	try {
		const now = new Date().toISOString();
		const email = `committee-${family.toLowerCase()}@example.org`;
		const id = Number(
			db
				.prepare(
					'insert into users (email, email_verified, password_hash, role, given_name, family_name, organization_id, created_at) values (?, 1, null, ?, ?, ?, null, ?)'
				)
				.run(email, role, 'Kim', family, now).lastInsertRowid
		);
		const token = crypto.randomBytes(24).toString('base64url');
		db.prepare('insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)').run(
			sha256(token),
			id,
			new Date(Date.now() + 86_400_000).toISOString(),
			now
		);
		return { email, token };
	} finally {
		db.close();
	}
}

async function as(browser: Browser, token: string): Promise<Page> {
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress(), acceptDownloads: true });
	await ctx.addCookies([{ name: 'ccm_session', value: token, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }]);
	return ctx.newPage();
}

test('a Committee member downloads the minutes of a committee meeting; a delegate and a visitor get 404', async ({ browser }) => {
	test.slow();
	const member = person('cc_member', `Member${suffix}`);
	const delegate = person('delegate', `Delegate${suffix}`);
	const symbol = `CCM/CC/2026/${crypto.randomInt(100, 99_999)}`;

	const s = await staffPage(browser);
	await s.goto('/admin/meetings/cc-demo-1/documents');
	await s.getByLabel('Symbol').fill(symbol);
	await s.getByLabel('Title').fill(`Minutes of the demonstration meeting ${suffix}`);
	await s.getByLabel('Type').selectOption('report');
	await s.getByLabel('Distribution').selectOption('limited');
	await s.getByRole('button', { name: 'Create the document' }).click();
	await expect(s.getByText('Document created as a draft')).toBeVisible();
	const upload = s.locator('form[action="?/upload"]');
	await upload.getByLabel('Language').selectOption('en');
	await upload.getByLabel('File').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Minutes') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(s.getByText('File received.')).toBeVisible();
	await s.getByRole('button', { name: 'Publish' }).click();
	await expect(s.getByText('Published.')).toBeVisible();
	const fileUrl = await s.locator('a[href^="/files/"]').first().getAttribute('href');
	expect(fileUrl).toMatch(/^\/files\/\d+\/en$/);

	// The member finds the paper on the meeting's Committee page and downloads it.
	const m = await as(browser, member.token);
	await m.goto('/committee/meetings/cc-demo-1');
	await m.getByRole('link', { name: symbol }).click();
	await expect(m.getByRole('heading', { name: `Minutes of the demonstration meeting ${suffix}` })).toBeVisible();
	const [download] = await Promise.all([m.waitForEvent('download'), m.locator(`a[href="${fileUrl}"]`).click()]);
	expect(download.suggestedFilename()).toMatch(/\.pdf$/);
	expect((await m.request.get(fileUrl!)).status()).toBe(200);
	expect(await seriousViolations(m)).toEqual([]);
	await m.screenshot({ path: 'test-results/h17-committee-document.png', fullPage: true });

	// A delegate and a visitor: neither the page nor the file exists for them.
	const d = await as(browser, delegate.token);
	expect((await d.goto(`/documents/${symbol}`))?.status()).toBe(404);
	expect((await d.request.get(fileUrl!)).status()).toBe(404);
	const anon = await (await browser.newContext()).newPage();
	expect((await anon.request.get(fileUrl!)).status()).toBe(404);
});

test('staff invite a Committee member to a committee meeting: one mail with the link and the .ics; inviting again sends nothing', async ({ browser }) => {
	test.slow();
	const member = person('cc_member', `Invitee${suffix}`);
	const s = await staffPage(browser);
	await s.goto('/admin/meetings/cc-demo-2');
	await s.getByRole('link', { name: 'Invite members' }).click();
	await expect(s.getByRole('heading', { name: 'Invite members to the CC-DEMO-2' })).toBeVisible();

	// Nothing ticked: refused, with the message at the list.
	await s.getByRole('button', { name: 'Send invitations' }).click();
	await expect(s.locator('#members-error')).toHaveText('Choose at least one member.');

	const box = s.getByRole('checkbox', { name: new RegExp(`Kim Invitee${suffix}`) });
	await box.check();
	await s.getByRole('button', { name: 'Send invitations' }).click();
	await expect(s.getByText('One invitation sent.')).toBeVisible();
	await expect(s.getByText(new RegExp(`Kim Invitee${suffix} \\(${member.email}\\) — invited`))).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/h17-invitations.png', fullPage: true });

	await s.getByRole('checkbox', { name: new RegExp(`Kim Invitee${suffix}`) }).check();
	await s.getByRole('button', { name: 'Send invitations' }).click();
	await expect(s.getByText('One member already had this invitation: nothing sent.')).toBeVisible();

	// The outbox: one message, with the link to the Committee page and the .ics attached.
	await s.goto(`/admin/outbox?to=${encodeURIComponent(member.email)}`);
	await expect(s.getByRole('row')).toHaveCount(2);
	await s.getByRole('row').nth(1).getByRole('link').click();
	await expect(s.getByRole('heading', { level: 1 })).toHaveText(/^Invitation: Coordination Committee meeting 2/);
	await expect(s.locator('pre.mail a[href$="/committee/meetings/cc-demo-2"]')).toBeVisible();
	await expect(s.getByText(/cc-demo-2\.ics \(text\/calendar; charset=utf-8, \d+ bytes\)/)).toBeVisible();
	await s.screenshot({ path: 'test-results/h17-invitation-mail.png', fullPage: true });

	// The member follows the link.
	const m = await as(browser, member.token);
	expect((await m.goto('/committee/meetings/cc-demo-2'))?.status()).toBe(200);
});
