import { expect, test } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';

test.use({ extraHTTPHeaders: clientAddress() });

test('sign up, confirm the e-mail from the outbox, log in and log out', async ({ page, browser }) => {
	const email = uniqueEmail('newcomer');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Amina');
	await page.getByLabel('Family name').fill('Diallo');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('a long enough password');
	await page.getByLabel('Repeat the password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();

	const mail = await latestMail(browser, email);
	expect(mail.subject).toContain('Confirm your e-mail');
	const link = mail.links.find((l) => l.includes('/verify/'))!;
	await page.goto(link);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await expect(page.getByRole('heading', { name: 'E-mail confirmed' })).toBeVisible();

	await logIn(page, email, 'a long enough password');
	await expect(page.locator('footer')).toContainText('Signed in as Amina Diallo');
	await page.getByRole('button', { name: /Log out/ }).click();
	await expect(page.getByText('You have logged out.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

	// The used link is spent, and says so without an error page.
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
});

test('a wrong password gets a message and keeps the e-mail filled in', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(staff.email);
	await page.getByLabel('Password', { exact: true }).fill('not the password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toContainText('do not match an account');
	await expect(page.getByLabel('E-mail address')).toHaveValue(staff.email);
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
});

test('after ten failures logging in is paused with a clear message, not an error page', async ({ browser }) => {
	// A client address of its own, so the pause does not stop the other tests.
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	const email = uniqueEmail('target');
	for (let i = 0; i < 10; i++) {
		await page.goto('/login');
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password', { exact: true }).fill(`guess number ${i}`);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page.getByRole('alert')).toContainText('do not match');
	}
	await page.getByLabel('Password', { exact: true }).fill('one more guess');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert')).toContainText('Too many failed attempts');
	await expect(page.getByRole('alert')).toContainText(/try again in 1[45] minutes/);
	await expect(page.getByLabel('E-mail address')).toHaveValue(email);
	await ctx.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the sign-up form shows messages at the fields and keeps the input', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Given name').fill('Jean');
		await page.getByLabel('Family name').fill('Dupont');
		await page.getByLabel('E-mail address').fill('jean@dupont');
		await page.getByLabel('Password', { exact: true }).fill('shortpw');
		await page.getByLabel('Repeat the password').fill('shortpw');
		// Let the server, not the browser, judge the input.
		await page.locator('main form[method="POST"]').evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.locator('#f-email-error')).toContainText('valid e-mail');
		await expect(page.locator('#f-password-error')).toContainText('at least 10');
		await expect(page.getByLabel('Given name')).toHaveValue('Jean');
		await expect(page.getByLabel('E-mail address')).toHaveValue('jean@dupont');
		await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	});

	test('logging in and out works', async ({ page }) => {
		await logIn(page, staff.email, staff.password);
		await expect(page).toHaveURL(/\/admin$/);
		await page.getByRole('button', { name: /Log out/ }).click();
		await expect(page.getByText('You have logged out.')).toBeVisible();
	});
});

test('staff invite a focal point, who sets a password; the audit log shows it', async ({ page, browser }) => {
	const email = uniqueEmail('focal');
	await logIn(page, staff.email, staff.password);
	await page.goto('/admin/users');
	await page.getByLabel('E-mail address').fill(email);
	const invite = page.locator('form[action="?/invite"]');
	await invite.getByLabel('Role').selectOption('focal_point');
	await invite.getByLabel('Organization').selectOption({ label: "Lao People's Democratic Republic" });
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();

	await page.goto('/admin/audit?action=user.invite');
	await expect(page.getByRole('cell', { name: staff.email }).first()).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();

	const mail = await latestMail(browser, email);
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const fp = await ctx.newPage();
	await fp.goto(mail.links.find((l) => l.includes('/invite/'))!);
	await expect(fp.getByText('You are invited as focal point')).toBeVisible();
	await fp.getByLabel('Given name').fill('Khamla');
	await fp.getByLabel('Family name').fill('Vongsa');
	await fp.getByLabel('Password', { exact: true }).fill('focal point password');
	await fp.getByLabel('Repeat the password').fill('focal point password');
	await fp.getByRole('button', { name: 'Create my account' }).click();
	await expect(fp.getByRole('heading', { name: 'Welcome to CCM Meetings' })).toBeVisible();
	await fp.goto('/account');
	await expect(fp.getByText("focal point of Lao People's Democratic Republic")).toBeVisible();
	await ctx.close();
});

test('a delegate cannot open the staff area', async ({ page, browser }) => {
	const email = uniqueEmail('plain');
	await page.goto('/admin/outbox');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Foutbox/);
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Plain');
	await page.getByLabel('Family name').fill('Delegate');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('plain delegate pw');
	await page.getByLabel('Repeat the password').fill('plain delegate pw');
	await page.getByRole('button', { name: 'Create account' }).click();
	const mail = await latestMail(browser, email);
	await page.goto(mail.links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, 'plain delegate pw');
	const res = await page.goto('/admin/outbox');
	expect(res?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Staff area' })).toHaveCount(0);
});
