import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const staff = { email: process.env.E2E_STAFF_EMAIL!, password: process.env.E2E_STAFF_PASSWORD! };

let n = 0;
/** A client address of its own for each browser context, for the per-address login limit. */
export function clientAddress(): Record<string, string> {
	n++;
	return { 'x-forwarded-for': `10.${process.pid % 250}.${Math.floor(n / 250)}.${n % 250}` };
}

export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('button', { name: /Log out/ })).toBeVisible();
}

/** Reads the newest outbox message to an address, as staff would, in a separate browser context. */
export async function latestMail(browser: Browser, to: string): Promise<{ subject: string; body: string; links: string[] }> {
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	await logIn(page, staff.email, staff.password);
	await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
	await page.getByRole('row').nth(1).getByRole('link').click();
	await page.waitForURL(/\/admin\/outbox\/\d+$/);
	const subject = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	const body = (await page.locator('pre.mail').textContent())!;
	const links = await page.locator('pre.mail a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	await ctx.close();
	return { subject, body, links };
}

/** A staff member's page, logged in, in a browser context with its own client address. */
export async function staffPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await logIn(page, staff.email, staff.password);
	return page;
}

/** A focal point of the organisation, invited by staff, who accepts the invitation: logged in. */
export async function focalPoint(browser: Browser, organisation: string, password: string): Promise<{ page: Page; email: string }> {
	const s = await staffPage(browser);
	const email = uniqueEmail('focal');
	await s.goto('/admin/users');
	const invite = s.locator('form[action="?/invite"]');
	await invite.getByLabel('E-mail address').fill(email);
	await invite.getByLabel('Role').selectOption('focal_point');
	await invite.getByLabel('Organization').selectOption({ label: organisation });
	await invite.getByRole('button', { name: 'Send invitation' }).click();
	await expect(s.getByText(`Invitation sent to ${email}`)).toBeVisible();
	await s.context().close();
	const mail = await latestMail(browser, email);
	const page = await (await browser.newContext({ extraHTTPHeaders: clientAddress() })).newPage();
	await page.goto(mail.links.find((l) => l.includes('/invite/'))!);
	await page.getByLabel('Given name').fill('Focal');
	await page.getByLabel('Family name').fill('Point');
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByLabel('Repeat the password').fill(password);
	await page.getByRole('button', { name: 'Create my account' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to CCM Meetings' })).toBeVisible();
	return { page, email };
}

/** axe's serious and critical findings on the page, as "url rule: help" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${page.url()} ${v.id}: ${v.help}`);
}

/** A small valid PDF. */
export function tinyPdf(label: string): Buffer {
	const body = `BT /F1 12 Tf 72 720 Td (${label}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
		`<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
