import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { clientAddress, latestMail, logIn, seriousViolations, staffPage, uniqueEmail } from './helpers';

const PASSWORD = 'parcours en français';

// Fields are found by their names, not their labels: the labels of these pages speak the page's language.
test('a delegate signs up, registers and prints the badge in French; the outbox says which language each mail is in', async ({ browser }) => {
	// Three accounts and a PDF on a loaded machine.
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const email = uniqueEmail('amadou');

	await page.goto('/fr/signup');
	const signup = page.locator('main form[method="POST"]').last();
	await signup.locator('[name="given_name"]').fill('Amadou');
	await signup.locator('[name="family_name"]').fill('Ouédraogo');
	await signup.locator('[name="email"]').fill(email);
	await signup.locator('[name="password"]').fill(PASSWORD);
	await signup.locator('[name="password_confirm"]').fill(PASSWORD);
	await signup.locator('button[type="submit"]').click();
	await page.waitForURL(/\/signup\/check-email/);

	// The verification mail is written in the language of the page signed up on, and its link stays in French.
	const verify = await latestMail(browser, email);
	expect(verify.subject).toBe('Confirmez votre adresse électronique pour CCM Meetings');
	expect(verify.body).toContain('Veuillez confirmer votre adresse électronique');
	expect(verify.body).toContain("Unité d'appui à l'application de la Convention sur les armes à sous-munitions");
	const link = verify.links.find((l) => l.includes('/verify/'))!;
	expect(new URL(link).pathname).toMatch(/^\/fr\/verify\//);
	await page.goto(link);
	await page.locator('main form button[type="submit"]').click();
	await expect(page.locator('main a.button')).toBeVisible();
	await logIn(page, email, PASSWORD);

	await page.goto('/fr/meetings/14msp/register');
	const form = page.locator('form.narrow');
	await form.locator('[name="organization_id"]').selectOption({ label: 'Burkina Faso' });
	await form.locator('[name="gender"]').selectOption('male');
	await form.locator('[name="role"]').selectOption('adviser');
	await form.locator('button[type="submit"]').click();
	await page.waitForURL(/\/registrations\/\d+\?new=1$/);
	const registration = new URL(page.url()).pathname.match(/\/registrations\/(\d+)/)![1];
	const received = await latestMail(browser, email);
	expect(received.subject).toBe('14MSP : inscription reçue');

	const s = await staffPage(browser);
	await s.goto(`/admin/meetings/14msp/registrations?q=${encodeURIComponent(email)}`);
	await expect(s.getByRole('caption')).toHaveText('1 registration');
	await s.getByLabel('Select all').check();
	await s.getByRole('button', { name: 'Approve selected' }).click();
	await expect(s.getByText('Approved 1.')).toBeVisible();

	const approved = await latestMail(browser, email);
	expect(approved.subject).toBe('14MSP : inscription approuvée');
	expect(approved.links.some((l) => new URL(l).pathname === `/fr/registrations/${registration}`)).toBe(true);

	// The badge, asked for from the French page, has its category band in French.
	const pdf = await page.request.get(`/fr/registrations/${registration}/badge.pdf`);
	expect(pdf.status()).toBe(200);
	const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() }).toString();
	expect(text).toContain('ÉTAT PARTIE');
	expect(text).toContain('Conseiller·ère');
	expect(text).not.toContain('STATE PARTY');

	// Staff see the language of each message; the French outbox passes axe.
	await s.goto(`/fr/admin/outbox?to=${encodeURIComponent(email)}`);
	await expect(s.getByRole('row').nth(1).getByRole('cell', { name: 'Français' })).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/i18n-outbox-fr.png', fullPage: true });
	await s.getByRole('row').nth(1).getByRole('link').click();
	await expect(s.locator('pre.mail')).toHaveAttribute('lang', 'fr');
	expect(await seriousViolations(s)).toEqual([]);
	await s.screenshot({ path: 'test-results/i18n-outbox-message-fr.png', fullPage: true });
});

test('the outcome editing page speaks French and Spanish and passes axe in each', async ({ browser }) => {
	test.slow();
	const s = await staffPage(browser);
	await s.goto('/admin/meetings/9msp/decisions');
	const href = await s.locator('a[href^="/admin/outcomes/"]').first().getAttribute('href');
	for (const [locale, heading, button] of [
		['fr', /^Modifier /, 'Enregistrer les modifications'],
		['es', /^Editar /, 'Guardar los cambios']
	] as const) {
		await s.goto(`/${locale}${href}`);
		await expect(s.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(s.getByRole('button', { name: button })).toBeVisible();
		expect(await seriousViolations(s)).toEqual([]);
		await s.screenshot({ path: `test-results/i18n-outcome-${locale}.png`, fullPage: true });
	}
	// Saved in French: the notice is French and the page stays French.
	await s.goto(`/fr${href}`);
	await s.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(s.getByText(/ enregistré\.$/)).toBeVisible();
	expect(new URL(s.url()).pathname.startsWith('/fr/')).toBe(true);
});
