import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientAddress, focalPoint, latestMail, logIn, staffPage, uniqueEmail } from './helpers';

const PASSWORD = 'registration e2e password';

/** A confirmed delegate account, logged in on the page it returns. */
async function delegate(browser: Browser, given: string, family: string): Promise<{ page: Page; email: string }> {
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	const email = uniqueEmail(given.toLowerCase());
	await page.goto('/signup');
	await page.getByLabel('Given name').fill(given);
	await page.getByLabel('Family name').fill(family);
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible();
	const mail = await latestMail(browser, email);
	await page.goto(mail.links.find((l) => l.includes('/verify/'))!);
	await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
	await logIn(page, email, PASSWORD);
	return { page, email };
}

test('a delegate registers, sees the confirmation and the e-mail, and is shown the same registration again', async ({ browser }) => {
	const { page, email } = await delegate(browser, 'Awa', 'Ndiaye');
	await page.goto('/meetings/14msp/register');
	await expect(page.getByLabel('Given name')).toHaveValue('Awa');
	await page.getByLabel('State or organisation').selectOption({ label: 'Senegal' });
	await page.getByLabel('Gender').selectOption('female');
	await page.getByLabel('Role in the delegation').selectOption('adviser');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.getByText('your registration is received')).toBeVisible();
	await expect(page.getByText('Pending approval')).toBeVisible();
	const mail = await latestMail(browser, email);
	expect(mail.subject).toBe('14MSP: registration received');
	expect(mail.links.some((l) => /\/registrations\/\d+$/.test(l))).toBe(true);

	await page.goto('/meetings/14msp/register');
	await expect(page.getByText('You are already registered for this meeting')).toBeVisible();
});

test('bad input keeps the form and says what is wrong, without JavaScript', async ({ browser }) => {
	const { page } = await delegate(browser, 'Bad', 'Input');
	await page.context().route('**/*.js', (r) => r.abort());
	await page.goto('/meetings/14msp/register');
	await page.locator('form.narrow').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.getByLabel('Phone (optional)').fill('call me maybe');
	await page.getByLabel('Position (optional)').fill('Counsellor');
	await page.getByRole('button', { name: 'Register' }).click();
	await expect(page.locator('#f-organization_id-error')).toContainText('Choose your state');
	await expect(page.locator('#f-role-error')).toContainText('Choose a role');
	await expect(page.locator('#f-phone-error')).toContainText('digits');
	await expect(page.getByLabel('Position (optional)')).toHaveValue('Counsellor');
});

test('a focal point builds a delegation of three, staff approve, badges download, the list shows only those who consented', async ({ browser }) => {
	// A long journey through three accounts: on a loaded machine it outgrows the default 30 s.
	test.slow();
	const { page } = await focalPoint(browser, 'Ghana', PASSWORD);
	await page.goto('/meetings/14msp/delegation');
	await expect(page.getByRole('heading', { name: 'Delegation of Ghana' })).toBeVisible();
	const people = [
		{ given: 'Kwame', family: 'Mensah', role: 'head', consent: true },
		{ given: 'Ama', family: 'Owusu', role: 'alternate', consent: true },
		{ given: 'Kofi', family: 'Boateng', role: 'adviser', consent: false }
	];
	for (const p of people) {
		const add = page.locator('form[action="?/add"]');
		await add.getByLabel('Given name').fill(p.given);
		await add.getByLabel('Family name').fill(p.family);
		await add.getByLabel('E-mail address').fill(uniqueEmail(p.given.toLowerCase()));
		await add.getByLabel('Role in the delegation').selectOption(p.role);
		// Never ticked in advance: those who agree tick it.
		if (p.consent) await add.getByLabel(/published list of participants/).check();
		await add.getByRole('button', { name: 'Add to the delegation' }).click();
		await expect(page.getByText(`${p.given} ${p.family} is added`)).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: 'Members (3)' })).toBeVisible();

	// A second head is refused at the field.
	const add = page.locator('form[action="?/add"]');
	await add.getByLabel('Given name').fill('Second');
	await add.getByLabel('Family name').fill('Head');
	await add.getByLabel('E-mail address').fill(uniqueEmail('second'));
	await add.getByLabel('Role in the delegation').selectOption('head');
	await add.getByRole('button', { name: 'Add to the delegation' }).click();
	await expect(page.locator('#f-role-error')).toContainText('already has a head');
	await expect(add.getByLabel('Given name')).toHaveValue('Second');

	// Credentials: a text file named .pdf is refused by its content; a real PDF is taken.
	const upload = page.locator('form[action="?/credentials"]');
	await upload
		.getByLabel(/Credentials letter/)
		.setInputFiles({ name: 'credentials.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text, not a PDF') });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(page.locator('#f-file-error')).toContainText('not a PDF');
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
	await upload.getByLabel(/Credentials letter/).setInputFiles({ name: 'note-verbale.pdf', mimeType: 'application/pdf', buffer: pdf });
	await upload.getByRole('button', { name: 'Upload' }).click();
	await expect(page.getByText('Credentials received (note-verbale.pdf)')).toBeVisible();

	await page.getByRole('button', { name: 'Submit the delegation' }).click();
	await expect(page.getByText('The delegation is submitted')).toBeVisible();

	const s = await staffPage(browser);
	await s.goto('/admin/meetings/14msp/registrations?q=&organizationId=');
	await s.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Ghana' });
	await s.getByRole('button', { name: 'Filter' }).click();
	await expect(s.getByRole('caption')).toHaveText('3 registrations');
	await s.getByLabel('Select all').check();
	await s.getByRole('button', { name: 'Approve selected' }).click();
	await expect(s.getByText('Approved 3.')).toBeVisible();

	const badges = await s.request.get('/admin/meetings/14msp/badges.pdf');
	expect(badges.status()).toBe(200);
	expect(badges.headers()['content-type']).toBe('application/pdf');
	expect((await badges.body()).subarray(0, 5).toString()).toBe('%PDF-');

	await s.goto('/admin/audit?action=registration.approve');
	await expect(s.getByRole('cell', { name: 'registration.approve' }).first()).toBeVisible();

	const anon = await browser.newPage();
	await anon.goto('/meetings/14msp/participants');
	const ghana = anon.locator('section', { hasText: 'Ghana' });
	await expect(ghana.getByText('Kwame Mensah')).toBeVisible();
	await expect(ghana.getByText('Ama Owusu')).toBeVisible();
	await expect(anon.getByText('Kofi Boateng')).toHaveCount(0);
	const list = await anon.request.get('/meetings/14msp/participants.pdf');
	expect(list.headers()['content-type']).toBe('application/pdf');
});

test('nobody opens another delegation’s registration', async ({ browser }) => {
	const a = await delegate(browser, 'Owner', 'One');
	await a.page.goto('/meetings/14msp/register');
	await a.page.getByLabel('State or organisation').selectOption({ label: 'Chile' });
	await a.page.getByLabel('Role in the delegation').selectOption('member');
	await a.page.getByRole('button', { name: 'Register' }).click();
	await expect(a.page).toHaveURL(/\/registrations\/\d+/);
	const url = a.page.url();

	const b = await delegate(browser, 'Other', 'Two');
	const res = await b.page.goto(url);
	expect(res?.status()).toBe(404);
	const badge = await b.page.request.get(`${url}/badge.pdf`);
	expect(badge.status()).toBe(404);
	const anon = await browser.newPage();
	await anon.goto(url);
	await expect(anon).toHaveURL(/\/login\?redirectTo=/);
});
