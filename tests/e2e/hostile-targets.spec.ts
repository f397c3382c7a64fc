import { expect, test } from '@playwright/test';
import { clientAddress, staff } from './helpers';

// After logging in, the login page sends the person on to `redirectTo`. A browser drops tabs and newlines from a
// Location header and reads "\" as "/": each of these went to evil.example, or gave a 500, before the fix.
const TARGETS = ['/%09/evil.example/x', '/%0A/x', '/%0D%0A/evil.example', '/%09%5C/evil.example', '/.//evil.example', '%20//evil.example'];

for (const target of TARGETS) {
	test(`logging in with redirectTo=${target} stays on this site`, async ({ browser, baseURL }) => {
		const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
		const page = await ctx.newPage();
		await page.goto(`/login?redirectTo=${target}`);
		await page.getByLabel('E-mail address').fill(staff.email);
		await page.getByLabel('Password', { exact: true }).fill(staff.password);
		const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
		await page.getByRole('button', { name: 'Log in' }).click();
		expect((await answer).status()).toBeLessThan(500);
		await expect(page.getByRole('button', { name: /Log out/ })).toBeVisible();
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

		// Signed in, the login page redirects at once: a valid header to this site, never an error.
		const again = await page.request.get(`/login?redirectTo=${target}`, { maxRedirects: 0 });
		expect(again.status()).toBe(303);
		expect(new URL(again.headers().location, baseURL).origin).toBe(new URL(baseURL!).origin);
		await ctx.close();
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a name with a tab or a bidi override is refused at the field, and the input is kept', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Given name').fill('Ana\tISU NOTICE');
		await page.getByLabel('Family name').fill('Lee\u202eexe.fdp');
		await page.getByLabel('E-mail address').fill('ana.lee@example.org');
		await page.getByLabel('Password', { exact: true }).fill('long enough password');
		await page.getByLabel('Repeat the password').fill('long enough password');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.locator('#f-given_name-error')).toHaveText(
			'Given name must be one line of text, without line breaks, tabs or invisible control characters.'
		);
		await expect(page.locator('#f-family_name-error')).toContainText('one line of text');
		await expect(page.getByLabel('Given name')).toHaveValue('Ana\tISU NOTICE');
		await expect(page.getByLabel('Family name')).toHaveValue('Lee\u202eexe.fdp');
	});
});
