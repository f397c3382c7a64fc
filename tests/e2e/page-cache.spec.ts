import { expect, test } from '@playwright/test';
import { clientAddress, staff } from './helpers';
import { addSession, createMeeting, logInAs, publish, uniqueCode, visit } from './meeting-helpers';

test.use({ extraHTTPHeaders: clientAddress() });

// Public pages are kept once rendered (src/lib/server/page-cache.ts) and answered before SvelteKit (server.js).
test('a kept public page is fresh after a staff change, compressed for browsers, and never shown to a signed-in user', async ({
	page,
	playwright,
	baseURL
}) => {
	const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: clientAddress() });
	const code = uniqueCode();
	await logInAs(page, staff.email, staff.password);
	const slug = await createMeeting(page, {
		code,
		title: 'Kept pages meeting',
		firstDay: '2031-03-03',
		lastDay: '2031-03-04',
		city: 'Geneva',
		country: 'Switzerland'
	});
	await addSession(page, slug, { title: 'Opening plenary', starts: '2031-03-03T10:00', ends: '2031-03-03T13:00', room: 'Room XIX' });
	await publish(page, slug);
	const url = `/meetings/${slug}/programme`;

	// Asked twice by a visitor: the second answer is the kept page, the same bytes, compressed as the browser accepts.
	const first = await visitor.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
	const second = await visitor.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
	expect(first.status()).toBe(200);
	expect(second.headers()['content-encoding']).toBe('br');
	expect(second.headers()['vary']).toContain('Accept-Encoding');
	expect(second.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(await second.text()).toBe(await first.text());
	expect(await second.text()).toContain('Opening plenary');
	const plain = await visitor.get(url, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(await plain.text()).toBe(await first.text());

	// A browser that has the page asks again with its ETag: 304, nothing sent.
	const etag = second.headers()['etag'];
	expect(etag).toBeTruthy();
	expect((await visitor.get(url, { headers: { 'if-none-match': etag } })).status()).toBe(304);

	// Staff rename the session: the very next visitor sees the new title (and the old ETag no longer matches).
	await visit(page, `/admin/meetings/${slug}/programme`);
	await page.getByRole('listitem').filter({ hasText: 'Opening plenary' }).getByRole('link', { name: /Edit/ }).click();
	const edit = page.locator('form[action*="?/edit"]');
	await edit.getByLabel('Title').fill('Opening plenary (moved)');
	await edit.getByRole('button', { name: 'Save session' }).click();
	await expect(page.getByText('Session saved.')).toBeVisible();
	const after = await visitor.get(url, { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(await after.text()).toContain('Opening plenary (moved)');

	// Staff, signed in, get their own page, never the visitor's kept one.
	await page.goto(url);
	await expect(page.getByRole('button', { name: /Log out/ })).toBeVisible();
	expect((await page.request.get('/meetings')).headers()['cache-control']).toContain('private');
	await visitor.dispose();
});
