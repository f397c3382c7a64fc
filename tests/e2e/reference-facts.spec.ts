import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';

const PASSWORD = 'reference facts e2e password';

async function staffPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(page, staff.email, staff.password);
	return page;
}

test('a state not party registers as an observer and is listed as one, on the page and in the PDF', async ({ browser }) => {
	// Sign-up, confirmation and two logins (argon2 each): slow on a busy machine.
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const email = uniqueEmail('brazil');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Beatriz');
	await page.getByLabel('Family name').fill('Observadora');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	await page.goto((await latestMail(browser, email)).links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, PASSWORD);

	await page.goto('/meetings/14msp/register');
	// The list is grouped by each state's status at the meeting: Brazil never signed.
	const observers = page.locator('optgroup[label="States not party (observers)"]');
	await expect(observers.locator('option', { hasText: /^Brazil$/ })).toHaveCount(1);
	await expect(page.locator('optgroup[label="States Parties"] option', { hasText: /^Brazil$/ })).toHaveCount(0);
	await expect(page.locator('optgroup[label="Signatories"] option', { hasText: /^Nigeria$/ })).toHaveCount(0);
	await page.getByLabel('State or organisation').selectOption({ label: 'Brazil' });
	await page.getByLabel('Role in the delegation').selectOption('observer');
	// The list of participants shows people who agreed to it (the box is never ticked in advance).
	await page.getByLabel(/published list of participants/).check();
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByText('Pending approval')).toBeVisible();

	const s = await staffPage(browser);
	await s.goto(`/admin/meetings/14msp/registrations?q=${encodeURIComponent(email)}`);
	const row = s.getByRole('row', { name: /Beatriz Observadora/ });
	await expect(row.getByRole('cell', { name: 'Observer State' })).toBeVisible();
	await s.getByLabel('Select all').check();
	await s.getByRole('button', { name: 'Approve selected' }).click();
	await expect(s.getByText('Approved 1.')).toBeVisible();

	await page.goto('/meetings/14msp/participants');
	const group = page.getByRole('region', { name: 'States not party' });
	await expect(group.getByRole('heading', { name: 'Brazil' })).toBeVisible();
	await expect(group.getByText('Beatriz Observadora')).toBeVisible();
	await expect(page.getByRole('region', { name: 'States Parties' }).getByRole('heading', { name: 'Brazil' })).toHaveCount(0);

	const pdf = await page.request.get('/meetings/14msp/participants.pdf');
	expect(pdf.status()).toBe(200);
	// Group headings are printed in capitals and letter-spaced: compare without spaces.
	const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() })
		.toString()
		.replace(/\s+/g, '');
	const observersAt = text.indexOf('STATESNOTPARTY');
	expect(observersAt).toBeGreaterThan(-1);
	expect(text.indexOf('Brazil')).toBeGreaterThan(observersAt);
});

test("staff add a dated Article 4 extension and the applicant's score changes, naming the new fact", async ({ browser }) => {
	test.slow();
	const s = await staffPage(browser);
	const obligations = s
		.getByRole('row', { name: /Hassan Al-Jaberi/ })
		.locator('td[title*="Article"]')
		.first();
	await s.goto('/admin/meetings/14msp/sponsorship');
	await expect(obligations).toHaveAttribute('title', /^Unknown: Article 4 extension/);
	await expect(obligations).toHaveText(/^0/);

	await s.goto('/admin/organizations');
	await s.getByRole('link', { name: 'Iraq', exact: true }).click();
	const form = s.locator('form[action="?/fact"]');
	await form.getByLabel('Fact').selectOption({ label: 'Article 3 / 4: extension (decision)' });
	await form.getByLabel(/^Article/).selectOption('4');
	await form.getByLabel(/^Date/).fill('2023-09-14');
	// Bad input first: an extension that ends before the deadline it extends is refused at the field, input kept.
	await form.getByLabel(/^New deadline/).fill('2023-10-01');
	await form.getByLabel(/^Meeting that decided/).fill('11MSP');
	await form.getByLabel(/^Source/).fill('CCM/MSP/2023/9 (final report)');
	const unknown = await form
		.getByLabel('Replaces entry')
		.locator('option')
		.evaluateAll((os) => (os as HTMLOptionElement[]).find((o) => /extension.*Art\. 4/.test(o.text))?.value ?? '');
	expect(unknown).not.toBe('');
	await form.getByLabel(/^Replaces entry/).selectOption(unknown);
	await form.getByRole('button', { name: 'Add entry' }).click();
	await expect(s.locator('#f-deadline-error')).toContainText('an extension must be later');
	await expect(form.getByLabel(/^Source/)).toHaveValue('CCM/MSP/2023/9 (final report)');
	await form.getByLabel(/^New deadline/).fill('2028-11-01');
	await form.getByRole('button', { name: 'Add entry' }).click();
	await expect(s.locator('#f-deadline-error')).toHaveCount(0);

	await s.goto('/admin/meetings/14msp/sponsorship');
	await expect(obligations).toHaveText(/^30/);
	await expect(obligations).toHaveAttribute('title', /Article 4 deadline 2028-11-01.*extended at 11MSP 2023-09-14; source: CCM\/MSP\/2023\/9/);
	await expect(s.getByRole('region', { name: /Facts the sources leave open/ }).getByText(/^Iraq:/)).toHaveCount(0);
});

test("the 9MSP's President chairs its plenaries; the pages changed here pass axe", async ({ browser }) => {
	const s = await staffPage(browser);
	await s.goto('/meetings/9msp');
	await expect(s.getByText('President: Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka.')).toBeVisible();
	await expect(s.getByRole('definition').filter({ hasText: /^2–4 September 2019$/ })).toBeVisible();
	await s.goto('/meetings/9msp/programme');
	await expect(s.getByText('Chair: Ambassador Aliyar Lebbe Abdul Azeez of Sri Lanka, President of the Meeting')).toHaveCount(6);
	for (const path of [
		'/meetings/14msp/register',
		'/meetings/14msp/participants',
		'/admin/meetings/14msp/registrations',
		'/meetings/9msp',
		'/meetings/9msp/programme'
	]) {
		await s.goto(path);
		const results = await new AxeBuilder({ page: s }).analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${path} ${v.id}: ${v.help}`);
		expect(serious).toEqual([]);
	}
});
