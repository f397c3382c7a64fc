import { expect, test, type Page } from '@playwright/test';
import { focalPoint, seriousViolations, tinyPdf } from './helpers';

// The public meeting and document pages in French and Spanish (issue 14): headings, dates and names in the page's
// language, links that stay in it, axe clean in each, a French refusal at its field, and a French calendar feed.

const LOCALES = {
	fr: {
		meetings: 'Réunions',
		upcoming: 'À venir',
		msp: 'Assemblée des États parties',
		dates: '2–4 septembre 2019',
		next: 'Dates clés',
		agendaTab: 'Ordre du jour',
		agenda: 'Ordre du jour provisoire',
		programme: 'Programme',
		day: 'lundi 2 septembre 2019',
		documents: 'Documents',
		found: /^\d+ documents? trouvés?\.$/,
		type: 'Ordre du jour provisoire'
	},
	es: {
		meetings: 'Reuniones',
		upcoming: 'Próximas',
		msp: 'Reunión de los Estados Partes',
		dates: '2–4 de septiembre de 2019',
		next: 'Fechas clave',
		agendaTab: 'Programa',
		agenda: 'Programa provisional',
		programme: 'Programa de trabajo',
		day: 'lunes, 2 de septiembre de 2019',
		documents: 'Documentos',
		found: /^\d+ documentos? encontrados?\.$/,
		type: 'Programa provisional'
	}
} as const;

async function clean(page: Page) {
	expect(await seriousViolations(page)).toEqual([]);
}

for (const [locale, t] of Object.entries(LOCALES)) {
	test(`the meetings list, the 9MSP, its agenda and programme and the document search speak ${locale}, axe clean`, async ({ page }) => {
		test.slow();
		await page.goto(`/${locale}/meetings`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.meetings);
		await expect(page.getByRole('heading', { name: t.upcoming })).toBeVisible();
		await expect(page.getByLabel(/^(Type de réunion|Tipo de reunión)$/).locator('option', { hasText: t.msp })).toHaveCount(1);
		const nine = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^9MSP/ }) });
		await expect(nine).toContainText(t.dates);
		await expect(nine).toContainText(t.msp);
		await clean(page);

		// Links stay in the language.
		await nine.getByRole('link').click();
		await expect(page).toHaveURL(`/${locale}/meetings/9msp`);
		await expect(page.locator('.when')).toContainText(t.dates);
		await expect(page.getByRole('heading', { name: t.next })).toBeVisible();
		await clean(page);

		await page.getByRole('navigation', { name: /9MSP/ }).getByRole('link', { name: t.agendaTab, exact: true }).click();
		await expect(page).toHaveURL(`/${locale}/meetings/9msp/agenda`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.agenda);
		await expect(page).toHaveTitle(new RegExp(`^${t.agenda} · 9MSP`));
		await clean(page);

		await page.goto(`/${locale}/meetings/9msp/programme`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.programme);
		await expect(page.getByRole('heading', { level: 2, name: t.day })).toBeVisible();
		await expect(page.locator('a[href$="/calendar.ics"]').first()).toHaveAttribute('href', `/${locale}/meetings/9msp/calendar.ics`);
		await clean(page);

		await page.goto(`/${locale}/documents?q=2019`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.documents);
		await expect(page.getByRole('status')).toHaveText(t.found);
		await expect(page.getByLabel(/^(Type|Tipo)$/).locator('option', { hasText: t.type })).toHaveCount(1);
		await expect(page.getByRole('link', { name: 'CCM/MSP/2019/1', exact: true })).toHaveAttribute('href', `/${locale}/documents/CCM/MSP/2019/1`);
		await clean(page);
	});
}

test('a French calendar feed describes the sessions in French and links to the French pages', async ({ request }) => {
	const res = await request.get('/fr/meetings/9msp/calendar.ics');
	expect(res.status()).toBe(200);
	// Unfold the 75-octet lines (RFC 5545 §3.1) before reading.
	const text = (await res.text()).replace(/\r\n[ \t]/g, '');
	expect(text).toContain('Points de l’ordre du jour\u00a0:');
	expect(text).toContain('Présidence\u00a0: ');
	expect(text).toMatch(/URL;VALUE=URI:http:\/\/localhost:\d+\/fr\/meetings\/9msp\r\n/);
	const english = (await (await request.get('/meetings/9msp/calendar.ics')).text()).replace(/\r\n[ \t]/g, '');
	expect(english).toContain('Agenda items:');
	expect(english).not.toContain('Points de l’ordre du jour');
});

test('a statement refused on a French page says why in French, at the field', async ({ browser }) => {
	test.slow();
	const { page } = await focalPoint(browser, 'Chile', 'a long focal point password 1');
	await page.goto('/fr/meetings/9msp/statements');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarations');
	const form = page.locator('form[enctype="multipart/form-data"]');
	// No agenda item chosen: the browser's own check is taken away, so the server's answer is seen.
	await form.evaluate((f) => f.setAttribute('novalidate', ''));
	await form.getByLabel('Langue').selectOption('fr');
	await form.getByLabel('Déclaration', { exact: true }).setInputFiles({ name: 'declaration.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Déclaration') });
	await form.getByRole('button', { name: 'Déposer' }).click();
	await expect(page.locator('#f-agenda_item_id-error')).toHaveText('Choisissez un point de l’ordre du jour de cette réunion.');
	await expect(page.getByLabel('Point de l’ordre du jour')).toHaveAttribute('aria-invalid', 'true');
	await clean(page);
});
