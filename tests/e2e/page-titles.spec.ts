/**
 * Pages that say what they are, on a phone: every page under src/routes (walked, so a new page is covered), as the
 * person it is for, at 390 × 844.
 *
 * The rule: the page has exactly one h1, and its <title> (without the "Error: " a refused form puts first) begins with
 * the h1's words, compared in lower case with punctuation and spacing aside ("Agenda of the 9MSP · Staff area · …"
 * for the h1 "Agenda of the 9MSP"). Nothing scrolls sideways, and every box that scrolls on its own is a labelled
 * region the keyboard can reach (axe's scrollable-region-focusable), unless it is a form field or a list of form fields
 * (the keyboard reaches those through the fields).
 */
import { expect, test, type Browser } from '@playwright/test';
import { clientAddress, staff } from './helpers';
import { cleanWorld, createWorld, expand, firstOutcome, openDb, randomToken, walkRoutes, type Actor, type World } from './authz-fixtures';

let w: World;
let symbol: string;

test.beforeAll(() => {
	w = createWorld(staff.email);
	const db = openDb();
	try {
		symbol = (
			db
				.prepare(
					"select d.symbol from documents d join meetings m on m.id = d.meeting_id where m.slug = '9msp' and d.status = 'published' and d.distribution = 'general' order by d.id limit 1"
				)
				.get() as { symbol: string }
		).symbol;
	} finally {
		db.close();
	}
});

test.afterAll(() => {
	if (w) cleanWorld(w);
});

/** Who a page is for: staff and committee pages as those, one's own pages as a delegate, the rest as anyone and a delegate. */
function visitors(route: string): Actor[] {
	if (route.startsWith('/admin')) return ['staff'];
	if (route.startsWith('/committee')) return ['cc'];
	if (route.startsWith('/account') || route.startsWith('/registrations')) return ['delegateA'];
	if (route === '/meetings/[slug]/delegation') return ['focalX'];
	if (route.startsWith('/meetings/[slug]')) return ['anon', 'delegateA'];
	return ['anon'];
}

/** Pages whose link carries a token: a made-up one shows the page's "not valid" state, which must agree too. */
const tokenPage = (route: string) => route.includes('[token]');

function pagesFor(actor: Actor): { path: string; ok: boolean }[] {
	const out: { path: string; ok: boolean }[] = [];
	for (const { route, kind } of walkRoutes('')) {
		if (kind !== 'page' || !visitors(route).includes(actor)) continue;
		for (const slug of route.includes('[slug]') ? ['14msp', '9msp'] : ['']) {
			const fixed = {
				'[slug]': slug,
				'organizations/[id]': String(w.orgX.id),
				'users/[id]': String(w.users.delegateA.id),
				'registrations/[id]': String(w.regA),
				'documents/[id]': String(w.draft.id),
				'outbox/[id]': String(w.outboxId),
				'outcomes/[id]': String(firstOutcome()),
				'[token]': randomToken(),
				'[symbol]': symbol
			};
			for (const { path } of expand(route, w, fixed)) out.push({ path, ok: !tokenPage(route) });
		}
	}
	// The error pages: not found, and not allowed.
	if (actor === 'anon') out.push({ path: '/meetings/no-such-meeting', ok: false });
	if (actor === 'delegateA') out.push({ path: '/admin/outbox', ok: false });
	return out;
}

const words = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

async function check(browser: Browser, actor: Actor): Promise<string[]> {
	const token = actor === 'anon' ? null : w.users[actor].token;
	const ctx = await browser.newContext({
		viewport: { width: 390, height: 844 },
		extraHTTPHeaders: clientAddress(),
		storageState: {
			cookies: token
				? [{ name: 'ccm_session', value: token, domain: 'localhost', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }]
				: [],
			origins: []
		}
	});
	const page = await ctx.newPage();
	const problems: string[] = [];
	const pages = pagesFor(actor);
	expect(pages.length).toBeGreaterThan(0);
	for (const { path, ok } of pages) {
		const res = await page.goto(path);
		if (ok && res?.status() !== 200) {
			problems.push(`${path}: status ${res?.status()}`);
			continue;
		}
		const p = await page.evaluate(() => {
			const scrolls = (el: Element) => {
				const s = getComputedStyle(el);
				return [s.overflowX, s.overflowY].some((o) => o === 'auto' || o === 'scroll');
			};
			return {
				title: document.title,
				h1s: [...document.querySelectorAll('h1')].map((h) => (h as HTMLElement).innerText),
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth,
				unreachable: [...document.querySelectorAll('body *')]
					.filter(scrolls)
					// A text box scrolls its own text and is reached as a field.
					.filter((el) => !el.matches('input, select, textarea'))
					.filter((el) => el.querySelector('table') || !el.querySelector('input, select, textarea'))
					.filter((el) => el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label'))
					.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
			};
		});
		if (p.h1s.length !== 1) problems.push(`${path}: ${p.h1s.length} h1 (${p.h1s.join(' | ')})`);
		else if (!`${words(p.title.replace(/^Error: /, ''))} `.startsWith(`${words(p.h1s[0])} `)) problems.push(`${path}: title "${p.title}", h1 "${p.h1s[0]}"`);
		if (p.scrollWidth > p.clientWidth) problems.push(`${path}: ${p.scrollWidth} px wide at ${p.clientWidth} px`);
		for (const el of p.unreachable) problems.push(`${path}: ${el} scrolls but is not a labelled region with tabindex="0"`);
	}
	await ctx.close();
	return problems;
}

for (const actor of ['anon', 'delegateA', 'focalX', 'cc', 'staff'] as const) {
	test(`every page ${actor} reaches has one h1 that its title starts with, and fits a 390 px phone`, async ({ browser }) => {
		test.slow();
		expect(await check(browser, actor)).toEqual([]);
	});
}
