import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { clientAddress, logIn, staff } from './helpers';

const STAFF_PAGES = [
	'/admin',
	'/admin/meetings',
	'/admin/meetings/new',
	'/admin/meetings/14msp',
	'/admin/meetings/9msp/agenda',
	'/admin/meetings/9msp/programme',
	'/admin/meetings/14msp/registrations',
	'/admin/meetings/14msp/check-in',
	'/admin/meetings/14msp/sponsorship',
	'/admin/meetings/9msp/documents',
	'/admin/sponsorship/criteria',
	'/admin/organizations',
	'/admin/users',
	'/admin/outbox',
	'/admin/audit',
	'/committee',
	'/committee/meetings/14msp/sponsorship',
	'/committee/meetings/14msp/sponsorship/report',
	'/account'
];

test('axe finds no serious or critical violations on the main staff pages', async ({ browser }) => {
	test.setTimeout(120_000);
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(page, staff.email, staff.password);
	const problems: string[] = [];
	for (const path of STAFF_PAGES) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		const results = await new AxeBuilder({ page }).analyze();
		for (const v of results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
			problems.push(
				`${path} ${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join('; ')})`
			);
		}
	}
	expect(problems).toEqual([]);
});
