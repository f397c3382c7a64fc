import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientAddress, latestMail, logIn, staff, uniqueEmail } from './helpers';

const PASSWORD = 'hand-offs e2e password';
const ISU = 'isu-staff@example.org';

async function delegate(browser: Browser): Promise<{ page: Page; email: string }> {
	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	const email = uniqueEmail('chad');
	await s.goto('/admin/users');
	const invite = s.locator('form[action="?/invite"]');
	await invite.getByLabel('E-mail address').fill(email);
	await invite.getByLabel('Role').selectOption('delegate');
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(s.getByText(`Invitation sent to ${email}`)).toBeVisible();
	await s.context().close();
	const mail = await latestMail(browser, email);
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await page.goto(mail.links.find((l) => l.includes('/invite/'))!);
	await page.getByLabel('Given name').fill('Khadija');
	await page.getByLabel('Family name').fill('Oumar');
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Repeat the password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to CCM Meetings' })).toBeVisible();
	return { page, email };
}

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${page.url()} ${v.id}: ${v.help}`);
}

test('a delegate of a state with no focal point: staff confirm and endorse her, offers go early with a reason, she accepts and staff see the answer', async ({
	browser
}) => {
	test.slow();
	const { page: a, email } = await delegate(browser);
	await a.goto('/meetings/14msp/register');
	await a.getByLabel('State or organisation').selectOption({ label: 'Chad' });
	// Only the focal point or the ISU names a head: the form says so at the field, and keeps the input.
	await a.getByLabel('Role in the delegation').selectOption('head');
	await a.getByRole('button', { name: 'Register' }).click();
	await expect(a.locator('#f-role-error')).toContainText('Only your focal point or the ISU');
	await a.getByLabel('Role in the delegation').selectOption('member');
	await a.getByRole('button', { name: 'Register' }).click();
	await expect(a).toHaveURL(/\/registrations\/\d+/);
	const registrationId = /\/registrations\/(\d+)/.exec(a.url())![1];

	// Chad has no focal point: the ISU is asked to confirm her, with a link to the registration.
	const ask = await latestMail(browser, ISU);
	expect(ask.subject).toBe('14MSP: confirm a new member of the delegation of Chad');
	expect(ask.links.some((l) => l.endsWith(`/admin/registrations/${registrationId}`))).toBe(true);

	const s = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(s, staff.email, staff.password);
	await s.goto(`/admin/registrations/${registrationId}`);
	await s.getByRole('button', { name: 'Confirm as a member of the delegation' }).click();
	await expect(s.getByText('Confirmed as a member of the delegation')).toBeVisible();

	await a.goto('/meetings/14msp/sponsorship');
	await a.getByLabel('Estimated economy airfare (CHF)').fill('900');
	await a.getByLabel('Nights in Geneva').fill('4');
	await a.getByLabel(/responsible for implementing/).check();
	await a.getByLabel(/deliver a statement/).check();
	await a.getByRole('button', { name: 'Submit the application' }).click();
	await expect(a.getByText('Your application is submitted')).toBeVisible();
	expect((await latestMail(browser, email)).body).toContain('the ISU decides');

	// Staff endorse on Chad's behalf, with a reason.
	await s.goto('/admin/meetings/14msp/sponsorship');
	const card = s.locator('form[action="?/endorse"]').filter({ hasText: 'Khadija Oumar' });
	await card.getByRole('button', { name: /Record the decision/ }).click();
	await expect(card.locator('.error')).toContainText('reason');
	await card.getByLabel('Reason').fill('Note verbale of the Permanent Mission names her.');
	await card.getByRole('button', { name: /Record the decision/ }).click();
	await expect(s.getByText('Endorsed on the state’s behalf')).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);

	// Applications are still open: offers go only when staff confirm, with a reason.
	const offers = s.locator('form[action="?/offers"]');
	await offers.getByRole('button', { name: /Send offers/ }).click();
	await expect(s.getByText('Applications have not closed yet')).toBeVisible();
	await offers.getByLabel('Send before the closing date').check();
	await offers.getByLabel('Reason for sending early').fill('Visas for Geneva take eight weeks.');
	await offers.getByRole('button', { name: /Send offers/ }).click();
	await expect(s.getByText(/offers? sent/)).toBeVisible();

	const offer = await latestMail(browser, email);
	expect(offer.subject).toBe('14MSP: offer of sponsorship');
	expect(offer.body).toContain('Economy airfare: CHF 900.00');
	expect(offer.body).toMatch(/× 4 nights = CHF/);
	expect(offer.body).toContain('What happens next');

	await a.goto('/meetings/14msp/sponsorship');
	await expect(a.getByText('Economy airfare: CHF 900.00')).toBeVisible();
	await expect(a.getByText('Decided by the ISU on behalf of Chad')).toBeVisible();
	expect(await seriousViolations(a)).toEqual([]);
	await a.screenshot({ path: 'test-results/hand-offs-offer.png', fullPage: true });
	await a.getByRole('button', { name: 'Accept the offer' }).click();
	await expect(a.getByText('you have accepted the offer')).toBeVisible();

	// Both sides hear of the answer; staff see it in the ranking.
	expect((await latestMail(browser, email)).subject).toBe('14MSP: you accepted the offer of sponsorship');
	const told = await latestMail(browser, ISU);
	expect(told.subject).toBe('14MSP: offer of sponsorship accepted (Chad)');
	expect(told.links.some((l) => l.endsWith('/admin/meetings/14msp/sponsorship'))).toBe(true);
	await s.goto('/admin/meetings/14msp/sponsorship');
	await expect(s.getByRole('row', { name: /Khadija Oumar/ })).toContainText('Status: accepted');
	await s.screenshot({ path: 'test-results/hand-offs-staff.png', fullPage: true });
});
