import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { clientAddress } from './helpers';

/**
 * Waits until SvelteKit has hydrated the page: its router sets `history.scrollRestoration` to 'manual' once started,
 * after hydration. Text typed into a server-rendered input before hydration is wiped when the page hydrates (inputs
 * with a `value` attribute are reset), so on a busy machine a test that fills a form right after `goto` flakes.
 */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => history.scrollRestoration === 'manual');
}

/** `page.goto`, then waits for hydration: for pages whose forms the test fills next (JavaScript on). */
export async function visit(page: Page, path: string) {
	const res = await page.goto(path);
	await hydrated(page);
	return res;
}

/** Logs in through the form, once the page is hydrated (see `hydrated`). */
export async function logInAs(page: Page, email: string, password: string): Promise<void> {
	await visit(page, '/login');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('button', { name: /Log out/ })).toBeVisible();
}

/** The links of the newest outbox message to an address, read by staff in a context of their own. */
export async function mailLinks(browser: Browser, staffLogin: { email: string; password: string }, to: string): Promise<string[]> {
	const ctx = await browser.newContext({ extraHTTPHeaders: clientAddress() });
	const page = await ctx.newPage();
	await logInAs(page, staffLogin.email, staffLogin.password);
	await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
	await page.getByRole('row').nth(1).getByRole('link').click();
	await page.waitForURL(/\/admin\/outbox\/\d+$/);
	const links = await page.locator('pre.mail a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	await ctx.close();
	return links;
}

/** A meeting code of its own for each call, e.g. T48213 (codes are unique). */
export function uniqueCode(): string {
	return `T${Date.now().toString().slice(-5)}${Math.floor(Math.random() * 90 + 10)}`;
}

export interface NewMeeting {
	code: string;
	title: string;
	kind?: string;
	overview?: string;
	firstDay: string;
	lastDay: string;
	timeZone?: string;
	venue?: string;
	city?: string;
	country?: string;
}

/** Fills the staff "New meeting" form (the page must be open). */
export async function fillMeetingForm(page: Page, m: NewMeeting): Promise<void> {
	await page.getByLabel(/^Code\b/).fill(m.code);
	await page.getByLabel(/^Title\b/).fill(m.title);
	await page.getByLabel(/^Kind\b/).selectOption({ label: m.kind ?? 'Meeting of States Parties' });
	if (m.overview) await page.getByLabel(/^Overview\b/).fill(m.overview);
	await page.getByLabel(/^First day\b/).fill(m.firstDay);
	await page.getByLabel(/^Last day\b/).fill(m.lastDay);
	await page.getByLabel(/^Time zone\b/).fill(m.timeZone ?? 'Europe/Zurich');
	if (m.venue) await page.getByLabel(/^Venue\b/).fill(m.venue);
	if (m.city) await page.getByLabel(/^City\b/).fill(m.city);
	if (m.country) await page.getByLabel(/^Country\b/).fill(m.country);
}

/** Creates a draft meeting through the staff form; returns its web address (slug). */
export async function createMeeting(page: Page, m: NewMeeting): Promise<string> {
	await visit(page, '/admin/meetings/new');
	await fillMeetingForm(page, m);
	await page.getByRole('button', { name: 'Create the meeting' }).click();
	await page.waitForURL(/\/admin\/meetings\/[a-z0-9-]+\?created=1$/);
	await expect(page.getByText('Meeting created as a draft.')).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** Pastes an agenda on the staff agenda page, checks the preview, then saves it. */
export async function importAgenda(page: Page, slug: string, text: string, expectedItems: number): Promise<void> {
	await visit(page, `/admin/meetings/${slug}/agenda`);
	await page.getByLabel('Agenda text').fill(text);
	await page.getByRole('button', { name: 'Preview', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Preview: ${expectedItems} items` })).toBeVisible();
	await page.getByRole('button', { name: 'Save this agenda' }).click();
	await expect(page.getByText(`Agenda saved: ${expectedItems} items.`)).toBeVisible();
}

export interface NewSession {
	title: string;
	starts: string; // datetime-local value, the venue's clock
	ends: string;
	room?: string;
	chair?: string;
	/** Labels of the agenda item checkboxes, e.g. '3 (a) Universalization'. */
	items?: string[];
}

/** Fills the "Add a session" form (the programme page must be open). */
export async function fillSessionForm(page: Page, s: NewSession): Promise<void> {
	const form = page.locator('form[action="?/add"]');
	await form.getByLabel('Title').fill(s.title);
	await form.getByLabel(/^Starts/).fill(s.starts);
	await form.getByLabel(/^Ends/).fill(s.ends);
	await form.getByLabel('Room').fill(s.room ?? '');
	await form.getByLabel('Chair').fill(s.chair ?? '');
	for (const box of await form.getByRole('checkbox').all()) {
		const label = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
		await box.setChecked((s.items ?? []).includes(label));
	}
}

/** Adds a session on the staff programme page (opened fresh, so no earlier input is carried over). */
export async function addSession(page: Page, slug: string, s: NewSession): Promise<void> {
	await visit(page, `/admin/meetings/${slug}/programme`);
	await fillSessionForm(page, s);
	await page.getByRole('button', { name: 'Add session' }).click();
	await expect(page.getByRole('status')).toHaveText('Session added.');
}

export async function publish(page: Page, slug: string): Promise<void> {
	await visit(page, `/admin/meetings/${slug}`);
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Published: the meeting is on the public pages')).toBeVisible();
}

/** A browser context with no one logged in, and its own client address. */
export async function anonymousContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ extraHTTPHeaders: clientAddress() });
}

export interface ParsedEvent {
	uid: string;
	summary: string;
	start: string; // ISO UTC
	end: string;
	allDay: boolean;
	startDate: string; // as written, e.g. '2031-06-10' or '2031-06-10T10:00:00'
	endDate: string;
	tzid: string | null;
	location: string | null;
	description: string | null;
	sequence: number;
}

/** Parses .ics text with ical.js, registering its VTIMEZONEs first so zoned times convert right. */
export function parseIcs(text: string): ParsedEvent[] {
	const cal = new ICAL.Component(ICAL.parse(text));
	for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
	return cal.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		const dtstart = v.getFirstProperty('dtstart');
		return {
			uid: e.uid,
			summary: e.summary,
			start: e.startDate.toJSDate().toISOString(),
			end: e.endDate.toJSDate().toISOString(),
			allDay: e.startDate.isDate,
			startDate: e.startDate.toString(),
			endDate: e.endDate.toString(),
			tzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
			location: e.location ?? null,
			description: e.description ?? null,
			sequence: e.sequence
		};
	});
}
