import { expect, test } from '@playwright/test';
import { seriousViolations, staffPage } from './helpers';

// The staff pages of one meeting (part admin-meeting) in French and Spanish: headings, a refusal at its field, axe.

// The 14MSP has registrations and sponsorship; the 9MSP an agenda, a programme and documents.
const PAGES = [
	'14msp',
	'14msp/registrations',
	'14msp/check-in',
	'14msp/delegations',
	'14msp/delegations/list',
	'14msp/sponsorship',
	'14msp/visa-letters',
	'14msp/invitations',
	'9msp/decisions',
	'9msp/agenda',
	'9msp/programme',
	'9msp/documents'
];

test('the staff meeting page, its registrations and the sponsorship ranking speak French', async ({ browser }) => {
	test.slow();
	const page = await staffPage(browser);

	await page.goto('/fr/admin/meetings/14msp');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByText('Statut :')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Détails' })).toBeVisible();
	await expect(page.getByRole('heading', { name: "Lettres d'invitation pour les visas" })).toBeVisible();
	// The links stay in French.
	await expect(page.getByRole('link', { name: 'Inscriptions', exact: true })).toHaveAttribute('href', '/fr/admin/meetings/14msp/registrations');

	await page.getByRole('link', { name: 'Inscriptions', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscriptions à la 14MSP');
	await expect(page).toHaveTitle(/^Inscriptions à la 14MSP · Espace du personnel · /);
	await expect(page.getByRole('button', { name: 'Approuver la sélection' })).toBeVisible();
	await expect(page.getByRole('table').locator('caption')).toHaveText(/^\d+ inscriptions?$/);

	await page.goto('/fr/admin/meetings/14msp/sponsorship');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parrainage pour la 14MSP');
	await expect(page.getByRole('heading', { name: 'Classement' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Paramètres du Programme' })).toBeVisible();
	await expect(page.getByLabel('Indemnité journalière de subsistance (CHF par nuit)')).toBeVisible();
	await page.screenshot({ path: 'test-results/i18n-admin-meeting-sponsorship-fr.png', fullPage: true });

	// Decisions and tasks, and an outcome's own page, reached from there.
	await page.goto('/fr/admin/meetings/9msp/decisions');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Décisions et tâches de la 9MSP');
	await expect(page.getByRole('heading', { name: 'Enregistrer un résultat' })).toBeVisible();
	await page
		.getByRole('link', { name: /^Modifier ou supprimer / })
		.first()
		.click();
	await expect(page).toHaveURL(/\/fr\/admin\/outcomes\/\d+$/);
	await expect(page.getByRole('heading', { name: 'Supprimer ce résultat' })).toBeVisible();

	// A desk refusal, in French.
	await page.goto('/fr/admin/meetings/14msp/check-in');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accueil des participants à la 14MSP');
	await page.getByLabel('Code du badge').fill('pas-un-code');
	await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
	await expect(page.getByText("Ce n'est pas un code de badge. Vérifiez les caractères sous le code QR.")).toBeVisible();
	await page.context().close();
});

test('the Spanish agenda editor refuses a duplicate number at the field, in Spanish, without JavaScript, keeping the input', async ({ browser }) => {
	const staff = await staffPage(browser);
	// Logged in with JavaScript (the helper); the same session in a context without it.
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(await staff.context().cookies());
	await staff.context().close();
	const page = await context.newPage();

	await page.goto('/es/admin/meetings/9msp/agenda');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programa de la 9MSP');
	await expect(page.getByRole('heading', { name: 'Importar un programa provisional' })).toBeVisible();
	await page.getByRole('link', { name: 'Editar el tema 1', exact: true }).click();
	await page.getByLabel('Número').fill('2');
	await page.getByRole('button', { name: 'Guardar el tema' }).click();

	const message = 'Otro tema ya lleva el número 2.';
	await expect(page.locator('[data-error-summary]')).toContainText(message);
	await expect(page.getByLabel('Número')).toHaveAccessibleDescription(new RegExp(message.replace(/\./g, '\\.')));
	await expect(page.getByLabel('Número')).toHaveValue('2');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await page.screenshot({ path: 'test-results/i18n-admin-meeting-agenda-es.png', fullPage: true });
	await context.close();
});

for (const locale of ['fr', 'es'] as const) {
	test(`the meeting's staff pages answer in ${locale}, and axe finds nothing serious on half of them (the other half in the other language)`, async ({
		browser
	}) => {
		test.setTimeout(300_000);
		const page = await staffPage(browser);
		const problems: string[] = [];
		// Every page in both languages; axe on every other one in each (same markup, other words), so that each page
		// is checked once beyond English (staff-a11y.spec.ts) without running axe twice on the same template.
		for (const [i, path] of PAGES.entries()) {
			const res = await page.goto(`/${locale}/admin/meetings/${path}`);
			expect(res?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			if (i % 2 === (locale === 'fr' ? 0 : 1)) problems.push(...(await seriousViolations(page)));
		}
		expect(problems).toEqual([]);
		await page.context().close();
	});
}
