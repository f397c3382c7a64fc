import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';
import { createMeeting, uniqueCode } from './meeting-helpers';

const PASSWORD = 'privacy e2e password';

test('the privacy notice is linked from sign-up and the registration form; the consent box is never ticked in advance; a person downloads their data', async ({
	browser
}) => {
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await page.goto('/signup');
	await page.getByRole('link', { name: 'privacy notice' }).click();
	await expect(page.getByRole('heading', { name: 'Privacy notice', level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'How long' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await page.screenshot({ path: 'test-results/h9-privacy.png', fullPage: true });

	const email = uniqueEmail('ines');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Inès');
	await page.getByLabel('Family name').fill('Moreau');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	await page.goto((await latestMail(browser, email)).links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, PASSWORD);

	await page.goto('/meetings/14msp/register');
	const consent = page.getByLabel(/published list of participants/);
	await expect(consent).not.toBeChecked();
	await expect(page.locator('form').getByRole('link', { name: 'privacy notice' })).toHaveAttribute('href', '/privacy');
	await page.getByLabel('State or organisation').selectOption({ label: 'Chile' });
	await page.getByLabel('Gender').selectOption('female');
	await page.getByLabel('Role in the delegation').selectOption('member');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByText('Pending approval')).toBeVisible();

	await page.goto('/account');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download my data (JSON)' }).click();
	const file = await (await download).path();
	const data = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8'));
	expect(data.email).toBe(email);
	expect(data.registrations).toHaveLength(1);
	expect(data.registrations[0]).toMatchObject({ meeting: '14MSP', organization: 'Chile', consent_published: 0 });

	// Staff choose an official list for a meeting: its registration form announces it instead of asking.
	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	const slug = await createMeeting(s, { code: uniqueCode(), title: 'Official list meeting', firstDay: '2031-03-03', lastDay: '2031-03-04' });
	await s.getByLabel('List of participants').selectOption('notice');
	await s.getByRole('button', { name: 'Save changes' }).click();
	await expect(s.getByText('Changes saved.')).toBeVisible();
	await s.goto(`/admin/meetings/${slug}/registrations`);
	await expect(s.getByText(/official list of participants shows the name, title, position and delegation/)).toBeVisible();
	await expect(s.getByLabel(/published list of participants/)).toHaveCount(0);
});
