import { expect, test } from '@playwright/test';

// Ready for Arabic (issue 14, item 6): styles use logical properties (scripts/check-i18n.ts refuses physical ones), so
// forcing dir="rtl" mirrors the layout. Screenshots in test-results/ show it; the assertions say what "not broken" means.
const pages = [
	'/',
	'/meetings',
	'/meetings/9msp/agenda',
	'/meetings/9msp/programme',
	'/meetings/9msp/decisions',
	'/documents?q=victim+assistance',
	'/login',
	'/signup'
];

for (const width of [1280, 390]) {
	test(`pages laid out right to left at ${width} px: mirrored, nothing sideways`, async ({ page }, info) => {
		await page.setViewportSize({ width, height: 900 });
		for (const path of pages) {
			await page.goto(path);
			await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
			const shot = await page.screenshot({ fullPage: true, path: info.outputPath(`rtl${path.replace(/\W+/g, '-')}${width}.png`) });
			await info.attach(`rtl ${path} ${width}`, { body: shot, contentType: 'image/png' });
			const layout = await page.evaluate(() => {
				const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
				const brand = box('.brand');
				const h1 = box('main h1');
				return {
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth,
					brandRight: brand.right,
					brandLeft: brand.left,
					h1Right: h1.right,
					h1Left: h1.left
				};
			});
			expect(layout.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(layout.clientWidth);
			// The start of a line is on the right: the brand and the heading begin at the right-hand side.
			expect(layout.clientWidth - layout.brandRight, `${path}: brand not at the right`).toBeLessThanOrEqual(layout.brandLeft);
			expect(layout.clientWidth - layout.h1Right, `${path}: heading not at the right`).toBeLessThanOrEqual(layout.h1Left);
		}
	});
}
