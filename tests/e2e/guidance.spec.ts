import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';

/** Sign-up with two kinds of error: an address the server refuses (a field) and passwords that differ (a rule on both). */
async function refusedSignUp(page: Page) {
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Ana');
	await page.getByLabel('Family name').fill('Lee');
	// The browser takes "ana@example" as an e-mail address; the server wants a domain with a dot.
	await page.getByLabel('E-mail address').fill('ana@example');
	await page.getByLabel('Password', { exact: true }).fill('a long enough password');
	await page.getByLabel('Repeat the password').fill('another long password');
	await page.getByRole('button', { name: 'Create account' }).click();
	const summary = page.locator('[data-error-summary]');
	await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	return summary;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled, extraHTTPHeaders: clientAddress() });

		test('a refused form lists a field error and a rule error at once, in a summary that leads to the fields', async ({ page }) => {
			const summary = await refusedSignUp(page);
			const links = summary.getByRole('link');
			await expect(links).toHaveCount(2);
			await expect(links.nth(0)).toHaveText('Enter a valid e-mail address, like name@example.org.');
			await expect(links.nth(1)).toHaveText('The two passwords do not match.');
			await expect(page).toHaveTitle(/^Error: Create an account/);
			// The input is kept, and each field carries its own message too.
			await expect(page.getByLabel('E-mail address')).toHaveValue('ana@example');
			await expect(page.getByLabel('Repeat the password')).toHaveAccessibleDescription(/do not match/);
			if (javaScriptEnabled) {
				await expect(summary).toBeFocused();
				await links.nth(1).click();
				await expect(page.getByLabel('Repeat the password')).toBeFocused();
				await links.nth(0).click();
				await expect(page.getByLabel('E-mail address')).toBeFocused();
			} else {
				// First in the page: the summary comes before the form it is about.
				await expect(page.locator('[data-error-summary] + form')).toHaveCount(1);
				await links.nth(1).click();
				await expect(page).toHaveURL(/#f-password_confirm$/);
				await expect(page.getByLabel('Repeat the password')).toBeInViewport();
			}
		});
	});
}

test('axe finds no serious violation on a refused form with its summary', async ({ browser }) => {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await refusedSignUp(page);
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

// The pages the e2e suite visits, public and staff.
const PUBLIC_PAGES = ['/', '/meetings', '/meetings/14msp', '/meetings/14msp/register', '/meetings/14msp/programme', '/meetings/14msp/documents', '/documents'];
const STAFF_PAGES = [
	'/admin',
	'/admin/meetings',
	'/admin/meetings/new',
	'/admin/meetings/14msp',
	'/admin/meetings/9msp/agenda',
	'/admin/meetings/9msp/programme',
	'/admin/meetings/14msp/registrations',
	'/admin/meetings/14msp/check-in',
	'/admin/meetings/14msp/sponsorship',
	'/admin/meetings/9msp/documents',
	'/admin/sponsorship/criteria',
	'/admin/organizations',
	'/admin/users',
	'/admin/outbox',
	'/admin/audit',
	'/committee',
	'/committee/meetings/14msp/sponsorship',
	'/committee/meetings/14msp/sponsorship/report',
	'/account',
	'/meetings/14msp/sponsorship'
];

test('on a 390 × 844 phone no page scrolls sideways; wide tables scroll in their own box with the name in view', async ({ browser }) => {
	test.slow();
	const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	const wide: string[] = [];
	const check = async (path: string) => {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
		if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px`);
	};
	for (const path of PUBLIC_PAGES) await check(path);
	await logIn(page, staff.email, staff.password);
	for (const path of STAFF_PAGES) await check(path);
	expect(wide).toEqual([]);

	// The ranking scrolls inside its region, and the applicant's name stays at the left edge while it does.
	await page.goto('/admin/meetings/14msp/sponsorship');
	const region = page.getByRole('region', { name: 'Ranking' });
	const name = region.locator('tbody td.sticky').first();
	await expect(name).toBeVisible();
	await region.evaluate((el) => (el.scrollLeft = 400));
	expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	// Scrolled 400 px, the name cell sits at the region's left edge instead of leaving it.
	expect(Math.round((await name.boundingBox())!.x)).toBe(Math.round((await region.boundingBox())!.x));
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await ctx.close();
});

test('at 1,280 px the staff ranking and registrations show every column without scrolling', async ({ browser }) => {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	await logIn(page, staff.email, staff.password);
	for (const [path, name] of [
		['/admin/meetings/14msp/sponsorship', 'Ranking'],
		['/admin/meetings/14msp/registrations', 'Registrations']
	]) {
		await page.goto(path);
		const region = page.getByRole('region', { name });
		const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
		expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
	}
	await expect(page.getByRole('region', { name: 'Registrations' })).toBeVisible();
	await page.goto('/admin/meetings/14msp/sponsorship');
	const adjust = (await page.getByRole('columnheader', { name: 'Adjust' }).boundingBox())!;
	expect(adjust.x + adjust.width).toBeLessThanOrEqual(1280);
	await ctx.close();
});

test('a document’s staff page is headed by its title with the symbol beside it', async ({ browser }) => {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(page, staff.email, staff.password);
	await page.goto('/admin/meetings/9msp/documents');
	const row = page.locator('main table tbody tr').first();
	const symbol = (await row.locator('td').first().innerText()).trim();
	await row.getByRole('link').first().click();
	await page.waitForURL(/\/admin\/documents\/\d+/);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText(symbol);
	const title = (await heading.innerText()).replace(symbol, '').trim();
	expect(title.length).toBeGreaterThan(3);
	await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`));
});

test('the home page’s cards each lead somewhere', async ({ page }) => {
	await page.goto('/');
	for (const card of ['Delegates', 'Focal points', 'Sponsorship']) {
		await expect(
			page
				.locator('.card')
				.filter({ has: page.getByRole('heading', { name: card }) })
				.getByRole('link')
		).not.toHaveCount(0);
	}
	await expect(page).toHaveTitle(/^Meetings of the Convention on Cluster Munitions/);
});

test('sign-up from a login page with redirectTo ends on that page after the e-mail is confirmed', async ({ browser }) => {
	test.slow();
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	const target = '/meetings/14msp/sponsorship';
	await page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
	await page.getByRole('link', { name: 'Create an account' }).click();
	const email = uniqueEmail('onward');
	await page.getByLabel('Given name').fill('Omar');
	await page.getByLabel('Family name').fill('Haddad');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('a long enough password');
	await page.getByLabel('Repeat the password').fill('a long enough password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();

	const mail = await latestMail(browser, email);
	await page.goto(mail.links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await expect(page.getByRole('heading', { name: 'E-mail confirmed' })).toBeVisible();
	await page.getByRole('link', { name: 'Log in' }).last().click();
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('a long enough password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(new RegExp(`${target}$`));
	await ctx.close();
});
