import { expect, test, type Page } from '@playwright/test';
import { clientAddress, logIn, staff, uniqueEmail } from './helpers';

async function tryLogin(page: Page, email: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
}

test("someone else's wrong passwords do not lock staff out", async ({ browser }) => {
	test.slow();
	const attacker = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const a = await attacker.newPage();
	for (let i = 0; i < 10; i++) {
		await tryLogin(a, staff.email, `guess number ${i}`);
		await expect(a.getByRole('alert')).toContainText('do not match');
	}
	await tryLogin(a, staff.email, staff.password);
	await expect(a.getByRole('alert')).toContainText('Too many failed attempts');
	await attacker.close();

	const owner = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	await logIn(await owner.newPage(), staff.email, staff.password);
	await owner.close();
});

test('wrong current passwords at /account are paused like logins, with the message at the field', async ({ browser }) => {
	test.slow();
	// Its own address: the pause it causes stays with it.
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	await logIn(page, staff.email, staff.password);
	const form = page.locator('form[action="?/password"]');
	const guess = async (current: string) => {
		await page.goto('/account');
		await form.getByLabel('Current password').fill(current);
		await form.getByLabel('New password', { exact: true }).fill('a new password that is long');
		await form.getByLabel('Repeat the new password').fill('a new password that is long');
		await form.getByRole('button', { name: 'Change password' }).click();
	};
	for (let i = 0; i < 10; i++) {
		await guess(`guess number ${i}`);
		await expect(page.locator('#pw-current-error')).toContainText('That is not your current password');
	}
	await guess('one more guess');
	await expect(page.locator('#pw-current-error')).toContainText(/Too many wrong passwords\. For your security, try again in 1[45] minutes/);
	await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
	await ctx.close();
});

test('asking again and again for a reset link answers the same, and queues only a handful of mails', async ({ browser }) => {
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const email = uniqueEmail('often');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Often');
	await page.getByLabel('Family name').fill('Asked');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('a long enough password');
	await page.getByLabel('Repeat the password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	for (let i = 0; i < 8; i++) {
		await page.goto('/forgot-password');
		await page.getByLabel('E-mail address').fill(email);
		await page.getByRole('button', { name: 'Send the link' }).click();
		await expect(page.getByText(`If ${email} has an account, a link to choose a new password is on its way.`)).toBeVisible();
	}
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const staffPage = await ctx.newPage();
	await logIn(staffPage, staff.email, staff.password);
	await staffPage.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
	// The confirmation and four reset links: five an hour for one recipient.
	await expect(staffPage.getByRole('row')).toHaveCount(1 + 5);
	await ctx.close();
});
