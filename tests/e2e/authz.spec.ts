/**
 * The authorization matrix: every route under /admin and /committee (walked from src/routes, so new routes are
 * covered) and every per-person resource, for an anonymous visitor, delegate A (delegation X), delegate B (delegation Y),
 * the focal points of X and Y, a Coordination Committee member and staff. No IDOR across delegations.
 *
 * Cells: `login` = 303 to /login?redirectTo=<this URL>; `303→/x` = another redirect; a number = the HTTP status
 * (for `__data.json` rows, the status of the page's own load, with every layout load skipped so that a page relying
 * on its layout's guard would show). `!leak` / `!missing` = a 200 page that shows what is not the person's, or
 * lacks what is theirs.
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { clientAddress, staff } from './helpers';
import { ACTORS, cleanWorld, createWorld, expand, openDb, routeCases, walkActions, walkRoutes, type Actor, type World } from './authz-fixtures';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4319}`;
const FORM = 'application/x-www-form-urlencoded';

type Expected = Record<Actor, string>;
interface Row {
	label: string;
	path: string;
	expected: Expected;
	/** Look at the page's own load through __data.json, layouts skipped. */
	data?: boolean;
	/** Text that a 200 answer shows exactly to these actors. */
	marks?: { text: string; visibleTo: Actor[]; checked?: Actor[] }[];
}

let w: World;
const ctx = {} as Record<Actor, APIRequestContext>;

test.beforeAll(async ({ playwright }) => {
	w = createWorld(staff.email);
	for (const a of ACTORS) {
		const token = a === 'anon' ? null : w.users[a].token;
		ctx[a] = await playwright.request.newContext({
			baseURL: BASE,
			extraHTTPHeaders: clientAddress(),
			storageState: {
				cookies: token
					? [{ name: 'ccm_session', value: token, domain: 'localhost', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }]
					: [],
				origins: []
			}
		});
	}
});

test.afterAll(async () => {
	for (const a of ACTORS) await ctx[a]?.dispose();
	// Leave nothing that could change what later specs on the same server see (a funded application, a draft meeting).
	if (w) cleanWorld(w);
});

/** The same answer for everyone but the named actors. */
function expect_(all: string, except: Partial<Expected> = {}): Expected {
	return Object.fromEntries(ACTORS.map((a) => [a, except[a] ?? all])) as Expected;
}

function redirectCell(status: number, location: string, requested: string): string {
	if (location === `/login?redirectTo=${encodeURIComponent(requested)}`) return 'login';
	return `${status}→${location}`;
}

/** Number of route nodes (layouts + page) of a page, learnt from a __data.json answer with every node skipped. */
const nodeCount = new Map<string, number>();
async function dataUrl(path: string): Promise<string> {
	const [pathname, search] = path.split('?');
	const base = `${pathname === '/' ? '' : pathname}/__data.json`;
	if (!nodeCount.has(pathname)) {
		const res = await ctx.staff.get(`${base}?x-sveltekit-invalidated=0`, { maxRedirects: 0 });
		const body = await res.json().catch(() => null);
		if (res.status() !== 200 || !Array.isArray(body?.nodes)) throw new Error(`${base}: no node list (${res.status()})`);
		nodeCount.set(pathname, body.nodes.length);
	}
	const n = nodeCount.get(pathname)!;
	return `${base}?${search ? `${search}&` : ''}x-sveltekit-invalidated=${'0'.repeat(n - 1)}1`;
}

async function cell(actor: Actor, row: Row): Promise<string> {
	const url = row.data ? await dataUrl(row.path) : row.path;
	const res = await ctx[actor].get(url, { maxRedirects: 0 });
	let out: string;
	let body = '';
	if (res.status() >= 300 && res.status() < 400) out = redirectCell(res.status(), res.headers()['location'] ?? '', row.path);
	else if (row.data && res.status() === 200) {
		const json = await res.json();
		body = JSON.stringify(json);
		if (json.type === 'redirect') out = redirectCell(303, json.location, row.path);
		else if (json.type === 'data') {
			const leaf = json.nodes[json.nodes.length - 1];
			// null: the page has no server load of its own (its data all comes from layouts, skipped here).
			out = leaf === null ? 'no load' : leaf?.type === 'data' ? '200' : leaf?.type === 'error' ? String(leaf.status ?? 500) : `node:${leaf?.type}`;
		} else out = `data:${json.type}`;
	} else {
		out = String(res.status());
		if (res.status() === 200 && /text\/|json/.test(res.headers()['content-type'] ?? '')) body = await res.text();
	}
	if (out === '200' && body && row.marks) {
		for (const m of row.marks) {
			if (m.checked && !m.checked.includes(actor)) continue;
			const shown = body.includes(m.text);
			if (shown && !m.visibleTo.includes(actor)) out += ' !leak';
			else if (!shown && m.visibleTo.includes(actor)) out += ' !missing';
		}
	}
	return out;
}

interface Result {
	label: string;
	actual: Expected;
	expected: Expected;
}

async function runMatrix(rows: Row[]): Promise<Result[]> {
	const results: Result[] = [];
	for (const row of rows) {
		const cells = await Promise.all(ACTORS.map((a) => cell(a, row)));
		results.push({ label: row.label, expected: row.expected, actual: Object.fromEntries(ACTORS.map((a, i) => [a, cells[i]])) as Expected });
	}
	return results;
}

function printTable(title: string, results: Result[]): void {
	const head = ['', ...ACTORS];
	const lines = results.map((r) => [
		r.label,
		...ACTORS.map((a) => (matches(r.expected[a], r.actual[a]) ? r.actual[a] : `✗ ${r.actual[a]} (want ${r.expected[a]})`))
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i])).join(' | ');
	console.log(`\n${title}\n${fmt(head)}\n${widths.map((x) => '-'.repeat(x)).join('-|-')}\n${lines.map(fmt).join('\n')}\n`);
}

/**
 * An expected cell is an exact answer, or `hidden` (404, 403, a redirect to log in, or a page without a server load of
 * its own asked for through __data.json with its layouts skipped: nothing shown), or `<500`
 * (any answer but a server error).
 */
function matches(expected: string, actual: string): boolean {
	if (expected === 'hidden') return ['404', '403', 'login', 'no load'].includes(actual);
	if (expected === '<500') return !/!leak|!missing/.test(actual) && !/^5\d\d/.test(actual);
	return expected === actual;
}

function mismatches(results: Result[]): string[] {
	return results.flatMap((r) =>
		ACTORS.filter((a) => !matches(r.expected[a], r.actual[a])).map((a) => `${r.label} as ${a}: got ${r.actual[a]}, expected ${r.expected[a]}`)
	);
}

/** Staff-only (or Committee) route rows, pages also through their own __data.json. */
function guardedRows(top: 'admin' | 'committee'): Row[] {
	return routeCases(top, w).flatMap((c) => {
		const ok = c.exists ? '200' : '404';
		// The Committee's minutes and action points (issue 17): to other roles the page does not exist (404, not 403).
		const others = top === 'committee' && c.route === '/committee/meetings/[slug]' ? '404' : '403';
		const expected = top === 'admin' ? expect_('403', { anon: 'login', staff: ok }) : expect_(others, { anon: 'login', cc: ok, staff: ok });
		const rows: Row[] = [{ label: `GET ${c.path}`, path: c.path, expected }];
		if (c.kind === 'page') rows.push({ label: `    ${c.path}/__data.json`, path: c.path, expected, data: true });
		return rows;
	});
}

test('every /admin and /committee route answers each role as it should', async () => {
	// Hundreds of requests (every route × every role): over 30 s on a busy 2-core machine.
	test.slow();
	const rows = [...guardedRows('admin'), ...guardedRows('committee')];
	// The walk found the routes the issue names: a guard that something is being walked at all.
	for (const p of ['/admin', '/admin/users', `/admin/registrations/${w.regA}/export.json`, '/admin/meetings/9msp/documents', '/committee']) {
		expect(
			rows.map((r) => r.path),
			`the walk of src/routes should find ${p}`
		).toContain(p);
	}
	const results = await runMatrix(rows);
	printTable('Authorization matrix: /admin and /committee (GET, no redirects followed)', results);
	expect(mismatches(results)).toEqual([]);
});

test('per-person resources: each person sees their own, their focal point and staff see them, nobody else does', async () => {
	const { regA, regB, draft, statementA, marks, orgX } = w;
	const regAExpected = expect_('404', { anon: 'login', delegateA: '200', focalX: '200', staff: '200' });
	const regBExpected = expect_('404', { anon: 'login', delegateB: '200', focalY: '200', staff: '200' });
	const focalOnly = expect_('403', { anon: 'login', focalX: '200', focalY: '200' });
	const draftStaff = expect_('404', { staff: '200' });
	const draftA = expect_('404', { delegateA: '200', staff: '200' });
	const rows: Row[] = [
		{
			label: `A's registration /registrations/${regA}`,
			path: `/registrations/${regA}`,
			expected: regAExpected,
			marks: [{ text: marks.nameA, visibleTo: ['delegateA', 'focalX', 'staff'] }]
		},
		{
			label: '    its __data.json',
			path: `/registrations/${regA}`,
			expected: regAExpected,
			data: true,
			marks: [{ text: marks.nameA, visibleTo: ['delegateA', 'focalX', 'staff'] }]
		},
		{ label: `A's badge (approved)`, path: `/registrations/${regA}/badge.pdf`, expected: regAExpected },
		{
			label: `B's registration /registrations/${regB}`,
			path: `/registrations/${regB}`,
			expected: regBExpected,
			marks: [{ text: marks.nameB, visibleTo: ['delegateB', 'focalY', 'staff'] }]
		},
		{ label: '    its __data.json', path: `/registrations/${regB}`, expected: regBExpected, data: true },
		{ label: `B's badge (pending: none yet)`, path: `/registrations/${regB}/badge.pdf`, expected: expect_('404', { anon: 'login' }) },
		{ label: 'no such registration', path: '/registrations/999999999', expected: expect_('404', { anon: 'login' }) },
		{ label: 'not a registration id', path: '/registrations/abc', expected: expect_('404', { anon: 'login' }) },
		{ label: 'staff view of A', path: `/admin/registrations/${regA}`, expected: expect_('403', { anon: 'login', staff: '200' }) },
		{ label: `A's data export`, path: `/admin/registrations/${regA}/export.json`, expected: expect_('403', { anon: 'login', staff: '200' }) },
		{
			label: 'delegation page (focal points)',
			path: '/meetings/14msp/delegation',
			expected: focalOnly,
			marks: [
				{ text: marks.nameA, visibleTo: ['focalX'] },
				{ text: marks.justificationA, visibleTo: ['focalX'] },
				{ text: marks.nameB, visibleTo: ['focalY'] }
			]
		},
		{
			label: '    its __data.json',
			path: '/meetings/14msp/delegation',
			expected: focalOnly,
			data: true,
			marks: [
				{ text: marks.nameA, visibleTo: ['focalX'] },
				{ text: marks.nameB, visibleTo: ['focalY'] }
			]
		},
		{
			label: 'credentials letter (X has one)',
			path: '/meetings/14msp/delegation/credentials.pdf',
			expected: expect_('403', { anon: 'login', focalX: '200', focalY: '404', staff: '404' })
		},
		{
			label: `credentials letter ?org=X`,
			path: `/meetings/14msp/delegation/credentials.pdf?org=${orgX.id}`,
			expected: expect_('403', { anon: 'login', focalX: '200', focalY: '404', staff: '200' })
		},
		{
			label: 'own sponsorship application',
			path: '/meetings/14msp/sponsorship',
			expected: expect_('200', { anon: 'login' }),
			marks: [
				{ text: marks.cityA, visibleTo: ['delegateA'] },
				{ text: marks.justificationA, visibleTo: ['delegateA'] }
			]
		},
		{
			label: '    its __data.json',
			path: '/meetings/14msp/sponsorship',
			expected: expect_('200', { anon: 'login' }),
			data: true,
			marks: [{ text: marks.cityA, visibleTo: ['delegateA'] }]
		},
		{
			label: 'register page (sends to own registration)',
			path: '/meetings/14msp/register',
			expected: expect_('200', { anon: 'login', delegateA: `303→/registrations/${regA}?existing=1`, delegateB: `303→/registrations/${regB}?existing=1` })
		},
		{
			label: `staff draft ${draft.symbol}`,
			path: `/documents/${draft.symbol}`,
			expected: draftStaff,
			marks: [{ text: marks.draftTitle, visibleTo: ['staff'] }]
		},
		{ label: '    its file /files/…/en', path: `/files/${draft.id}/en`, expected: draftStaff },
		{ label: `A's draft statement ${statementA.symbol}`, path: `/documents/${statementA.symbol}`, expected: draftA },
		{ label: '    its file /files/…/en', path: `/files/${statementA.id}/en`, expected: draftA },
		{ label: 'a file of no document', path: '/files/999999999/en', expected: expect_('404') },
		{
			label: '9MSP documents list',
			path: '/meetings/9msp/documents',
			expected: expect_('200'),
			marks: [
				{ text: draft.symbol, visibleTo: ['staff'] },
				{ text: statementA.symbol, visibleTo: ['staff'] }
			]
		},
		{
			label: '9MSP statements (own drafts listed)',
			path: '/meetings/9msp/statements',
			expected: expect_('200'),
			marks: [{ text: statementA.symbol, visibleTo: ['delegateA'] }]
		},
		{
			label: 'document search',
			path: `/documents?q=${encodeURIComponent(marks.draftTitle)}`,
			expected: expect_('200'),
			marks: [{ text: draft.symbol, visibleTo: [] }]
		},
		{ label: 'participants (A gave no consent)', path: '/meetings/14msp/participants', expected: expect_('200'), marks: [{ text: marks.nameA, visibleTo: [] }] }
	];
	const results = await runMatrix(rows);
	printTable('Authorization matrix: per-person resources (GET, no redirects followed)', results);
	expect(mismatches(results)).toEqual([]);
});

type Style = 'html' | 'enhanced';

/**
 * A form post as a browser sends it: without JavaScript (Accept: text/html, answered with a real status or a 303), or
 * through `use:enhance` (Accept: application/json, answered with {type: success|failure|redirect|error}).
 * A non-browser client sending Accept: * / * gets the JSON form too, with HTTP 200 for a redirect or a failure.
 */
async function post(
	actor: Actor,
	url: string,
	form: Record<string, string | string[]>,
	style: Style = 'html',
	origin: string | null = BASE
): Promise<APIResponse> {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
	const headers: Record<string, string> = { 'content-type': FORM, ...(origin ? { origin } : {}) };
	if (style === 'html') headers.accept = 'text/html';
	else Object.assign(headers, { accept: 'application/json', 'x-sveltekit-action': 'true' });
	return ctx[actor].post(url, { headers, data: body.toString(), maxRedirects: 0 });
}

async function postCell(
	actor: Actor,
	url: string,
	form: Record<string, string | string[]> = {},
	style: Style = 'html',
	origin: string | null = BASE
): Promise<string> {
	const res = await post(actor, url, form, style, origin);
	const requested = url; // requireUser sends back to the URL posted to, action included
	const text = await res.text();
	if (res.status() === 403 && /Cross-site POST form submissions are forbidden/.test(text)) return '403 csrf';
	if (res.status() >= 300 && res.status() < 400) return redirectCell(res.status(), res.headers()['location'] ?? '', requested);
	if (style === 'enhanced' && /application\/json/.test(res.headers()['content-type'] ?? '')) {
		const r = JSON.parse(text) as { type: string; status?: number; location?: string };
		if (r.type === 'redirect') return redirectCell(r.status ?? 303, r.location ?? '', requested);
		if (r.type === 'failure') return `${r.status} failure`;
		if (r.type === 'success') return `${r.status ?? 200} success`;
		return String(res.status()); // error: the HTTP status is the error's
	}
	return String(res.status());
}

/** Query parameters an action's own form adds to its URL (the programme's edit form posts to ?/edit&id=…). */
const ACTION_QUERY: Record<string, string> = { '/admin/meetings/[slug]/programme?/edit': '&id=1' };

test('admin form actions refuse everyone but staff, and a cross-origin post is refused even for staff', async () => {
	const db = openDb();
	try {
		const results: Result[] = [];
		const nonStaff = expect_('403', { anon: 'login' });
		// Every action of every admin page, posted empty from the right origin.
		for (const { route, action } of walkActions('admin')) {
			// The first real value of each parameter (the 14MSP for [slug]); an unknown parameter fails with a message.
			const filled = expand(route, w)[0].path;
			const key = action === 'default' ? route : `${route}?/${action}`;
			const url = (action === 'default' ? filled : `${filled}?/${action}`) + (ACTION_QUERY[key] ?? '');
			const actors = ACTORS.filter((a) => a !== 'staff');
			for (const style of ['html', 'enhanced'] as const) {
				const cells = await Promise.all(actors.map((a) => postCell(a, url, {}, style)));
				results.push({
					label: style === 'html' ? `POST ${url}` : '    enhanced (JSON)',
					expected: { ...nonStaff, staff: '-' },
					actual: { ...Object.fromEntries(actors.map((a, i) => [a, cells[i]])), staff: '-' } as Expected
				});
			}
		}

		// With a real payload: approve B's registration, invite a new staff account.
		const inviteEmail = `authz-intruder-${w.suffix}@example.org`;
		const decide = { decision: 'approve', ids: String(w.regB) };
		const invite = { email: inviteEmail, role: 'staff', organization_id: '' };
		const each = async (label: string, url: string, form: Record<string, string>, origin: string | null, expected: Expected, style: Style = 'html') => {
			const cells = await Promise.all(ACTORS.map((a) => (expected[a] === '-' ? Promise.resolve('-') : postCell(a, url, form, style, origin))));
			results.push({ label, expected, actual: Object.fromEntries(ACTORS.map((a, i) => [a, cells[i]])) as Expected });
		};
		await each('POST decide: approve B (same origin)', '/admin/meetings/14msp/registrations?/decide', decide, BASE, { ...nonStaff, staff: '-' });
		await each('    enhanced (JSON)', '/admin/meetings/14msp/registrations?/decide', decide, BASE, { ...nonStaff, staff: '-' }, 'enhanced');
		await each('POST invite a staff account (same origin)', '/admin/users?/invite', invite, BASE, { ...nonStaff, staff: '-' });
		await each('    enhanced (JSON)', '/admin/users?/invite', invite, BASE, { ...nonStaff, staff: '-' }, 'enhanced');
		await each('POST invite, Origin http://evil.example', '/admin/users?/invite', invite, 'http://evil.example', expect_('403 csrf'));
		await each('POST invite, no Origin header', '/admin/users?/invite', invite, null, expect_('403 csrf'));
		// Control: staff from the right origin get through (a decision on no registration changes nothing).
		await each(
			'POST decide as staff (control)',
			'/admin/meetings/14msp/registrations?/decide',
			{ decision: 'approve', ids: '999999999' },
			BASE,
			expect_('-', { staff: '200' })
		);
		await each(
			'    enhanced (JSON)',
			'/admin/meetings/14msp/registrations?/decide',
			{ decision: 'approve', ids: '999999999' },
			BASE,
			expect_('-', { staff: '200 success' }),
			'enhanced'
		);

		printTable('Authorization matrix: admin form actions (POST; "-" = not tried)', results);
		expect(mismatches(results)).toEqual([]);
		expect(db.prepare('select status from registrations where id = ?').get(w.regB)).toEqual({ status: 'pending' });
		expect(db.prepare('select id from users where email = ?').get(inviteEmail)).toBeUndefined();
	} finally {
		db.close();
	}
});

test('a focal point or delegate cannot act on another delegation’s people', async () => {
	const { regA, appA } = w;
	// [without JavaScript, through use:enhance]: a refused action answers fail(404) ("not in your delegation", the
	// page is shown again) or error(404/403); either way nothing changes.
	const cases: { label: string; actor: Actor; url: string; form: Record<string, string>; expected: [string, string] }[] = [
		{
			label: 'Y removes A from the delegation',
			actor: 'focalY',
			url: '/meetings/14msp/delegation?/remove',
			form: { id: String(regA) },
			expected: ['404', '404 failure']
		},
		{
			label: 'Y names A head of delegation',
			actor: 'focalY',
			url: '/meetings/14msp/delegation?/head',
			form: { id: String(regA) },
			expected: ['404', '404 failure']
		},
		{
			label: `Y endorses A's application`,
			actor: 'focalY',
			url: '/meetings/14msp/delegation?/endorse',
			form: { id: String(appA), endorse: 'no' },
			expected: ['404', '404 failure']
		},
		{
			label: 'A endorses own application',
			actor: 'delegateA',
			url: '/meetings/14msp/delegation?/endorse',
			form: { id: String(appA), endorse: 'yes' },
			expected: ['403', '403']
		},
		{
			label: `CC member endorses A's application`,
			actor: 'cc',
			url: '/meetings/14msp/delegation?/endorse',
			form: { id: String(appA), endorse: 'yes' },
			expected: ['403', '403']
		},
		{
			label: `staff endorse A's application`,
			actor: 'staff',
			url: '/meetings/14msp/delegation?/endorse',
			form: { id: String(appA), endorse: 'no' },
			expected: ['403', '403']
		},
		{ label: `B cancels A's registration`, actor: 'delegateB', url: `/registrations/${regA}?/cancel`, form: { confirm: 'yes' }, expected: ['404', '404'] },
		{
			label: `Y edits A's registration`,
			actor: 'focalY',
			url: `/registrations/${regA}?/update`,
			form: { organization_id: String(w.orgY.id), given_name: 'Hijacked', family_name: 'Hijacked', role: 'member', email: 'x@example.org' },
			expected: ['404', '404']
		},
		{ label: `CC member cancels A's registration`, actor: 'cc', url: `/registrations/${regA}?/cancel`, form: { confirm: 'yes' }, expected: ['404', '404'] },
		{
			label: 'B withdraws (B has no application)',
			actor: 'delegateB',
			url: '/meetings/14msp/sponsorship?/withdraw',
			form: {},
			expected: ['400', '400 failure']
		},
		{
			label: 'anonymous cancels A’s registration',
			actor: 'anon',
			url: `/registrations/${regA}?/cancel`,
			form: { confirm: 'yes' },
			expected: ['login', 'login']
		},
		// Control: X's own focal point may endorse, so the refusals above are about who asks.
		{
			label: `X endorses A's application (control)`,
			actor: 'focalX',
			url: '/meetings/14msp/delegation?/endorse',
			form: { id: String(appA), endorse: 'yes' },
			expected: ['200', '200 success']
		}
	];
	const results: Result[] = [];
	for (const c of cases) {
		for (const [i, style] of (['html', 'enhanced'] as const).entries()) {
			const actual = await postCell(c.actor, c.url, c.form, style);
			results.push({
				label: i === 0 ? `${c.label}: POST ${c.url}` : '    enhanced (JSON)',
				expected: expect_('-', { [c.actor]: c.expected[i] }),
				actual: expect_('-', { [c.actor]: actual })
			});
		}
	}
	printTable('Cross-delegation writes (POST; only the acting role is tried)', results);
	expect(mismatches(results)).toEqual([]);
	const db = openDb();
	try {
		expect(db.prepare('select status, role, family_name from registrations where id = ?').get(regA)).toEqual({
			status: 'approved',
			role: 'member',
			family_name: w.marks.nameA
		});
		expect(db.prepare('select status, endorsement, endorsed_by from sponsorship_applications where id = ?').get(appA)).toEqual({
			status: 'submitted',
			endorsement: 'endorsed',
			endorsed_by: w.users.focalX.id
		});
	} finally {
		db.close();
	}
});

test('an unpublished meeting is hidden from everyone but staff, under /meetings/[slug] and /committee', async () => {
	const dm = w.draftMeeting;
	const expected = expect_('hidden', { staff: '<500' });
	const nonStaff = ACTORS.filter((a) => a !== 'staff');
	// Where staff see the title is not the point (a __data.json without its layouts lacks it); that nobody else does is.
	const title = { text: dm.title, visibleTo: ['staff'] as Actor[], checked: nonStaff };
	const rows: Row[] = [...walkRoutes('meetings'), ...walkRoutes('committee')]
		.filter((r) => r.route.includes('[slug]'))
		.flatMap((r) =>
			expand(r.route, w, { '[slug]': dm.slug, 'sessions/[id]': String(dm.sessionId) }).flatMap((x) => {
				const path = r.route.endsWith('/add') ? `${x.path}?to=google` : x.path;
				const out: Row[] = [{ label: `GET ${path.replace(dm.slug, '<draft>')}`, path, expected, marks: [title] }];
				if (r.kind === 'page') out.push({ label: '    its __data.json', path, expected, data: true, marks: [title] });
				return out;
			})
		);
	rows.push({ label: 'GET /committee (lists)', path: '/committee', expected: expect_('403', { anon: 'login', cc: '200', staff: '200' }), marks: [title] });
	for (const path of ['/meetings', '/calendar.ics', `/documents?q=${encodeURIComponent(w.suffix)}`, '/']) {
		rows.push({ label: `GET ${path} (lists)`, path, expected: expect_('200'), marks: [title] });
	}
	const results = await runMatrix(rows);
	printTable('An unpublished meeting ("hidden" = 404, 403 or login; staff: anything but a 5xx)', results);
	expect(mismatches(results)).toEqual([]);
});
