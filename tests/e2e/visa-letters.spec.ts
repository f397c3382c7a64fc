import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clientAddress, latestMail, logIn, seriousViolations, staffPage, uniqueEmail } from './helpers';

const PASSWORD = 'visa letters e2e password';

async function pdfText(page: Page, link: string): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
	const path = await download.path();
	expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
	return execFileSync('pdftotext', ['-layout', path, '-']).toString();
}

test('an approved delegate gets a letter of invitation from My meetings; with approval required, staff approve it first', async ({ browser }) => {
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const email = uniqueEmail('aminata');
	await page.goto('/signup');
	await page.getByLabel('Given name').fill('Aminata');
	await page.getByLabel('Family name').fill('Sow');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.goto((await latestMail(browser, email)).links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, PASSWORD);
	await page.goto('/meetings/14msp/register');
	await page.getByLabel('State or organisation').selectOption({ label: 'Senegal' });
	await page.getByLabel('Role in the delegation').selectOption('adviser');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByText('Pending approval')).toBeVisible();
	const regId = page.url().match(/registrations\/(\d+)/)![1];

	// Not approved yet: the page says why and offers no form.
	await page.goto(`/registrations/${regId}/visa-letter`);
	await expect(page.getByText('issued only for an approved registration')).toBeVisible();
	await expect(page.getByLabel('Passport number')).toHaveCount(0);

	const s = await staffPage(browser);
	await s.goto(`/admin/meetings/14msp/registrations?q=${encodeURIComponent(email)}`);
	await s.getByLabel('Select all').check();
	await s.getByRole('button', { name: 'Approve selected' }).click();
	await expect(s.getByText('Approved 1.')).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My meetings' }).click();
	await page
		.getByRole('article', { name: /14MSP/ })
		.getByRole('link', { name: /Letter of invitation for a visa/ })
		.click();
	await expect(page.getByRole('heading', { name: 'Letter of invitation for a visa', level: 1 })).toBeVisible();
	// Bad input at the field, the rest kept.
	await page.getByLabel('Name as in the passport').fill('SOW Aminata');
	await page.getByLabel('Nationality').fill('Senegalese');
	await page.getByLabel('Passport number').fill('   ');
	await page.getByRole('button', { name: 'Ask for the letter' }).click();
	await expect(page.locator('#f-passport_number-error')).toContainText('Passport number is required.');
	await expect(page.getByLabel('Nationality')).toHaveValue('Senegalese');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByLabel('Passport number').fill('A00123456');
	await page.getByRole('button', { name: 'Ask for the letter' }).click();
	await expect(page.getByText('The letter of invitation is issued')).toBeVisible();
	const reference = (await page.locator('dt:has-text("Reference") + dd').textContent())!.trim();
	expect(reference).toMatch(/^CCM\/14MSP\/VISA\/\d{4}$/);
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: 'test-results/h12-visa-letter.png', fullPage: true });
	const text = await pdfText(page, 'Download the letter of invitation (PDF)');
	expect(text).toContain('SOW Aminata');
	expect(text).toContain('A00123456');
	expect(text).toContain('14MSP');
	expect(text).toContain(reference);

	// Staff require approval: the next request waits, staff approve it from their list, the delegate is told.
	await s.goto('/admin/meetings/14msp');
	await s.getByLabel('Staff approve each letter first').check();
	await s.getByRole('button', { name: 'Save this choice' }).click();
	await expect(s.getByText('Letters of invitation now wait for staff approval.')).toBeVisible();

	await s.screenshot({ path: 'test-results/h12-staff-meeting.png', fullPage: true });

	// This time without JavaScript.
	const noJs = await (await browser.newContext({ extraHTTPHeaders: clientAddress(), javaScriptEnabled: false })).newPage();
	await logIn(noJs, email, PASSWORD);
	await noJs.goto(`/registrations/${regId}`);
	await noJs.getByRole('link', { name: 'Letter of invitation for a visa' }).click();
	await noJs.getByLabel('Passport number').fill('B'.repeat(65));
	await noJs.getByRole('button', { name: 'Replace the letter' }).click();
	await expect(noJs.locator('#f-passport_number-error')).toContainText('at most 64 characters');
	await expect(noJs.getByLabel('Name as in the passport')).toHaveValue('SOW Aminata');
	await noJs.getByLabel('Passport number').fill('B00999888');
	await noJs.getByRole('button', { name: 'Replace the letter' }).click();
	await expect(noJs.getByText('Your request is sent')).toBeVisible();
	await expect(noJs.getByText('Requested, waiting for the ISU’s approval')).toBeVisible();
	await expect(noJs.getByRole('link', { name: 'Download the letter of invitation (PDF)' })).toHaveCount(0);
	const waiting = (await noJs.locator('dt:has-text("Reference") + dd').textContent())!.trim();
	await noJs.context().close();
	expect(waiting).not.toBe(reference);

	await s.goto('/admin/meetings/14msp/visa-letters');
	const row = s.getByRole('row', { name: new RegExp(waiting) });
	await expect(row).toContainText('SOW Aminata');
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/h12-staff-visa-letters.png', fullPage: true });
	await row.getByRole('button', { name: `Approve and issue ${waiting}` }).click();
	await expect(s.getByText(`Letter ${waiting} approved and issued`)).toBeVisible();
	const mail = await latestMail(browser, email);
	expect(mail.subject).toContain('your letter of invitation is ready');
	expect(mail.links.some((l) => l.endsWith(`/registrations/${regId}/visa-letter`))).toBe(true);

	await page.goto(`/registrations/${regId}/visa-letter`);
	const approved = await pdfText(page, 'Download the letter of invitation (PDF)');
	expect(approved).toContain('B00999888');
	expect(approved).toContain(waiting);

	// Back to the default for other specs.
	await s.goto('/admin/meetings/14msp');
	await s.getByLabel('Issued at once to every approved participant who asks').check();
	await s.getByRole('button', { name: 'Save this choice' }).click();
	await expect(s.getByText('Letters of invitation are now issued at once.')).toBeVisible();
});
