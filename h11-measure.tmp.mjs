import { chromium } from '@playwright/test';
const base = 'http://localhost:4421';
const pages = process.argv.slice(3);
const width = Number(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 800 }, extraHTTPHeaders: { 'x-forwarded-for': '10.9.9.' + Math.floor(Math.random() * 200) } });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('E-mail address').fill('h11-staff@example.org');
await page.getByLabel('Password', { exact: true }).fill('h11-staff-password-xyz');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
for (const p of pages) {
	const res = await page.goto(base + p);
	const m = await page.evaluate(() => {
		const d = document.documentElement;
		const wraps = [...document.querySelectorAll('.table-wrap')].map((w) => `${w.clientWidth}/${w.scrollWidth}`);
		const h1 = document.querySelector('h1')?.textContent?.trim();
		return { sw: d.scrollWidth, cw: d.clientWidth, wraps, title: document.title, h1 };
	});
	console.log(res?.status(), p, JSON.stringify(m));
	if (process.env.SHOT) await page.screenshot({ path: `/tmp/h11/${width}-${p.replace(/\W+/g, '_')}.png`, fullPage: !!process.env.FULL });
}
await browser.close();
