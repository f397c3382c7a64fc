/**
 * Hostile request bodies against the built server: a form repeating one name 100,000 times, 20,000 multipart parts,
 * malformed multipart, text/plain, wrong content types. Each is answered with a 4xx at once, never a 5xx or a stack
 * trace, and /healthz keeps answering. The last test sends the whole family to every form action of the app (walked
 * from src/routes, so a new action is covered without editing this file).
 */
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { clientAddress, staff } from './helpers';
import { cleanWorld, createWorld, expand, randomToken, walkActions, type World } from './authz-fixtures';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4319}`;
const URLENC = 'application/x-www-form-urlencoded';
const BOUNDARY = '----HostileBoundary7MA4YWxkTrZu0gW';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

const part = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const multipart = (parts: string[]) => parts.join('') + `--${BOUNDARY}--\r\n`;
const repeat = (field: string, n: number) => Array(n).fill(field).join('&');

interface Hostile {
	label: string;
	type: string | null;
	body: string;
	/**
	 * What the answer must be: this status from the form hook; `refused`: a 3xx or 4xx (SvelteKit's 415, or the page's
	 * guard first: 303 to the login, 403); `no 5xx`: any answer of the action itself (its refusal, redirect or page).
	 */
	expect: number | 'refused' | 'no 5xx';
}

/** The family of bodies every action gets. Statuses are those of the form hook (or of SvelteKit for non-forms). */
const HOSTILE: Hostile[] = [
	{ label: '100,000 repeats of one name', type: URLENC, body: repeat('x=1', 100_000), expect: 413 },
	{ label: '20,000 multipart parts', type: MULTIPART, body: multipart(Array(20_000).fill(part('x', '1'))), expect: 413 },
	{ label: '6,000 repeats of one name (under the field cap)', type: URLENC, body: repeat('email=a', 6_000), expect: 400 },
	{
		label: 'the usual names 1,000 times each',
		type: URLENC,
		body: ['email', 'password', 'ids', 'id', 'title', 'decision', 'status', 'organization_id'].map((n) => repeat(`${n}=1`, 1_000)).join('&'),
		expect: 'no 5xx'
	},
	{ label: '9,000 distinct names', type: URLENC, body: Array.from({ length: 9_000 }, (_, i) => `f${i}=1`).join('&'), expect: 'no 5xx' },
	{ label: 'multipart without a boundary', type: 'multipart/form-data', body: multipart([part('a', '1')]), expect: 400 },
	{ label: 'multipart with the wrong boundary', type: 'multipart/form-data; boundary=SomethingElse', body: multipart([part('a', '1')]), expect: 400 },
	{ label: 'an unterminated part', type: MULTIPART, body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1`, expect: 400 },
	{ label: 'a bad part header', type: MULTIPART, body: multipart([`--${BOUNDARY}\r\nContent-Disposition: nonsense\r\n\r\n1\r\n`]), expect: 400 },
	{ label: 'text/plain', type: 'text/plain', body: 'email=a@example.org\r\npassword=x', expect: 400 },
	{ label: 'JSON', type: 'application/json', body: '{"email":"a@example.org"}', expect: 'refused' },
	{ label: 'no content type', type: null, body: 'x=1', expect: 'refused' }
];

/** Within this each answer must come, on a machine shared with other test runs. */
const BOUND_MS = 2_000;

async function send(url: string, h: Pick<Hostile, 'type' | 'body'>, extra: Record<string, string> = {}) {
	const headers: Record<string, string> = { origin: BASE, accept: 'text/html', ...clientAddress(), ...extra };
	if (h.type) headers['content-type'] = h.type;
	const t = performance.now();
	const res = await fetch(BASE + url, { method: 'POST', headers, body: Buffer.from(h.body), redirect: 'manual', signal: AbortSignal.timeout(10_000) });
	const text = await res.text();
	return { status: res.status, text, ms: performance.now() - t };
}

async function healthz(): Promise<number> {
	const t = performance.now();
	const res = await fetch(`${BASE}/healthz`, { signal: AbortSignal.timeout(10_000) });
	expect(res.status).toBe(200);
	await res.arrayBuffer();
	return performance.now() - t;
}

/** No stack trace or internal error text for a client's mistake. */
function expectNoTrace(text: string) {
	expect(text).not.toMatch(/\bat [\w.<>]+ \(|node:internal|TypeError|RangeError|Failed to parse body/);
}

let w: World;
test.beforeAll(() => {
	w = createWorld(staff.email);
});
test.afterAll(() => {
	if (w) cleanWorld(w);
});
const cookie = (who: 'delegateA' | 'staff') => ({ cookie: `ccm_session=${w.users[who].token}` });

test('a form repeating one name 100,000 times is refused at once, and /healthz answers meanwhile', async () => {
	test.slow();
	for (const [label, h] of [
		['100,000 fields', HOSTILE[0]],
		['20,000 multipart parts', HOSTILE[1]]
	] as const) {
		// Once untimed: the first request after a start also compiles the code it runs (and the old code never answers).
		expect((await send('/login', h)).status, label).toBe(413);
		const pending = send('/login', h);
		// Asked while the hostile body is on its way: the event loop must stay free.
		const health = await healthz();
		const r = await pending;
		expect(r.status, label).toBe(413);
		expect(r.ms, label).toBeLessThan(1_000);
		expect(health, label).toBeLessThan(1_000);
		expect(r.text).toMatch(/^This form (has more than 10000 fields|is too large)\.\n$/);
	}
	// A signed-in person may upload larger bodies: the count of parts still bounds them.
	const r = await send('/account?/password', HOSTILE[1], cookie('delegateA'));
	expect(r.status).toBe(413);
	expect(r.text).toBe('This form has more than 10000 fields.\n');
	expect(r.ms).toBeLessThan(1_000);
});

test('malformed bodies are a 400 with a plain message, never a 500 with a stack trace', async () => {
	for (const h of HOSTILE.filter((x) => x.expect === 400)) {
		const r = await send('/login', h);
		expect(r.status, h.label).toBe(400);
		expect(r.text, h.label).toMatch(/^[A-Z][^\n]{10,120}\n$/);
		expectNoTrace(r.text);
	}
	// The audit log's day filter: a day that does not exist is the visitor's mistake.
	const res = await fetch(`${BASE}/admin/audit?to=2019-02-32`, { headers: cookie('staff') });
	const text = await res.text();
	expect(res.status).toBe(400);
	expect(text).toContain('From and To are days that exist, written YYYY-MM-DD');
	expectNoTrace(text);
	const ok = await fetch(`${BASE}/admin/audit?from=2019-02-28&to=2019-03-01`, { headers: cookie('staff') });
	expect(ok.status).toBe(200);
});

test('every form action answers every hostile body with a 4xx (or its own refusal) in bounded time, and /healthz stays up', async () => {
	test.setTimeout(120_000);
	// One value per route parameter; a new parameter fails here with a message instead of being skipped.
	const fixed = {
		'[slug]': '14msp',
		'organizations/[id]': String(w.orgX.id),
		'users/[id]': String(w.users.delegateA.id),
		'registrations/[id]': String(w.regA),
		'documents/[id]': String(w.draft.id),
		// The demo's first outcome (the 9MSP's are seeded); visitors and delegates are refused before it is read.
		'outcomes/[id]': '1',
		'[token]': randomToken()
	};
	// Logging out ends the session the later posts use: last.
	const actions = walkActions('').sort((a, b) => Number(a.route === '/logout') - Number(b.route === '/logout'));
	expect(actions.length).toBeGreaterThan(40);
	const failures: string[] = [];
	let slowest = 0;
	const perBody = new Map<string, number>();
	const started = performance.now();
	for (const { route, action } of actions) {
		const path = expand(route, w, fixed)[0].path;
		const url = action === 'default' ? path : `${path}?/${action}`;
		for (const [actor, extra] of [
			['anonymous', {}],
			['delegate', cookie('delegateA')]
		] as const) {
			for (const h of HOSTILE) {
				const r = await send(url, h, extra);
				slowest = Math.max(slowest, r.ms);
				perBody.set(h.label, (perBody.get(h.label) ?? 0) + r.ms);
				const ok = h.expect === 'no 5xx' ? r.status < 500 : h.expect === 'refused' ? r.status >= 300 && r.status < 500 : r.status === h.expect;
				if (!ok || r.ms > BOUND_MS) failures.push(`${actor} POST ${url} ${h.label}: ${r.status} in ${Math.round(r.ms)} ms`);
				if (r.status >= 500 || /\bat [\w.<>]+ \(|node:internal/.test(r.text)) failures.push(`${actor} POST ${url} ${h.label}: ${r.text.slice(0, 200)}`);
			}
			// Each answer above already shows the server alive after the one before; this, after the whole family.
			if ((await healthz()) > BOUND_MS) failures.push(`/healthz slow after ${actor} POST ${url}`);
		}
	}
	// Cross-site: SvelteKit refuses before any of it (403), without reading the body. On a connection of its own: the
	// unread body leaves that connection unusable for a next request.
	const t = performance.now();
	const cross = await new Promise<number>((resolve, reject) => {
		const req = http.request(`${BASE}/login`, { method: 'POST', agent: false, headers: { origin: 'http://evil.example', 'content-type': URLENC } }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
			req.destroy();
		});
		req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
		req.end(HOSTILE[0].body);
	});
	expect(cross).toBe(403);
	expect(performance.now() - t).toBeLessThan(BOUND_MS);
	expect(failures).toEqual([]);
	console.log(
		`${actions.length} actions × ${HOSTILE.length} bodies × 2 people in ${Math.round((performance.now() - started) / 1000)} s; slowest answer ${Math.round(slowest)} ms`
	);
	console.log([...perBody].map(([k, v]) => `${k}: ${Math.round(v)} ms`).join('\n'));
});
