import { expect, test } from '@playwright/test';
import { focalPoint, latestMail, seriousViolations, staffPage, tinyPdf, uniqueEmail } from './helpers';

const PASSWORD = 'delegations e2e password';

test('a focal point submits a delegation with credentials; staff find it, open the letter and accept it; the focal point is told', async ({ browser }) => {
	test.slow();
	const { page, email } = await focalPoint(browser, 'Peru', PASSWORD);
	await page.goto('/meetings/14msp/delegation');
	const add = page.locator('form[action="?/add"]');
	await add.getByLabel('Given name').fill('Rosa');
	await add.getByLabel('Family name').fill('Quispe');
	await add.getByLabel('E-mail address').fill(uniqueEmail('rosa'));
	await add.getByLabel('Role in the delegation').selectOption('head');
	await add.getByRole('button', { name: 'Add to the delegation' }).click();
	await expect(page.getByText('Rosa Quispe is added')).toBeVisible();
	const upload = page.locator('form[action="?/credentials"]');
	await upload.getByLabel(/Credentials letter/).setInputFiles({ name: 'peru-note-verbale.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Peru') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByText('Credentials received (peru-note-verbale.pdf)')).toBeVisible();
	await page.getByRole('button', { name: 'Submit the delegation' }).click();
	await expect(page.getByText('The delegation is submitted')).toBeVisible();

	// Staff reach the page from the meeting's page and filter to submitted delegations.
	const s = await staffPage(browser);
	await s.goto('/admin/meetings/14msp');
	await s.getByRole('link', { name: 'Delegations', exact: true }).click();
	await expect(s.getByRole('heading', { name: 'Delegations to the 14MSP' })).toBeVisible();
	await s.getByLabel('State of the delegation').selectOption({ label: 'Submitted' });
	await s.getByRole('button', { name: 'Filter' }).click();
	const row = s.getByRole('row', { name: /Peru/ });
	await expect(row.getByText('Submitted', { exact: true })).toBeVisible();
	await expect(row.getByText('Rosa Quispe')).toBeVisible();
	await expect(row.getByText(`by ${email}`)).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/h9-delegations.png', fullPage: true });

	// Open the letter: a PDF for staff only.
	const href = (await row.getByRole('link', { name: 'peru-note-verbale.pdf' }).getAttribute('href'))!;
	const letter = await s.request.get(href);
	expect(letter.status()).toBe(200);
	expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
	expect((await page.request.get(href)).status()).toBe(403);

	// A second tab still shows the Accept button after the first accepted: it gets a clear message.
	const stale = await s.context().newPage();
	await stale.goto(s.url());
	await row.getByRole('button', { name: 'Accept the credentials of Peru' }).click();
	await expect(s.getByText('Credentials of Peru accepted; the focal point was e-mailed.')).toBeVisible();
	await stale.getByRole('row', { name: /Peru/ }).getByRole('button', { name: 'Accept the credentials of Peru' }).click();
	await expect(stale.getByText('The credentials of Peru were already accepted; nothing was changed.')).toBeVisible();

	const mail = await latestMail(browser, email);
	expect(mail.subject).toBe('14MSP: credentials of Peru accepted');
	expect(mail.links.some((l) => l.endsWith('/meetings/14msp/delegation'))).toBe(true);

	await page.goto('/meetings/14msp/delegation');
	await expect(page.getByText('Accepted by the ISU.')).toBeVisible();

	// The printable list of delegations that took part.
	await s.goto('/admin/meetings/14msp/delegations/list');
	await expect(s.getByRole('heading', { name: 'Delegations that took part' })).toBeVisible();
	await expect(s.getByRole('heading', { name: /^States Parties/ })).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/h9-delegations-list.png', fullPage: true });

	const csv = await s.request.get('/admin/meetings/14msp/delegations.csv?state=accepted');
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('Peru');
});
