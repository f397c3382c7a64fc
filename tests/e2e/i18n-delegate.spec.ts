import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientAddress, focalPoint, latestMail, logIn, seriousViolations, staffPage, uniqueEmail } from './helpers';

// What delegates and focal points use, in French and Spanish (issue 14). Fields drawn by the shared PersonFields are
// found by name: their labels are another part's messages.
const PASSWORD = 'i18n delegate e2e password';

/** A confirmed delegate account, logged in on the page it returns. */
async function delegate(browser: Browser, given: string, family: string): Promise<{ page: Page; email: string }> {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const email = uniqueEmail(
		given
			.normalize('NFD')
			.replace(/[^A-Za-z]/g, '')
			.toLowerCase()
	);
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

async function expectAxeClean(page: Page) {
	expect(await seriousViolations(page)).toEqual([]);
}

test('a delegate registers in French: the form, a refused field in French, then “Mes réunions” in French', async ({ browser }) => {
	test.slow();
	const { page } = await delegate(browser, 'Aminata', 'Ouédraogo');
	await page.goto('/fr/meetings/14msp/register');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('S’inscrire à la réunion 14MSP');
	await expect(page.getByText('Inscrivez-vous en tant que membre de votre délégation.')).toBeVisible();
	await expectAxeClean(page);

	// The server judges: a bad telephone number and no state are refused, in French, at their fields.
	await page.locator('form.narrow').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.locator('input[name="phone"]').fill('appelez-moi');
	await page.locator('input[name="position"]').fill('Conseillère');
	await page.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(page.locator('#f-phone-error')).toContainText('Utilisez uniquement des chiffres');
	await expect(page.locator('#f-organization_id-error')).toContainText('Choisissez votre État ou votre organisation');
	await expect(page.locator('#f-role-error')).toContainText('Choisissez une fonction');
	await expect(page.locator('input[name="position"]')).toHaveValue('Conseillère');
	await expect(page).toHaveURL(/\/fr\/meetings\/14msp\/register/);
	await expectAxeClean(page);

	await page.locator('input[name="phone"]').fill('+226 25 30 00 00');
	await page.locator('select[name="organization_id"]').selectOption({ label: 'Burkina Faso' });
	await page.locator('select[name="role"]').selectOption('adviser');
	await page.getByRole('button', { name: 'S’inscrire' }).click();
	await expect(page).toHaveURL(/\/fr\/registrations\/\d+\?new=1$/);
	await expect(page.getByText('votre inscription a bien été reçue')).toBeVisible();
	await expect(page.getByText('En attente d’approbation')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscription\u00a0: Aminata Ouédraogo');
	await expectAxeClean(page);
	// A letter of invitation waits for the approval: the page says so in French.
	await page.goto(page.url().replace(/\?new=1$/, '/visa-letter'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lettre d’invitation pour un visa');
	await expect(page.getByText('Une lettre d’invitation n’est délivrée que pour une inscription approuvée.')).toBeVisible();
	await expectAxeClean(page);

	await page.getByRole('link', { name: 'Mes réunions' }).click();
	await expect(page).toHaveURL(/\/fr\/account\/meetings$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes réunions');
	const reg = page.getByRole('article').filter({ hasText: '14MSP' });
	await expect(reg.getByText('En attente d’approbation')).toBeVisible();
	await expect(reg.getByText('Burkina Faso, conseiller')).toBeVisible();
	await expect(reg.getByRole('link', { name: 'Attendre l’approbation de l’ISU' })).toHaveAttribute('href', /^\/fr\/registrations\/\d+$/);
	await expectAxeClean(page);
});

test('a sponsorship application in Spanish: the focal point confirms the member, a refused field in Spanish, submitted', async ({ browser }) => {
	test.slow();
	const { page: a } = await delegate(browser, 'Lucía', 'Xicará');
	await a.goto('/es/meetings/14msp/register');
	await expect(a.getByRole('heading', { level: 1 })).toHaveText('Inscribirse en la reunión 14MSP');
	await a.locator('select[name="organization_id"]').selectOption({ label: 'Guatemala' });
	await a.locator('select[name="role"]').selectOption('member');
	await a.getByRole('button', { name: 'Inscribirse' }).click();
	await expect(a).toHaveURL(/\/es\/registrations\/\d+\?new=1$/);

	// A self-registration counts for the state once its focal point confirms it: on the delegation page, in Spanish.
	const fp = await focalPoint(browser, 'Guatemala', PASSWORD);
	await fp.page.goto('/es/meetings/14msp/delegation');
	await expect(fp.page.getByRole('heading', { level: 1 })).toHaveText('Delegación: Guatemala');
	await expect(fp.page.getByRole('cell', { name: 'inscrito: a la espera de su confirmación' })).toBeVisible();
	await expectAxeClean(fp.page);
	await fp.page.getByRole('button', { name: /Confirmar como miembro.*Lucía Xicará/ }).click();
	await expect(fp.page.getByText('Confirmado como miembro de la delegación')).toBeVisible();
	await fp.page.context().close();

	await a.goto('/es/meetings/14msp/sponsorship');
	await expect(a.locator('html')).toHaveAttribute('lang', 'es');
	await expect(a.getByRole('heading', { level: 1 })).toHaveText('Patrocinio');
	await expect(a.getByText('El Programa de Patrocinio sufraga un pasaje aéreo')).toBeVisible();
	await expectAxeClean(a);
	await a.locator('form[action="?/save"]').evaluate((f) => f.setAttribute('novalidate', ''));
	await a.getByLabel('Costo estimado del pasaje aéreo en clase económica (CHF)').fill('-5');
	await a.getByLabel('Noches en Ginebra').fill('5');
	await a.getByRole('button', { name: 'Presentar la solicitud' }).click();
	await expect(a.locator('#f-airfare-error')).toContainText('Indique el pasaje como un importe positivo en CHF');
	await expect(a.getByLabel('Noches en Ginebra')).toHaveValue('5');
	await expectAxeClean(a);

	await a.getByLabel('Costo estimado del pasaje aéreo en clase económica (CHF)').fill('1450.50');
	await a.getByLabel(/Soy responsable de la aplicación de la Convención/).check();
	await a.getByRole('button', { name: 'Presentar la solicitud' }).click();
	await expect(a.getByText('Su solicitud ha sido presentada.')).toBeVisible();
	await expect(a.getByText('Presentada; en examen, a la espera de su punto focal')).toBeVisible();
	await expect(a.getByRole('button', { name: 'Retirar mi solicitud' })).toBeVisible();
	await expectAxeClean(a);

	// "Mis reuniones" names the sponsorship's state in Spanish.
	await a.goto('/es/account/meetings');
	await expect(a.getByRole('article').filter({ hasText: '14MSP' }).getByText('Presentada', { exact: true })).toBeVisible();
});

test('the Coordination Committee’s pages in French and Spanish, axe clean', async ({ browser }) => {
	const s = await staffPage(browser);
	for (const [path, heading] of [
		['/fr/committee', 'Comité de coordination'],
		['/es/committee', 'Comité de Coordinación'],
		['/fr/committee/meetings/14msp/sponsorship', 'Classement des demandes de parrainage pour la réunion 14MSP'],
		['/es/committee/meetings/14msp/sponsorship/report', /^Informe de patrocinio: /],
		['/fr/account/tasks', 'Mes tâches']
	] as const) {
		expect((await s.goto(path))?.status(), path).toBe(200);
		await expect(s.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAxeClean(s);
	}
	// Money in the Spanish report is written as Spanish writes it: "150.000,00 CHF", not "CHF 150,000.00".
	await s.goto('/es/committee/meetings/14msp/sponsorship/report');
	await expect(s.getByRole('row', { name: /^Presupuesto / })).toContainText(/\d,\d\d\s?CHF/);
	await s.context().close();
});
