/** A document symbol in any case reaches its document: one redirect to the canonical spelling (issue 11, item 12). */
import { expect, test } from '@playwright/test';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4319}`;

test('a symbol typed in lower or mixed case is redirected to its canonical address', async ({ page }) => {
	for (const [typed, canonical] of [
		['/documents/ccm/msp/2019/1', '/documents/CCM/MSP/2019/1'],
		['/documents/Ccm/Msp/2019/1?from=search', '/documents/CCM/MSP/2019/1?from=search']
	]) {
		const res = await fetch(BASE + typed, { redirect: 'manual' });
		expect(res.status, typed).toBe(308);
		expect(res.headers.get('location'), typed).toBe(canonical);
	}
	await page.goto('/documents/ccm/msp/2019/1');
	await expect(page).toHaveURL(/\/documents\/CCM\/MSP\/2019\/1$/);
	await expect(page.locator('.symbol')).toHaveText('CCM/MSP/2019/1');
	// The canonical address answers directly; what is not a symbol stays a 404.
	expect((await fetch(`${BASE}/documents/CCM/MSP/2019/1`, { redirect: 'manual' })).status).toBe(200);
	expect((await fetch(`${BASE}/documents/not-a-symbol`, { redirect: 'manual' })).status).toBe(404);
});
