import { expect, test, type Page } from '@playwright/test';
import { clientAddress, seriousViolations, staffPage } from './helpers';

// Issue 14, content in several languages: staff give titles in French and Spanish beside the English; a page shows its
// language's title and falls back to the English one, marked lang="en"; the document search finds a French title; the
// page cache keeps each language's page with its own ETag.

const FR_MEETING = 'Neuvième Assemblée des États parties';
const ES_MEETING = 'Novena Reunión de los Estados Partes';
const FR_ITEM = 'Ouverture officielle de l’Assemblée';
const FR_AGENDA = 'Ordre du jour provisoire';

async function publicPage(page: Page): Promise<Page> {
	return (await page.context().browser()!.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
}

test('staff translate titles; French and Spanish pages show them, English fallback marked, search finds French, caches kept per language', async ({
	browser
}) => {
	test.slow();
	const s = await staffPage(browser);

	// The meeting's title in French and Spanish, in the meeting form.
	await s.goto('/admin/meetings/9msp');
	await s.locator('#f-title_fr').fill(FR_MEETING);
	await s.locator('#f-title_es').fill(ES_MEETING);
	await s.locator('form.meeting-form button[type=submit]').click();
	await expect(s.locator('#f-title_fr')).toHaveValue(FR_MEETING);

	// Agenda item 1 in French, in the agenda editor; item 2 stays English only.
	await s.goto('/admin/meetings/9msp/agenda');
	const editLink = s.getByRole('link', { name: 'Edit item 1', exact: true });
	const itemId = new URL((await editLink.getAttribute('href'))!, s.url()).searchParams.get('edit');
	await editLink.click();
	await s.waitForURL(/edit=/);
	await s.locator('#edit-title_fr').fill(FR_ITEM);
	await s.locator('form.inline-edit').screenshot({ path: 'test-results/i18n-content-staff-agenda-edit.png' });
	await s.locator('form.inline-edit button[type=submit]').click();
	await expect(s.getByText('Item saved.')).toBeVisible();
	expect(await seriousViolations(s)).toEqual([]);

	// The provisional agenda document in French, in the document editor.
	await s.goto('/admin/meetings/9msp/documents');
	await s.getByRole('link', { name: 'CCM/MSP/2019/1', exact: true }).first().click();
	await s.waitForURL(/\/admin\/documents\/\d+/);
	await s.locator('#f-title_fr').fill(FR_AGENDA);
	await s.locator('form[action="?/meta"] button[type=submit]').click();
	await expect(s.locator('#f-title_fr')).toHaveValue(FR_AGENDA);

	// A translation too long is refused at its field, in the page's language, and what was typed is kept.
	await s.goto('/fr/admin/meetings/9msp/agenda');
	const add = s.locator('form[action="?/add"]');
	await add.locator('[name=title]').fill('Closing of the Meeting');
	await add.locator('#f-title_fr').fill('x'.repeat(501));
	await add.locator('button[type=submit]').click();
	await expect(s.locator('#f-title_fr-error')).toHaveText('Le titre en français ne doit pas dépasser 500 caractères.');
	await expect(add.locator('[name=title]')).toHaveValue('Closing of the Meeting');
	await s.context().close();

	const p = await publicPage(await browser.newPage());
	// French: the meeting's French title as the heading, the French item, the untranslated item in English marked as such.
	await p.goto('/fr/meetings/9msp');
	await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(p.locator('.meeting-head')).toContainText(FR_MEETING);
	await expect(p.locator('.meeting-head [lang]')).toHaveCount(0);
	await p.goto('/fr/meetings/9msp/agenda');
	await expect(p.locator(`#item-${itemId}`)).toContainText(FR_ITEM);
	await expect(p.locator(`#item-${itemId} [lang]`)).toHaveCount(0);
	const second = p.locator('.agenda li').nth(1);
	await expect(second.locator('span[lang="en"]')).toHaveText('Election of the President and other officers');
	expect(await seriousViolations(p)).toEqual([]);
	await p.screenshot({ path: 'test-results/i18n-content-fr-agenda.png', fullPage: true });

	// Spanish: the Spanish meeting title; items without Spanish titles in English, marked.
	await p.goto('/es/meetings/9msp/agenda');
	await expect(p.locator('html')).toHaveAttribute('lang', 'es');
	await expect(p.locator('.meeting-title')).toHaveText(ES_MEETING);
	await expect(p.locator(`#item-${itemId} span[lang="en"]`)).toHaveText('Official opening of the Meeting');
	expect(await seriousViolations(p)).toEqual([]);
	// English: unchanged, nothing marked.
	await p.goto('/meetings/9msp/agenda');
	await expect(p.locator(`#item-${itemId}`)).toContainText('Official opening of the Meeting');
	await expect(p.locator('.agenda [lang]')).toHaveCount(0);

	// A French search finds the French title, shown in French; an English page finds it too, and shows the English.
	await p.goto('/fr/documents?q=ordre+du+jour');
	await expect(p.locator('.results li')).toHaveCount(1);
	await expect(p.locator('.results li')).toContainText('CCM/MSP/2019/1');
	await expect(p.locator('.results li .title')).toHaveText(FR_AGENDA);
	expect(await seriousViolations(p)).toEqual([]);
	await p.screenshot({ path: 'test-results/i18n-content-fr-search.png', fullPage: true });
	await p.goto('/es/documents?q=ordre+du+jour');
	await expect(p.locator('.results li .title span[lang="en"]')).toHaveText('Provisional agenda');
	expect(await seriousViolations(p)).toEqual([]);
	await p.goto('/documents?q=ordre+du+jour');
	await expect(p.locator('.results li .title')).toHaveText('Provisional agenda');

	// The page cache: /fr/documents?q=… and /documents?q=… are two entries, each revalidated with its own ETag only.
	const api = p.context().request;
	const en1 = await api.get('/documents?q=ordre+du+jour');
	const fr1 = await api.get('/fr/documents?q=ordre+du+jour');
	const [enTag, frTag] = [en1.headers()['etag'], fr1.headers()['etag']];
	expect(enTag).toBeTruthy();
	expect(frTag).toBeTruthy();
	expect(frTag).not.toBe(enTag);
	expect(await fr1.text()).toContain(FR_AGENDA);
	expect(await en1.text()).not.toContain(FR_AGENDA);
	// A kept page's version includes the minute: read each tag again just before revalidating with it.
	const revalidate = async (path: string) => {
		const tag = (await api.get(path)).headers()['etag'];
		return { tag, status: (await api.get(path, { headers: { 'if-none-match': tag } })).status() };
	};
	const frAgain = await revalidate('/fr/documents?q=ordre+du+jour');
	expect(frAgain.status).toBe(304);
	expect((await revalidate('/documents?q=ordre+du+jour')).status).toBe(304);
	const crossed = await api.get('/documents?q=ordre+du+jour', { headers: { 'if-none-match': frAgain.tag } });
	expect(crossed.status()).toBe(200);
	expect(await crossed.text()).not.toContain(FR_AGENDA);
});
