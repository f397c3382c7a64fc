import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';

const PASSWORD = 'sponsorship e2e password';

async function invited(browser: Browser, role: 'focal_point' | 'cc_member' | 'delegate', organisation?: string): Promise<{ page: Page; email: string }> {
	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	const email = uniqueEmail(role.replace('_', ''));
	await s.goto('/admin/users');
	const invite = s.locator('form[action="?/invite"]');
	await invite.getByLabel('E-mail address').fill(email);
	await invite.getByLabel('Role').selectOption(role);
	if (organisation) await invite.getByLabel('Organization').selectOption({ label: organisation });
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(s.getByText(`Invitation sent to ${email}`)).toBeVisible();
	await s.context().close();
	const mail = await latestMail(browser, email);
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await page.goto(mail.links.find((l) => l.includes('/invite/'))!);
	await page.getByLabel('Given name').fill(role === 'delegate' ? 'Souk' : 'Test');
	await page.getByLabel('Family name').fill(role === 'delegate' ? 'Phommachanh' : role);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to CCM Meetings' })).toBeVisible();
	return { page, email };
}

test('apply → focal point endorses → staff send offers → offer e-mail → accept; the Committee only reads', async ({ browser }) => {
	// Four accounts are invited and log in (argon2 each time): over 30 s on a busy machine.
	test.slow();
	// The applicant registers for the demo meeting in the delegation of Lao PDR, then applies.
	const applicant = await invited(browser, 'delegate');
	const a = applicant.page;
	await a.goto('/meetings/14msp/register');
	await a.getByLabel('State or organisation').selectOption({ label: "Lao People's Democratic Republic" });
	await a.getByLabel('Role in the delegation').selectOption('member');
	await a.getByRole('button', { name: 'Register' }).click();
	await expect(a).toHaveURL(/\/registrations\/\d+/);
	// A self-registration counts for the state once its focal point confirms the person (issue 12).
	const fp = await invited(browser, 'focal_point', "Lao People's Democratic Republic");
	await fp.page.goto('/meetings/14msp/delegation');
	await fp.page.getByRole('button', { name: /Confirm as member.*Souk Phommachanh/ }).click();
	await expect(fp.page.getByText('Confirmed as a member of the delegation')).toBeVisible();

	await a.goto('/meetings/14msp/sponsorship');
	// Let the server judge bad input (the browser would stop 30 nights itself).
	await a.locator('form[action="?/save"]').evaluate((f) => f.setAttribute('novalidate', ''));
	await a.getByLabel('Estimated economy airfare (CHF)').fill('-5');
	await a.getByLabel('Nights in Geneva').fill('30');
	await a.getByRole('button', { name: 'Submit the application' }).click();
	await expect(a.locator('#f-airfare-error')).toContainText('positive amount');
	await a.getByLabel('Estimated economy airfare (CHF)').fill('1450.50');
	await a.getByRole('button', { name: 'Submit the application' }).click();
	await expect(a.locator('#f-nights-error')).toContainText('At most');
	await a.getByLabel('Nights in Geneva').fill('5');
	await a.getByLabel(/responsible for implementing/).check();
	await a.getByLabel(/deliver a statement/).check();
	await a.getByRole('button', { name: 'Submit the application' }).click();
	await expect(a.getByText('Your application is submitted')).toBeVisible();
	await expect(a.getByText('awaiting your focal point')).toBeVisible();

	await fp.page.goto('/meetings/14msp/delegation');
	await fp.page.getByRole('button', { name: 'Endorse Souk Phommachanh', exact: true }).click();
	await expect(fp.page.getByText('Application endorsed.')).toBeVisible();

	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	await s.goto('/admin/meetings/14msp/sponsorship');
	const row = s.getByRole('row', { name: /Souk Phommachanh/ });
	await expect(row).toContainText("Lao People's Democratic Republic");
	await expect(row).toContainText('Funded');
	// Applications are still open in the demo: sending now needs staff to say so, with a reason.
	await s.getByLabel('Send before the closing date').check();
	await s.getByLabel('Reason for sending early').fill('End-to-end test of the offer.');
	await s.getByRole('button', { name: /Send offers/ }).click();
	await expect(s.getByText(/offers? sent/)).toBeVisible();

	const mail = await latestMail(browser, applicant.email);
	expect(mail.subject).toBe('14MSP: offer of sponsorship');
	expect(mail.body).toContain('CHF');

	await a.goto('/meetings/14msp/sponsorship');
	await expect(a.getByText('Offer made: please answer')).toBeVisible();
	await a.getByRole('button', { name: 'Accept the offer' }).click();
	await expect(a.getByText('you have accepted the offer')).toBeVisible();

	// The Committee sees the ranking and the criteria in force, and nothing to change.
	const cc = await invited(browser, 'cc_member');
	await cc.page.goto('/committee/meetings/14msp/sponsorship');
	await expect(cc.page.getByRole('row', { name: /Souk Phommachanh/ })).toBeVisible();
	await expect(cc.page.getByText(/Criteria version \d+/)).toBeVisible();
	await expect(cc.page.locator('main form[method="POST"]')).toHaveCount(0);
	expect((await cc.page.goto('/admin/meetings/14msp/sponsorship'))?.status()).toBe(403);
	const post = await cc.page.request.post('/admin/meetings/14msp/sponsorship?/offers', { headers: { origin: new URL(cc.page.url()).origin }, form: {} });
	expect(post.status()).toBe(403);
	await cc.page.goto('/committee/meetings/14msp/sponsorship/report');
	await expect(cc.page.getByRole('heading', { level: 1 })).toContainText('report', { ignoreCase: true });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('staff set when applications open and close, on the meeting’s clock; a close before the opening is refused at the field', async ({ browser }) => {
		const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress(), javaScriptEnabled: false })).newPage();
		await logIn(s, staff.email, staff.password);
		await s.goto('/admin/meetings/14msp/sponsorship');
		const settings = s.locator('form[action="?/settings"]');
		const budget = await settings.getByLabel('Budget (CHF)').inputValue();
		await settings.getByLabel('Applications open').fill('2031-01-10T09:00');
		await settings.getByLabel('Applications close').fill('2031-01-05T18:00');
		await settings.getByRole('button', { name: 'Save settings' }).click();
		await expect(settings.getByText('Applications must close after they open.')).toBeVisible();
		// Also listed at the top of the page, linked to the field.
		await expect(s.locator('[data-error-summary]').getByRole('link', { name: 'Applications must close after they open.' })).toHaveAttribute(
			'href',
			'#f-closes'
		);
		await expect(settings.getByLabel('Applications open')).toHaveValue('2031-01-10T09:00');
		await expect(settings.getByLabel('Budget (CHF)')).toHaveValue(budget);
		// Nothing was saved: the programme still opens at once (both fields empty again on a fresh load).
		await s.goto('/admin/meetings/14msp/sponsorship');
		await expect(settings.getByLabel('Applications open')).toHaveValue('');
		await settings.getByRole('button', { name: 'Save settings' }).click();
		await expect(s.getByText(/Programme settings saved\. Applications are open/)).toBeVisible();
		await s.context().close();
	});
});

test.describe('criteria without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('staff switch on the priority-region criterion: refused until a region is ticked, then saved as a new version', async ({ browser }) => {
		const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress(), javaScriptEnabled: false })).newPage();
		await logIn(s, staff.email, staff.password);
		await s.goto('/admin/sponsorship/criteria');
		const version = Number(/Version (\d+) is in force/.exec((await s.locator('main p').first().textContent())!)![1]);
		// (Numbers out of range are stopped by the browser — min/max — and by readParams on the server, unit-tested.)
		await s.getByLabel('Weight of Priority region').fill('10');
		await s.getByLabel('Deadline within (months)').fill('18');
		await s.getByRole('button', { name: 'Save as a new version' }).click();
		await expect(s.getByRole('alert')).toContainText('tick at least one priority region');
		await expect(s.getByLabel('Weight of Priority region')).toHaveValue('10');
		await expect(s.getByLabel('Deadline within (months)')).toHaveValue('18');
		await s.getByLabel('Deadline within (months)').fill('24');

		const regions = s.getByRole('group', { name: 'Priority regions' });
		await regions.getByRole('checkbox', { name: 'Africa' }).check();
		await s.getByLabel('Weight of Priority region').fill('10');
		await s.getByRole('button', { name: 'Save as a new version' }).click();
		await expect(s.getByText(`Saved as version ${version + 1}.`)).toBeVisible();
		await s.goto('/admin/sponsorship/criteria');
		await expect(s.getByRole('group', { name: 'Priority regions' }).getByRole('checkbox', { name: 'Africa' })).toBeChecked();
		await expect(s.getByLabel('Weight of Priority region')).toHaveValue('10');

		// Back to the proposal's values, so the other tests rank as before.
		await s.getByRole('group', { name: 'Priority regions' }).getByRole('checkbox', { name: 'Africa' }).uncheck();
		await s.getByLabel('Weight of Priority region').fill('0');
		await s.getByRole('button', { name: 'Save as a new version' }).click();
		await expect(s.getByText(`Saved as version ${version + 2}.`)).toBeVisible();
		await s.context().close();
	});
});
