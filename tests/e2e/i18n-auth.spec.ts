import { expect, test } from '@playwright/test';
import { clientAddress, seriousViolations, uniqueEmail } from './helpers';

// The pages of the auth part (home, sign-up, log in, the shared error summary and fields) in French and Spanish.
// axe needs JavaScript: it runs on the pages opened with JavaScript on.

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, extraHTTPHeaders: clientAddress() });

	test('a French sign-up with a bad address is refused in French, at the field and in the summary, and stays French', async ({ page }) => {
		await page.goto('/fr/signup');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await page.getByLabel('Prénom').fill('Aminata');
		await page.getByLabel('Nom de famille').fill('Diallo');
		// The browser takes "aminata@example" as an address; the server wants a domain with a dot.
		await page.getByLabel('Adresse électronique').fill('aminata@example');
		await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe assez long');
		await page.getByLabel('Répétez le mot de passe').fill('un mot de passe assez long');
		await page.getByRole('button', { name: 'Créer le compte' }).click();

		await expect(page).toHaveURL(/\/fr\/signup$/);
		const summary = page.locator('[data-error-summary]');
		await expect(summary.getByRole('heading', { name: 'Il y a un problème' })).toBeVisible();
		const french = 'Indiquez une adresse électronique valide, par exemple nom@example.org.';
		await expect(summary.getByRole('link')).toHaveText([french]);
		await expect(page.getByLabel('Adresse électronique')).toHaveAccessibleDescription(new RegExp(french.replace(/\./g, '\\.')));
		await expect(page.getByLabel('Adresse électronique')).toHaveValue('aminata@example');
		await expect(page).toHaveTitle(/^Erreur : Créer un compte · /);

		// Corrected, the account is made and the next page is French too.
		await page.getByLabel('Adresse électronique').fill(uniqueEmail('aminata'));
		await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe assez long');
		await page.getByLabel('Répétez le mot de passe').fill('un mot de passe assez long');
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page).toHaveURL(/\/fr\/signup\/check-email\?/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultez votre messagerie');
	});

	test('a Spanish log-in that fails says so in Spanish', async ({ page }) => {
		await page.goto('/es/login');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
		await expect(page).toHaveTitle(/^Iniciar sesión · /);
		await page.getByLabel('Dirección de correo electrónico').fill('nadie@example.org');
		await page.getByLabel('Contraseña').fill('no es la contraseña');
		await page.getByRole('button', { name: 'Iniciar sesión' }).click();
		const summary = page.locator('[data-error-summary]');
		await expect(summary.getByRole('heading', { name: 'Hay un problema' })).toBeVisible();
		await expect(summary).toContainText('Esa dirección de correo electrónico y esa contraseña no corresponden a ninguna cuenta.');
		await expect(page).toHaveTitle(/^Error: Iniciar sesión/);
		await expect(page.getByRole('link', { name: '¿Ha olvidado su contraseña?' })).toHaveAttribute('href', '/es/forgot-password');
	});
});

test('a French sign-up refused with JavaScript on speaks French in the summary and the title', async ({ browser }) => {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await page.goto('/fr/signup');
	await page.getByLabel('Prénom').fill('Aminata');
	await page.getByLabel('Nom de famille').fill('Diallo');
	await page.getByLabel('Adresse électronique').fill('aminata@example');
	await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe assez long');
	await page.getByLabel('Répétez le mot de passe').fill('un autre mot de passe long');
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	const summary = page.locator('[data-error-summary]');
	await expect(summary.getByRole('link')).toHaveText([
		'Indiquez une adresse électronique valide, par exemple nom@example.org.',
		'Les deux mots de passe ne correspondent pas.'
	]);
	await expect(summary).toBeFocused();
	await expect(page).toHaveTitle(/^Erreur : Créer un compte/);
	expect(await seriousViolations(page)).toEqual([]);
});

const PAGES: { path: string; heading: string; link?: [string, string] }[] = [
	{ path: '/fr', heading: 'Réunions de la Convention sur les armes à sous-munitions', link: ['Créer un compte', '/fr/signup'] },
	{ path: '/es', heading: 'Reuniones de la Convención sobre Municiones en Racimo', link: ['Crear una cuenta', '/es/signup'] },
	{ path: '/fr/login', heading: 'Se connecter', link: ['Mot de passe oublié ?', '/fr/forgot-password'] },
	{ path: '/es/signup', heading: 'Crear una cuenta', link: ['aviso de privacidad', '/es/privacy'] },
	{ path: '/fr/forgot-password', heading: 'Réinitialiser votre mot de passe' },
	{ path: '/es/privacy', heading: 'Aviso de privacidad', link: ['Mis reuniones', '/es/account/meetings'] },
	{ path: '/fr/verify/not-a-token', heading: 'Ce lien n’est pas valide', link: ['Se connecter', '/fr/login'] },
	{ path: '/es/invite/not-a-token', heading: 'Esta invitación no es válida' }
];

test('home, log-in, sign-up, privacy and link pages in French and Spanish: headings, links that stay in the language, axe clean', async ({ browser }) => {
	test.slow();
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	const problems: string[] = [];
	for (const p of PAGES) {
		const res = await page.goto(p.path);
		expect(res?.status(), p.path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 }), p.path).toHaveText(p.heading);
		await expect(page).toHaveTitle(new RegExp(`^${p.heading.replace(/[?.]/g, '\\$&')} · `));
		if (p.link) await expect(page.getByRole('main').getByRole('link', { name: p.link[0], exact: true }).first(), p.path).toHaveAttribute('href', p.link[1]);
		problems.push(...(await seriousViolations(page)));
	}
	expect(problems).toEqual([]);
});

test('a page that does not exist says so in the language of its address', async ({ page }) => {
	const res = await page.goto('/es/no-such-page');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
	await expect(page.getByRole('link', { name: 'Ir a la página de inicio' })).toHaveAttribute('href', '/es');
});

test('a page that needs an account sends a French visitor to the French log-in page', async ({ page }) => {
	await page.goto('/fr/account');
	await expect(page).toHaveURL(/\/fr\/login\?redirectTo=%2Ffr%2Faccount$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
});
