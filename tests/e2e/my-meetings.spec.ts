import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { clientAddress, latestMail, logIn, uniqueEmail } from './helpers';

const PASSWORD = 'my meetings e2e password';

test('a delegate finds their registration from My meetings and cancels it without JavaScript, after a confirmation', async ({ browser }) => {
	test.slow();
	let ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	let page = await ctx.newPage();
	const email = uniqueEmail('fatou');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Fatou');
	await page.getByLabel('Family name').fill('Diop');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	await page.goto((await latestMail(browser, email)).links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, PASSWORD);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My meetings' }).click();
	await expect(page.getByText('You have no registration yet')).toBeVisible();

	await page.goto('/meetings/14msp/register');
	await page.getByLabel('State or organisation').selectOption({ label: 'Senegal' });
	await page.getByLabel('Gender').selectOption('female');
	await page.getByLabel('Role in the delegation').selectOption('adviser');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByText('Pending approval')).toBeVisible();

	// The meeting's page no longer offers to register.
	await page.goto('/meetings/14msp');
	await expect(page.getByText('You are registered (pending approval).')).toBeVisible();
	await expect(page.getByRole('link', { name: 'My registration' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: '14MSP pages' }).getByRole('link', { name: 'Register' })).toHaveCount(0);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My meetings' }).click();
	const card = page.getByRole('article', { name: /14MSP/ });
	await expect(card.getByText('Pending approval')).toBeVisible();
	await expect(card.getByText('Senegal, adviser')).toBeVisible();
	await expect(card.getByRole('link', { name: /Wait for the ISU’s approval/ })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await page.screenshot({ path: 'test-results/h9-my-meetings.png', fullPage: true });
	await ctx.close();

	// The rest without JavaScript.
	ctx = await browser.newContext({ extraHTTPHeaders: clientAddress(), javaScriptEnabled: false });
	page = await ctx.newPage();
	await logIn(page, email, PASSWORD);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My meetings' }).click();

	await page
		.getByRole('article', { name: /14MSP/ })
		.getByRole('link', { name: /Open the registration/ })
		.click();
	await expect(page).toHaveURL(/\/registrations\/\d+$/);
	// The first press only asks.
	await page.getByRole('button', { name: 'Cancel the registration…' }).click();
	await expect(page.getByRole('alert')).toContainText('Cancel this registration?');
	await expect(page.getByText('Pending approval')).toBeVisible();
	await page.getByRole('button', { name: 'Yes, cancel the registration' }).click();
	await expect(page.getByText('The registration is cancelled.')).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My meetings' }).click();
	await expect(page.getByRole('article', { name: /14MSP/ }).getByText('Cancelled')).toBeVisible();
	await page.goto('/meetings/14msp');
	await expect(page.getByText('You are registered')).toHaveCount(0);
	await ctx.close();
});
