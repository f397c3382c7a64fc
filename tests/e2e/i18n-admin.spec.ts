import { expect, test } from '@playwright/test';
import { clientAddress, logIn, seriousViolations, staff } from './helpers';

// The staff area outside one meeting, in French and Spanish (issue 14): headings, links that stay in the language,
// a refused form with its message at the field, and axe in each locale.

const HEADINGS: Record<string, { fr: string; es: string }> = {
	'/admin': { fr: 'Espace du personnel', es: 'Área del personal' },
	'/admin/meetings': { fr: 'Réunions', es: 'Reuniones' },
	'/admin/meetings/new': { fr: 'Nouvelle réunion', es: 'Nueva reunión' },
	'/admin/follow-up': { fr: 'Suivi', es: 'Seguimiento' },
	'/admin/sponsorship/criteria': { fr: 'Critères de parrainage', es: 'Criterios de patrocinio' },
	'/admin/organizations': { fr: 'États et organisations', es: 'Estados y organizaciones' },
	'/admin/users': { fr: 'Personnes et rôles', es: 'Personas y funciones' },
	'/admin/outbox': { fr: 'Messages sortants', es: 'Bandeja de salida' },
	'/admin/audit': { fr: 'Journal d’audit', es: 'Registro de auditoría' }
};

for (const locale of ['fr', 'es'] as const) {
	test(`the staff pages speak ${locale}, keep their links in ${locale} and pass axe (half of them in each language)`, async ({ browser }) => {
		// Ten pages with axe each: minutes on a busy 2-core machine.
		test.setTimeout(300_000);
		const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
		await logIn(page, staff.email, staff.password);
		const problems: string[] = [];
		// axe on every other page in each language (same markup, other words): each page is checked once beyond
		// English (staff-a11y.spec.ts) without running axe twice on the same template.
		for (const [i, [path, h1]] of Object.entries(HEADINGS).entries()) {
			const res = await page.goto(`/${locale}${path}`);
			expect(res?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1[locale]);
			if (i % 2 === (locale === 'fr' ? 0 : 1)) problems.push(...(await seriousViolations(page)));
		}
		// One state's facts page, reached from the list: the link stays in the language.
		await page.goto(`/${locale}/admin/organizations`);
		const state = page.locator(`main table a[href^="/${locale}/admin/organizations/"]`).first();
		await state.click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/admin/organizations/\\d+$`));
		await expect(page.getByRole('heading', { level: 2, name: locale === 'fr' ? 'Entrées datées' : 'Entradas fechadas' })).toBeVisible();
		problems.push(...(await seriousViolations(page)));
		expect(problems).toEqual([]);

		// The staff area's own navigation leads to pages in the same language.
		const nav = page.getByRole('navigation', { name: locale === 'fr' ? 'Espace du personnel' : 'Área del personal' });
		await expect(nav.getByRole('link')).toHaveCount(8);
		for (const href of await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
			expect(href).toMatch(new RegExp(`^/${locale}/admin`));
		}
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a new meeting that ends before it starts is refused in French, at the field, with the input kept', async ({ page }) => {
		test.slow();
		await logIn(page, staff.email, staff.password);
		await page.goto('/fr/admin/meetings/new');
		const form = page.locator('form.meeting-form');
		const code = `FR${Date.now().toString(36).slice(-6).toUpperCase()}`;
		await form.locator('[name=code]').fill(code);
		await form.locator('[name=title]').fill(`Réunion à l’envers ${code}`);
		await form.locator('[name=kind]').selectOption('workshop');
		await form.locator('[name=start_date]').fill('2031-06-12');
		await form.locator('[name=end_date]').fill('2031-06-10');
		await form.evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByRole('button', { name: 'Créer la réunion' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle réunion');
		await expect(page.getByText('Rien n’a été enregistré : corrigez les champs indiqués ici.')).toBeVisible();
		const lastDay = page.getByLabel('Dernier jour');
		await expect(lastDay).toHaveAttribute('aria-invalid', 'true');
		await expect(lastDay).toHaveAccessibleDescription('La date de fin ne peut pas précéder la date de début.');
		await expect(lastDay).toHaveValue('2031-06-10');
		await expect(page.getByLabel('Titre', { exact: true })).toHaveValue(`Réunion à l’envers ${code}`);

		// Put right, the meeting is created and staff land on its page, still in French.
		await lastDay.fill('2031-06-13');
		await page.getByRole('button', { name: 'Créer la réunion' }).click();
		await expect(page).toHaveURL(new RegExp(`/fr/admin/meetings/${code.toLowerCase()}\\?created=1$`));
	});
});
