import { chromium } from '@playwright/test';
const base = 'http://localhost:4421';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'x-forwarded-for': '10.9.8.' + Math.floor(Math.random() * 200) } });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('E-mail address').fill('h11-staff@example.org');
await page.getByLabel('Password', { exact: true }).fill('h11-staff-password-xyz');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of process.argv.slice(2)) {
	await page.goto(base + p);
	console.log(p, await page.evaluate(() => {
		const out = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.right > 392 && !el.closest('.table-wrap')) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)} ${(el.textContent||'').trim().slice(0,40)}`);
		}
		return out.slice(0, 12).join('\n');
	}));
}
await browser.close();
