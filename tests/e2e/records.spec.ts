import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { clientAddress, logIn, staff, tinyPdf as pdf } from './helpers';

test('staff publish a document in two languages; the public finds and downloads it; withdrawn, its page says so', async ({ browser }) => {
	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	const title = `Report on stockpile destruction ${Date.now().toString(36)}`;
	await s.goto('/admin/meetings/9msp/documents');
	await s.getByLabel('Title').fill(title);
	await s.getByLabel('Type').selectOption('working_paper');
	await s.getByRole('button', { name: 'Create the document' }).click();
	await expect(s.getByText('Document created as a draft')).toBeVisible();
	const symbol = (await s.locator('h1 .mono').textContent())!.trim();
	expect(symbol).toMatch(/^CCM\/MSP\/2019\/\d+$/);

	// A draft is not there for the public.
	const anon = await (await browser.newContext()).newPage();
	expect((await anon.goto(`/documents/${symbol}`))?.status()).toBe(404);

	// A file whose content is not what its name says is refused, and nothing changes.
	const upload = s.locator('form[action="?/upload"]');
	await upload.getByLabel('File').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is not a pdf at all') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(s.locator('#f-file-error')).toBeVisible();
	await expect(s.getByText('No files yet.')).toBeVisible();

	await upload.getByLabel('Language').selectOption('en');
	await upload.getByLabel('File').setInputFiles({ name: 'report-en.pdf', mimeType: 'application/pdf', buffer: pdf('English version') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(s.getByText('File received.')).toBeVisible();
	await upload.getByLabel('Language').selectOption('fr');
	await upload.getByLabel('File').setInputFiles({ name: 'rapport-fr.pdf', mimeType: 'application/pdf', buffer: pdf('Version francaise') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(s.getByText(/French: rapport-fr\.pdf/)).toBeVisible();
	await s.getByRole('button', { name: 'Publish' }).click();
	await expect(s.getByText('Published.')).toBeVisible();

	await anon.goto('/documents');
	await anon.getByLabel('Symbol or title words').fill(title.split(' ').slice(-2).join(' ').toUpperCase());
	await anon.getByRole('button', { name: 'Search' }).click();
	await expect(anon.getByRole('status')).toHaveText('1 document found.');
	await anon.getByRole('link', { name: symbol }).click();
	await expect(anon.getByRole('heading', { name: title })).toBeVisible();
	for (const [lang, label] of [
		['en', 'English'],
		['fr', 'French']
	]) {
		const [download] = await Promise.all([anon.waitForEvent('download'), anon.getByRole('link', { name: label }).click()]);
		expect(download.suggestedFilename()).toBe(`${symbol.replaceAll('/', '-')}_${lang.toUpperCase()}.pdf`);
	}
	const res = await anon.request.get(anon.url().replace(/\/documents\/.*/, '') + (await anon.getByRole('link', { name: 'French' }).getAttribute('href')));
	expect(res.headers()['content-type']).toBe('application/pdf');
	expect(res.headers()['etag']).toMatch(/^"[0-9a-f]{64}"$/);

	await s.getByLabel('Replaced by (symbol)').fill('CCM/MSP/2019/10');
	await s.getByRole('button', { name: 'Withdraw' }).click();
	await expect(s.getByText(/Withdrawn: the document stays/)).toBeVisible();
	await anon.reload();
	await expect(anon.getByRole('note')).toContainText('This document was withdrawn');
	await expect(anon.getByRole('note').getByRole('link', { name: /CCM\/MSP\/2019\/10/ })).toBeVisible();
});

for (const path of [
	'/documents',
	'/documents?q=extension',
	'/meetings/9msp/documents',
	'/documents/CCM/MSP/2019/10',
	'/meetings/9msp/records',
	'/meetings/9msp/statements'
]) {
	test(`axe finds no serious violations on ${path}`, async ({ page }) => {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
	});
}

test('the seeded 9MSP documents are listed and searchable by symbol', async ({ page }) => {
	await page.goto('/documents?q=2019%2F10');
	await expect(page.getByRole('link', { name: 'CCM/MSP/2019/10' })).toBeVisible();
	await page.goto('/meetings/9msp/records');
	await expect(page.getByRole('link', { name: 'CCM/MSP/2019/1', exact: true })).toBeVisible();
});
