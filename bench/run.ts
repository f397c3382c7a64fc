// `npm run bench`: build, start the production server on a throwaway database with a 200-session meeting, load it
// with autocannon from this process (127.0.0.1 only, bounded in time) and print requests/s, p50, p99 and the
// server's peak RSS per scenario, each compared with a "ceiling": a bare Node http server doing one better-sqlite3
// insert per request, measured in the same run. Results also go to bench/results.json.
//
// Also: a registration rush (3,000 delegates POST the registration form for 1,500 places, every request with its own
// account, then the database is checked), the 2,000-badge PDF and the list of participants (timed once each, after a
// warm-up), the sponsorship scoring (1,000 applications × 12 criteria, in this process), and document search over
// 5,000 documents.
//
// Options: --no-build  --duration 10  --warmup 2  --connections 50  --only programme,calendar  --strict
//          --rush-accounts 3000  --rush-seconds 30  --cpu-prof (profile the app; best with --only)
//          --query-prof (time each SQLite statement of the app and print the costliest; best with --only)
//          --pg (the rush on PostgreSQL too: DATABASE_URL's server, or a throwaway one as .ci/run starts)
//          (--strict: exit 1 when a target is missed; failed responses and failed checks always exit 1)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import {
	BADGES_PEOPLE,
	BADGES_SLUG,
	BENCH_AGENDA_ITEMS,
	BENCH_DOCUMENTS,
	BENCH_SESSIONS,
	BENCH_SLUG,
	DOCUMENT_YEARS,
	expectedMatches,
	insertBadgesMeeting,
	insertBenchDocuments,
	insertBenchMeeting,
	insertRush,
	RUSH_CAPACITY,
	RUSH_SLUG,
	RUSH_WARMUP_SLUG,
	rushFormBody,
	verifyRush,
	type BadgesData,
	type DocumentsData,
	type RushAccount,
	type RushData,
	type RushVerification
} from './data';
import { args, freePort as freePortOn } from '../scripts/lib';
import { SEARCH_PAGE_SIZE } from '../src/lib/server/records/queries';

// ---- scenarios -----------------------------------------------------------------------------------------------

type ServerName = 'app' | 'ceiling' | 'floor';

interface Scenario {
	name: string;
	server: ServerName;
	method?: 'GET' | 'POST';
	path: string;
	/** Issue's target, checked and reported. */
	target?: Target;
	/** A quick check of one response before the load, so a fast 200 of the wrong page cannot pass. */
	check?: (body: string) => string | null;
	/** Data beyond the bench meeting, inserted only when a scenario that needs it runs. */
	needs?: 'documents' | 'badges';
	/** Every request asks a URL never asked before (a `_=<n>` parameter the page ignores), so no kept page can answer. */
	uncached?: boolean;
	/** The floor row this scenario is compared with ("× floor"). */
	floor?: typeof FLOOR_GET | typeof FLOOR_POST;
	/** A POST of the registration-sized form with a session per request (the floor's action); a 303 is the expected answer. */
	form?: boolean;
}

/** What a browser sends with every page request; the app compresses for it. The ceiling gets them too. */
const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };

/** The issue's targets for a load scenario; each one given is checked. */
interface Target {
	p99Ms?: number;
	/** req/s at least this share of the ceiling's */
	minRatioToCeiling?: number;
	/** req/s at least this share of the floor row's (Scenario.floor) */
	minRatioToFloor?: number;
	/** the server's peak RSS during the run, MB */
	maxRssMb?: number;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

// Scenarios that are not a plain GET under load: names for --only.
const RUSH = 'registration rush';
const BADGES = 'badges 2000';
const SPONSORSHIP = 'sponsorship';
const RUSH_PG = 'registration rush (PostgreSQL)';
const RUSH_X2 = 'registration rush ×2 processes';
const RUSH_PG_X2 = 'registration rush ×2 processes (PostgreSQL)';
const SPECIAL = [RUSH, RUSH_X2, BADGES, SPONSORSHIP];
/** The framework's floor (bench/floor): a bare SvelteKit app on the same versions and adapter. */
const FLOOR_GET = 'floor GET';
const FLOOR_POST = 'floor POST';
/** Issue 16: at least half the floor's signed-in form POST, p99 under 150 ms at 50 connections, under 200 MB. */
const RUSH_TARGET: Target = { p99Ms: 150, minRatioToFloor: 0.5, maxRssMb: 200 };
/** Issue 16: a search nobody asked before at least half the floor's GET of a 30-row table, p99 under 150 ms. */
const UNCACHED_TARGET: Target = { p99Ms: 150, minRatioToFloor: 0.5 };
const BADGES_TARGET_MS = 5000;
const SPONSORSHIP_TARGET_MS = 100;

/** The bench's documents once inserted (`bench/data.ts`), for the search scenarios' checks. */
let documentsData: DocumentsData | null = null;

/**
 * A search of the documents page: the path, and a check that the page says it found exactly as many documents as
 * the bench inserted that match (counted again in `expectedMatches`), and lists the first page of them.
 */
function documentSearch(f: { q: string; year?: number; lang?: string }, ui: '' | '/fr' = ''): Pick<Scenario, 'path' | 'check' | 'needs'> {
	const params = new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
	return {
		path: `${ui}/documents?${params}`,
		needs: 'documents',
		check: (body) => {
			if (!documentsData) return 'the bench documents were not inserted';
			const expected = expectedMatches(documentsData.documents, f);
			if (expected < 2 * SEARCH_PAGE_SIZE) return `the query finds only ${expected} bench documents: choose commoner words`;
			// In another language the count is the status line's first number (written "1 234" in French).
			const m = ui ? /role="status">([\d\s\u00a0\u202f.,]+)/.exec(body) : /(\d+) documents? found/.exec(body);
			if (!m) return 'the page does not say "… documents found"';
			const found = Number(m[1].replace(/\D/g, ''));
			if (found !== expected) return `the page says ${found} documents found, expected ${expected}`;
			const listed = count(body, 'href="/documents/CCM/') + (ui ? count(body, `href="${ui}/documents/CCM/`) : 0);
			return listed === SEARCH_PAGE_SIZE ? null : `expected ${SEARCH_PAGE_SIZE} documents listed on the first page, found ${listed}`;
		}
	};
}

/** Sessions the floor app makes at start (tokens `floor-session-<n>`, bench/floor/src/hooks.server.js). */
const FLOOR_SESSIONS = 3000;

const SCENARIOS: Scenario[] = [
	{ name: 'ceiling', server: 'ceiling', path: '/insert' },
	{
		name: FLOOR_GET,
		server: 'floor',
		path: '/table',
		check: (body) => (count(body, '<tr>') === 31 ? null : `expected 30 rows and a header row, found ${count(body, '<tr>')}`)
	},
	{ name: FLOOR_POST, server: 'floor', method: 'POST', path: '/register', form: true },
	{
		name: 'programme',
		server: 'app',
		path: `/meetings/${BENCH_SLUG}/programme`,
		target: { p99Ms: 50 },
		check: (body) => {
			const n = count(body, 'id="session-');
			return n === BENCH_SESSIONS ? null : `expected ${BENCH_SESSIONS} sessions (id="session-…") on the page, found ${n}`;
		}
	},
	{
		name: 'calendar',
		server: 'app',
		path: `/meetings/${BENCH_SLUG}/calendar.ics`,
		target: { p99Ms: 50 },
		check: (body) => {
			const n = count(body, 'BEGIN:VEVENT');
			return n === BENCH_SESSIONS + 1 ? null : `expected ${BENCH_SESSIONS + 1} VEVENTs (meeting + sessions), found ${n}`;
		}
	},
	{ name: 'meetings list', server: 'app', path: '/meetings', check: (b) => (b.includes(`/meetings/${BENCH_SLUG}`) ? null : 'bench meeting not listed') },
	{
		name: 'agenda',
		server: 'app',
		path: `/meetings/${BENCH_SLUG}/agenda`,
		check: (b) => (b.includes('Bench agenda item 30') ? null : 'agenda item 30 missing')
	},
	// The issue: document search over 5,000 documents at 50 connections, p99 under 50 ms. Two common words of one
	// year (about 1,000 documents to look through), then one word over all five years with a French file.
	{ name: 'documents search', server: 'app', ...documentSearch({ q: 'victim assistance', year: 2023 }), target: { p99Ms: 50 } },
	{ name: 'documents search fr', server: 'app', ...documentSearch({ q: 'clearance', lang: 'fr' }), target: { p99Ms: 50 } },
	// Issue 14: the same search on the French page (its own kept entry and ETag), p99 under 50 ms in every locale.
	{ name: 'documents search fr-ui', server: 'app', ...documentSearch({ q: 'victim assistance', year: 2023 }, '/fr'), target: { p99Ms: 50 } },
	// The same searches with a URL never asked before on every request: what a search costs when no kept page answers.
	{
		name: 'documents search uncached',
		server: 'app',
		...documentSearch({ q: 'victim assistance', year: 2023 }),
		uncached: true,
		floor: FLOOR_GET,
		target: UNCACHED_TARGET
	},
	{
		name: 'documents search fr uncached',
		server: 'app',
		...documentSearch({ q: 'clearance', lang: 'fr' }),
		uncached: true,
		floor: FLOOR_GET,
		target: UNCACHED_TARGET
	},
	// Issue 16: the list of participants (PDF, 1,700 people of the badges meeting) kept by content version like the pages.
	{
		name: 'participants pdf',
		server: 'app',
		path: `/meetings/${BADGES_SLUG}/participants.pdf`,
		needs: 'badges',
		check: (body) => (body.startsWith('%PDF-') ? null : 'not a PDF')
	}
];

// ---- options -------------------------------------------------------------------------------------------------

const root = path.resolve(import.meta.dirname, '..');
const opt = args();
const DURATION = Number(opt.duration ?? 10);
const WARMUP = Number(opt.warmup ?? 2);
const CONNECTIONS = Number(opt.connections ?? 50);
const BUILD = !opt['no-build'];
const STRICT = !!opt.strict;
/** Run the app under `node --cpu-prof` and print where its CPU time went (the whole server run: use with --only). */
const PROFILE = !!opt['cpu-prof'];
const QUERY_PROFILE = !!opt['query-prof'];
const ONLY = typeof opt.only === 'string' ? opt.only.split(',').map((s) => s.trim()) : null;
const RUSH_ACCOUNTS = Number(opt['rush-accounts'] ?? 3000);
const RUSH_SECONDS = Number(opt['rush-seconds'] ?? 30);
/** Also run the rush (1 and 2 processes) on PostgreSQL. */
const PG = !!opt.pg;
/** Accounts for the rush's warm-up (on its own meeting), sent first on the same connections: enough for all 50 to be open. */
const RUSH_WARMUP_ACCOUNTS = 1500;
for (const [k, v] of Object.entries({ DURATION, WARMUP, CONNECTIONS, RUSH_ACCOUNTS, RUSH_SECONDS })) {
	if (!Number.isFinite(v) || v < 0 || (k !== 'WARMUP' && v === 0)) throw new Error(`--${k.toLowerCase().replace('_', '-')} must be a positive number`);
}
// Load only ever goes to this machine's loopback.
const HOST = '127.0.0.1';

// ---- processes -----------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
let tmpDir: string | undefined;
let buildCopy: string | undefined;

const freePort = () => freePortOn(HOST);

function start(name: string, script: string, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): ChildProcess {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [...nodeArgs, script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	children.add(child);
	child.on('exit', () => children.delete(child));
	child.on('error', (e) => console.error(`${name}: ${e.message}`));
	return child;
}

async function waitHealthy(name: string, child: ChildProcess, base: string, logFile: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		try {
			const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(200);
	}
	const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
	throw new Error(`${name} did not answer ${base}/healthz within ${timeoutMs / 1000} s (exit code ${child.exitCode}).\n${tail}`);
}

async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** More to undo at the end (a throwaway PostgreSQL, databases made in DATABASE_URL's server). */
const undo: (() => Promise<void> | void)[] = [];

async function cleanup(): Promise<void> {
	await Promise.all([...children].map((c) => stop(c, 10_000)));
	for (const f of undo.splice(0).reverse()) await Promise.resolve(f()).catch((e) => console.error(`cleanup: ${e instanceof Error ? e.message : e}`));
	for (const dir of [tmpDir, buildCopy]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
	tmpDir = buildCopy = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void cleanup().finally(() => process.exit(130));
	});
}

// ---- memory sampling -----------------------------------------------------------------------------------------

/** The process and its descendants (WEB_CONCURRENCY's workers), from /proc; just the process elsewhere. */
function tree(pid: number): number[] {
	const out = [pid];
	for (let i = 0; i < out.length; i++) {
		try {
			for (const c of fs.readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
		} catch {
			/* gone, or not Linux */
		}
	}
	return out;
}

/** RSS of the process and its workers, added up. */
function rssKb(pid: number): number | null {
	let sum: number | null = null;
	for (const p of tree(pid)) {
		const kb = rssKbOne(p);
		if (kb !== null) sum = (sum ?? 0) + kb;
	}
	return sum;
}

function rssKbOne(pid: number): number | null {
	try {
		const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		if (m) return Number(m[1]);
	} catch {
		/* not Linux, or gone */
	}
	const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
	const kb = Number(ps.stdout.trim());
	return ps.status === 0 && Number.isFinite(kb) && kb > 0 ? kb : null;
}

let clockTicks: number | undefined;

/** User + system CPU time of a process and its workers so far, in ms (Linux only; null elsewhere). */
function cpuMs(pid: number): number | null {
	let sum: number | null = null;
	for (const p of tree(pid)) {
		const ms = cpuMsOne(p);
		if (ms !== null) sum = (sum ?? 0) + ms;
	}
	return sum;
}

function cpuMsOne(pid: number): number | null {
	try {
		// Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
		return (ticks * 1000) / clockTicks;
	} catch {
		return null;
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server uses under 10 % of a core over 250 ms (at most 60 s). */
async function waitIdle(pid: number, base: string): Promise<void> {
	const deadline = Date.now() + 60_000;
	let before = cpuMs(pid);
	if (before === null) {
		await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(60_000) });
		await sleep(1000);
		return;
	}
	while (Date.now() < deadline) {
		await sleep(250);
		const now = cpuMs(pid);
		if (now === null || now - before < 25) return;
		before = now;
	}
}

/** Samples the process's RSS every 200 ms until stopped; returns the peak in kB. */
function sampleRss(pid: number): { stop: () => number | null } {
	let peak: number | null = rssKb(pid);
	const timer = setInterval(() => {
		const kb = rssKb(pid);
		if (kb !== null && (peak === null || kb > peak)) peak = kb;
	}, 200);
	return {
		stop: () => {
			clearInterval(timer);
			const kb = rssKb(pid);
			if (kb !== null && (peak === null || kb > peak)) peak = kb;
			return peak;
		}
	};
}

// ---- load ----------------------------------------------------------------------------------------------------

interface Measured {
	scenario: string;
	server: ServerName;
	method: string;
	path: string;
	requests: number;
	requestsPerSecond: number;
	latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
	non2xx: number;
	/** Responses whose status was not the expected one (2xx; for the rush, a 303 to a new registration). */
	unexpected: number;
	errors: number;
	timeouts: number;
	statusCodes: Record<string, number>;
	bytesPerResponse: number;
	peakRssMb: number | null;
	/** Server CPU time (user + system) per request sent, ms, until the server is idle again: less sensitive to other load on the machine. */
	serverCpuMsPerRequest: number | null;
	/** Share of one core used by the server and by this load generator during the run, and the machine's 1-minute load after it. */
	serverCpuShare: number | null;
	clientCpuShare: number;
	loadAverage1m: number;
	ratioToCeiling: number | null;
	/** req/s ÷ the floor row's (rush: floor POST; uncached searches: floor GET). */
	ratioToFloor: number | null;
	floor?: string;
	target: (Target & { floorName?: string; met: boolean; missed: string[] }) | null;
	/** Registration rush only: what the 303s pointed to, and the database check after the run. */
	rush?: {
		accounts: number;
		capacity: number;
		sent: number;
		outcomes: Record<string, number>;
		/** p50/p99 over each tenth of the responses, in order: the later ones meet more registrations in the database. */
		latencyByTenth: { responses: number; p50: number; p99: number }[];
		/** Connections open when the first measured request was sent, and measured requests that still opened one. */
		connectionsOpenAtStart: number;
		measuredFirstOnConnection: number;
		/** Latency of each connection's first response, in the warm-up: includes the wait for the server to accept it. */
		warmupFirstOnConnectionMs: Measured['latencyMs'];
		/** The server's RSS just before the run. */
		rssBeforeMb: number | null;
		verification: RushVerification;
	};
}

function percentile(sorted: Float64Array, p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Every latency of a run (autocannon's own histogram keeps whole milliseconds), for sub-millisecond percentiles. */
class Latencies {
	private values = new Float64Array(1 << 16);
	n = 0;
	add = (ms: number) => {
		if (this.n === this.values.length) {
			const bigger = new Float64Array(this.values.length * 2);
			bigger.set(this.values);
			this.values = bigger;
		}
		this.values[this.n++] = ms;
	};
	/** p50 and p99 of each tenth of the run, in the order the responses came: does the server slow down as it goes? */
	tenths(): { responses: number; p50: number; p99: number }[] {
		const out = [];
		for (let i = 0; i < 10; i++) {
			const part = this.values.slice(Math.floor((i * this.n) / 10), Math.floor(((i + 1) * this.n) / 10)).sort();
			out.push({ responses: part.length, p50: percentile(part, 50), p99: percentile(part, 99) });
		}
		return out;
	}
	summary(): Measured['latencyMs'] {
		// A sorted copy: the order of arrival is kept for tenths().
		const sorted = this.values.slice(0, this.n).sort();
		const mean = this.n ? sorted.reduce((a, b) => a + b, 0) / this.n : NaN;
		return { mean, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[this.n - 1] ?? NaN };
	}
}

let uncachedCounter = 0;

let floorSession = 0;

/** The floor's form POST: the registration's fields (bench/data.ts rushFormBody), a session per request in turn. */
function floorForm(origin: string): autocannon.Request[] {
	return [
		{
			method: 'POST',
			setupRequest: (req) => {
				const i = floorSession++ % FLOOR_SESSIONS;
				const body = rushFormBody({
					userId: i,
					email: `floor-${i}@bench.example.org`,
					token: '',
					givenName: 'Amina',
					familyName: 'Okonkwo',
					organizationId: 1 + (i % 150)
				});
				return {
					...req,
					method: 'POST',
					headers: {
						...req.headers,
						cookie: `ccm_session=floor-session-${i}`,
						origin,
						accept: 'text/html,application/xhtml+xml',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body
				};
			}
		}
	];
}

function load(url: string, method: string, seconds: number, onLatency?: (ms: number) => void, uncached = false, form = false): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const pathAndQuery = u.pathname + u.search;
		const unique: autocannon.Request[] | undefined = form
			? floorForm(u.origin)
			: uncached
				? [{ setupRequest: (req) => ({ ...req, path: `${pathAndQuery}${u.search ? '&' : '?'}_=${++uncachedCounter}` }) }]
				: undefined;
		const opts = {
			url,
			method: method as autocannon.Request['method'],
			connections: CONNECTIONS,
			duration: seconds,
			timeout: 30,
			headers: BROWSER_HEADERS,
			requests: unique
		};
		const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
		if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
	});
}

const statusCounts = (result: autocannon.Result) =>
	Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]));

/** The server's CPU time, peak RSS and this process's CPU time around `work`, counting the server's work until it is idle again. */
async function measured<T>(pid: number, base: string, work: () => Promise<T>) {
	const rss = sampleRss(pid);
	const cpuBefore = cpuMs(pid);
	const clientBefore = process.cpuUsage();
	const value = await work();
	const cpuAfter = cpuMs(pid);
	const client = process.cpuUsage(clientBefore);
	// Requests still in flight when the run ended are worked through after it: count their CPU time too.
	await waitIdle(pid, base);
	const cpuDrained = cpuMs(pid);
	const peakKb = rss.stop();
	return {
		value,
		serverCpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
		serverCpuDrainedMs: cpuBefore !== null && cpuDrained !== null ? cpuDrained - cpuBefore : null,
		clientCpuMs: (client.user + client.system) / 1000,
		peakRssMb: peakKb === null ? null : peakKb / 1024
	};
}

async function run(s: Scenario, base: string, pid: number): Promise<Measured> {
	const url = base + s.path;
	const method = s.method ?? 'GET';
	if (s.check) {
		const res = await fetch(url, { method });
		const body = await res.text();
		if (!res.ok) throw new Error(`${s.name}: ${method} ${s.path} answered ${res.status}`);
		const problem = s.check(body);
		if (problem) throw new Error(`${s.name}: ${problem}`);
	}
	if (WARMUP > 0) {
		await load(url, method, WARMUP, undefined, s.uncached, s.form);
		// autocannon drops its connections at the end, but the server still works through the requests it had
		// accepted: wait for them, or the measured run starts behind a backlog.
		await waitIdle(pid, base);
	}

	const latencies = new Latencies();
	const m = await measured(pid, base, () => load(url, method, DURATION, latencies.add, s.uncached, s.form));
	const result = m.value;
	const sent = result.requests.sent ?? result.requests.total;
	const statusCodes = statusCounts(result);
	return {
		scenario: s.name,
		server: s.server,
		method,
		path: s.path,
		requests: result.requests.total,
		requestsPerSecond: result.requests.total / result.duration,
		latencyMs: latencies.summary(),
		non2xx: result.non2xx,
		// The form POST answers 303 (SvelteKit's redirect after an action); pages 2xx.
		unexpected: s.form ? result.requests.total - (statusCodes['303'] ?? 0) : result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes,
		bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
		peakRssMb: m.peakRssMb,
		// Divided by every request sent, so that slow pages (few completions, 50 in flight) are not over-charged.
		serverCpuMsPerRequest: m.serverCpuDrainedMs !== null && sent ? m.serverCpuDrainedMs / sent : null,
		serverCpuShare: m.serverCpuMs !== null ? m.serverCpuMs / (result.duration * 1000) : null,
		clientCpuShare: m.clientCpuMs / (result.duration * 1000),
		loadAverage1m: os.loadavg()[0],
		ratioToCeiling: null,
		ratioToFloor: null,
		floor: s.floor,
		target: null
	};
}

/** Checks the targets given; call once the ceiling's req/s is known. */
function judge(r: Measured, t: Target | undefined): void {
	if (!t) return;
	const missed: string[] = [];
	if (t.p99Ms !== undefined && !(r.latencyMs.p99 < t.p99Ms)) missed.push(`p99 ${r.latencyMs.p99.toFixed(1)} ms ≥ ${t.p99Ms} ms`);
	if (t.minRatioToCeiling !== undefined && !(r.ratioToCeiling !== null && r.ratioToCeiling >= t.minRatioToCeiling)) {
		missed.push(`${fmt(r.ratioToCeiling, 3)} × ceiling < ${t.minRatioToCeiling}`);
	}
	if (t.minRatioToFloor !== undefined && !(r.ratioToFloor !== null && r.ratioToFloor >= t.minRatioToFloor)) {
		missed.push(`${fmt(r.ratioToFloor, 3)} × ${r.floor ?? 'floor'} < ${t.minRatioToFloor}`);
	}
	if (t.maxRssMb !== undefined && !(r.peakRssMb !== null && r.peakRssMb < t.maxRssMb)) missed.push(`peak RSS ${fmt(r.peakRssMb, 0)} MB ≥ ${t.maxRssMb} MB`);
	if (r.unexpected > 0 || r.errors > 0 || r.timeouts > 0) missed.push('failed responses');
	r.target = { ...t, floorName: r.floor, met: missed.length === 0, missed };
}

// ---- registration rush ---------------------------------------------------------------------------------------

type Outcomes = Record<string, number>;

interface RushPhase {
	slug: string;
	accounts: RushAccount[];
}

/** What the measured part of a rush run saw; the warm-up's responses only count its connections' first requests. */
interface RushRun {
	outcomes: Outcomes;
	warmupOutcomes: Outcomes;
	latencies: Latencies;
	warmupFirsts: Latencies;
	/** Measured requests sent, and those that were the first on their connection. */
	sent: number;
	measuredFirstOnConnection: number;
	connectionsOpenAtStart: number;
	/** From the first measured request to its last response. */
	seconds: number;
	serverCpuAtStart: number | null;
	clientCpuAtStart: NodeJS.CpuUsage | null;
	cutShort: boolean;
	result: autocannon.Result;
}

/**
 * One autocannon run over the warm-up's accounts and then the measured ones, on the same 50 connections: one POST of
 * the registration form per account, each with the account's session cookie, a state, role `member` (no
 * one-head-per-delegation refusals) and a fresh `_form_token`. The measured part starts with the first request of a
 * measured account, on connections already open. Why: Node (libuv 1.46 `uv__server_io`) accepts one connection per
 * turn of its event loop, and a turn of a busy server is long (every request that arrived in it is handled in it), so
 * 50 connections opened at once against a busy server are accepted over one to three seconds; their first requests
 * then measure that wait, not the registration. In production a reverse proxy (TLS) keeps its connections to the app
 * open. Each response is timed from the moment its request was built (autocannon builds each just before sending it),
 * and sorted by where the 303 points: `/registrations/<id>?new=1` is a registration made; `?existing=1` or `/login`
 * (a session not recognised) is not.
 */
function rushLoad(base: string, pid: number, warmup: RushPhase | null, measuredPhase: RushPhase, seconds: number): Promise<RushRun> {
	const origin = base;
	const warm = warmup?.accounts.length ?? 0;
	const total = warm + measuredPhase.accounts.length;
	const connections = Math.min(CONNECTIONS, total);
	const run: Omit<RushRun, 'result' | 'seconds' | 'cutShort'> = {
		outcomes: {},
		warmupOutcomes: {},
		latencies: new Latencies(),
		warmupFirsts: new Latencies(),
		sent: 0,
		measuredFirstOnConnection: 0,
		connectionsOpenAtStart: 0,
		serverCpuAtStart: null,
		clientCpuAtStart: null
	};
	let n = 0;
	let startedAt = 0;
	let lastAt = 0;
	/** The response just recorded (onResponse runs right before autocannon's 'response' event for the same request). */
	let last = { measured: false, ms: 0 };
	const seen = new Set<unknown>();
	type Ctx = { measured?: boolean; builtAt?: number };
	return new Promise<RushRun>((resolve, reject) => {
		let cutShort = false;
		const instance = autocannon(
			{
				url: base,
				connections,
				amount: total,
				timeout: 30,
				requests: [
					{
						method: 'POST',
						setupRequest: (req, context: Ctx) => {
							// Past the last account (only after a dropped connection made autocannon rebuild a request) accounts
							// repeat, and the repeat shows up as an `existing` answer.
							const i = n++ % total;
							const measured = i >= warm;
							const phase = measured ? measuredPhase : warmup!;
							const a = phase.accounts[measured ? i - warm : i];
							if (measured && !startedAt) {
								startedAt = performance.now();
								run.connectionsOpenAtStart = seen.size;
								run.serverCpuAtStart = cpuMs(pid);
								run.clientCpuAtStart = process.cpuUsage();
							}
							if (measured) run.sent++;
							context.measured = measured;
							context.builtAt = performance.now();
							const path = `/meetings/${phase.slug}/register`;
							const body = rushFormBody(a);
							return {
								...req,
								method: 'POST',
								path,
								// As a browser posts the form without JavaScript. Without `accept: text/html` SvelteKit answers as to
								// `use:enhance`: 200 with JSON `{ type: 'redirect' }` instead of the 303.
								headers: {
									...req.headers,
									cookie: `ccm_session=${a.token}`,
									origin,
									accept: 'text/html,application/xhtml+xml',
									'content-type': 'application/x-www-form-urlencoded'
								},
								body
							};
						},
						onResponse: (status, _body, context: Ctx, headers) => {
							const now = performance.now();
							let kind = String(status);
							if (status === 303) {
								const location = String(Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'location')?.[1] ?? '');
								kind = /^\/registrations\/\d+\?new=1$/.test(location)
									? 'created'
									: /^\/registrations\/\d+\?existing=1$/.test(location)
										? '303 existing'
										: location.startsWith('/login')
											? '303 to login'
											: `303 to ${location.slice(0, 60)}`;
							}
							const outcomes = context.measured ? run.outcomes : run.warmupOutcomes;
							outcomes[kind] = (outcomes[kind] ?? 0) + 1;
							last = { measured: !!context.measured, ms: now - (context.builtAt ?? now) };
							if (context.measured) {
								run.latencies.add(last.ms);
								lastAt = now;
							}
						}
					}
				]
			},
			(err, result) => {
				clearTimeout(timer);
				if (err) reject(err);
				// autocannon notices the end on its next 1 s tick: measure from the start to the last response instead.
				else resolve({ ...run, result, cutShort, seconds: ((lastAt || performance.now()) - (startedAt || performance.now())) / 1000 });
			}
		);
		// `amount` overrides autocannon's duration: stop it ourselves.
		const timer = setTimeout(() => {
			cutShort = true;
			instance.stop();
		}, seconds * 1000);
		instance.on('response', (client) => {
			if (seen.has(client)) return;
			seen.add(client);
			if (last.measured) run.measuredFirstOnConnection++;
			else run.warmupFirsts.add(last.ms);
		});
	});
}

/** The rush on the app at `base`; `dbTarget` (a SQLite file or a postgres:// URL) is checked after it. */
async function registrationRush(base: string, pid: number, data: RushData, dbTarget: string, name = RUSH): Promise<Measured> {
	const path = `/meetings/${RUSH_SLUG}/register`;
	// A fast 200 of the form (or a redirect to the login page) must not pass for a registration: one account's form first.
	const probe = await fetch(base + path, { headers: { cookie: `ccm_session=${data.warmupAccounts[0]?.token ?? data.accounts[0].token}` }, redirect: 'manual' });
	const page = await probe.text();
	if (probe.status !== 200 || !page.includes('_form_token'))
		throw new Error(`${name}: GET ${path} with a delegate's session answered ${probe.status}${probe.status === 200 ? ' without a _form_token field' : ''}`);

	const warmup = WARMUP > 0 && data.warmupAccounts.length ? { slug: RUSH_WARMUP_SLUG, accounts: data.warmupAccounts } : null;
	const rssBefore = rssKb(pid);
	const rss = sampleRss(pid);
	const r = await rushLoad(base, pid, warmup, { slug: RUSH_SLUG, accounts: data.accounts }, RUSH_SECONDS + (warmup ? 30 : 0));
	const client = r.clientCpuAtStart ? process.cpuUsage(r.clientCpuAtStart) : null;
	const cpuAtEnd = cpuMs(pid);
	// Requests still in flight when the run ended are worked through after it: count their CPU time too.
	await waitIdle(pid, base);
	const cpuDrained = cpuMs(pid);
	const peakKb = rss.stop();
	const { result, outcomes, sent, seconds, cutShort, latencies } = r;
	const responses = latencies.n;
	const created = outcomes.created ?? 0;
	const verification = await verifyRush(dbTarget, data.meetingId, created, cutShort ? sent - responses : 0);
	const since = (x: number | null) => (x !== null && r.serverCpuAtStart !== null ? x - r.serverCpuAtStart : null);
	return {
		scenario: name,
		server: 'app',
		method: 'POST',
		path,
		requests: responses,
		requestsPerSecond: responses / seconds,
		latencyMs: latencies.summary(),
		non2xx: Object.entries(outcomes)
			.filter(([k]) => !k.startsWith('2') && k !== 'created' && !k.startsWith('303'))
			.reduce((a, [, v]) => a + v, 0),
		unexpected: responses - created,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes: outcomes,
		bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
		peakRssMb: peakKb === null ? null : peakKb / 1024,
		serverCpuMsPerRequest: since(cpuDrained) !== null && sent ? since(cpuDrained)! / sent : null,
		serverCpuShare: since(cpuAtEnd) !== null ? since(cpuAtEnd)! / (seconds * 1000) : null,
		clientCpuShare: client ? (client.user + client.system) / 1000 / (seconds * 1000) : 0,
		loadAverage1m: os.loadavg()[0],
		ratioToCeiling: null,
		ratioToFloor: null,
		floor: FLOOR_POST,
		target: null,
		rush: {
			accounts: data.accounts.length,
			capacity: RUSH_CAPACITY,
			sent,
			outcomes,
			latencyByTenth: latencies.tenths(),
			connectionsOpenAtStart: r.connectionsOpenAtStart,
			measuredFirstOnConnection: r.measuredFirstOnConnection,
			warmupFirstOnConnectionMs: r.warmupFirsts.summary(),
			rssBeforeMb: rssBefore === null ? null : rssBefore / 1024,
			verification
		}
	};
}

// ---- the rush elsewhere: more processes, PostgreSQL --------------------------------------------------------------

interface PgServer {
	/** A new empty database on the server, dropped at the end. */
	database: () => Promise<string>;
}

/** DATABASE_URL's PostgreSQL, or a throwaway server started as .ci/run starts one (initdb, pg_ctl; as `postgres` when run as root). */
async function postgres(): Promise<PgServer> {
	let admin = process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;
	if (!admin) {
		const found = spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1'], { encoding: 'utf8' }).stdout.trim();
		const bin = found ? path.dirname(found) : spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' }).stdout?.trim();
		if (!bin || !fs.existsSync(path.join(bin, 'initdb'))) throw new Error('--pg: set DATABASE_URL or install PostgreSQL (initdb not found)');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-bench-pg-'));
		const root_ = process.getuid?.() === 0;
		if (root_) spawnSync('chown', ['postgres:postgres', dir]);
		const run = (cmd: string, argv: string[]) => {
			const r = root_ ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...argv], { encoding: 'utf8' }) : spawnSync(cmd, argv, { encoding: 'utf8' });
			if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
		};
		const port = await freePort();
		run(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
		// synchronous_commit off: a crash keeps the database consistent and may lose the last commits, as SQLite's
		// synchronous = NORMAL in WAL mode does (the app's setting). fsync stays on.
		run(path.join(bin, 'pg_ctl'), [
			'-D',
			path.join(dir, 'data'),
			'-l',
			path.join(dir, 'log'),
			'-w',
			'-o',
			`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c synchronous_commit=off`,
			'start'
		]);
		undo.push(() => {
			run(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
			fs.rmSync(dir, { recursive: true, force: true });
		});
		admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
		console.log(`» started a throwaway PostgreSQL on 127.0.0.1:${port}`);
	}
	let n = 0;
	return {
		database: async () => {
			const name = `ccm_bench_${process.pid}_${++n}`;
			const c = new pg.Client({ connectionString: admin! });
			await c.connect();
			await c.query(`create database ${name}`);
			await c.end();
			undo.push(async () => {
				const d = new pg.Client({ connectionString: admin! });
				await d.connect();
				await d.query(`drop database if exists ${name} with (force)`);
				await d.end();
			});
			const u = new URL(admin!);
			u.pathname = `/${name}`;
			return u.toString();
		}
	};
}

/**
 * The rush on an app of its own: a fresh database (SQLite in a new DATA_DIR, or `pgUrl`), the rush's data inserted,
 * then the app restarted with `processes` processes (WEB_CONCURRENCY) and loaded as the main rush is.
 */
async function rushElsewhere(name: string, processes: number, pgUrl: string | null): Promise<Measured> {
	const dir = fs.mkdtempSync(path.join(tmpDir!, 'rush-'));
	const port = await freePort();
	const base = `http://${HOST}:${port}`;
	const log = path.join(dir, 'app.log');
	const env = {
		PORT: String(port),
		HOST,
		ORIGIN: base,
		DATA_DIR: path.join(dir, 'data'),
		DATABASE_URL: pgUrl ?? '',
		NODE_ENV: 'production',
		CCM_BUILD_DIR: buildCopy!
	};
	const target = pgUrl ?? path.join(dir, 'data', 'ccm.db');
	console.log(`» ${name}: start an app on ${base} (${pgUrl ? 'PostgreSQL' : 'SQLite'}), insert the rush, restart with ${processes} process(es)`);
	const first = start(name, path.join(root, 'server.js'), env, log);
	await waitHealthy(name, first, base, log, 60_000);
	const data = await insertRush(target, RUSH_ACCOUNTS, WARMUP > 0 ? RUSH_WARMUP_ACCOUNTS : 0);
	await stop(first, 10_000);
	const app = start(name, path.join(root, 'server.js'), { ...env, WEB_CONCURRENCY: String(processes) }, log);
	await waitHealthy(name, app, base, log, 60_000);
	// Every worker listening (the first starts the others once it listens) before the load.
	const deadline = Date.now() + 30_000;
	while (processes > 1 && (fs.readFileSync(log, 'utf8').match(/Listening on/g) ?? []).length < 1 + processes && Date.now() < deadline) await sleep(200);
	await waitIdle(app.pid!, base);
	process.stdout.write(`» ${name}: ${CONNECTIONS} connections, ${RUSH_ACCOUNTS} requests or ${RUSH_SECONDS} s … `);
	try {
		return await registrationRush(base, app.pid!, data, target, name);
	} finally {
		await stop(app, 15_000);
	}
}

// ---- timings: PDFs and the sponsorship scoring ---------------------------------------------------------------

interface Timing {
	scenario: string;
	what: string;
	path: string | null;
	/** Wall time, ms: request sent to last byte received (PDFs), or the function's own clock (sponsorship). */
	ms: number;
	/** CPU time, ms: the server's, until idle again (PDFs); this process's during the call (sponsorship). */
	cpuMs: number | null;
	bytes: number | null;
	pages: number | null;
	peakRssMb: number | null;
	/** null: the output was checked and is right; otherwise what is wrong with it. */
	problem: string | null;
	target: { ms: number; on: 'wall' | 'cpu'; met: boolean } | null;
	detail?: Record<string, unknown>;
}

/** Page objects in a PDF as pdfkit writes them (uncompressed dictionaries). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page(?!s)\b/g) ?? []).length;

/** GETs a PDF once as a warm-up and once timed. */
async function timePdf(
	scenario: string,
	what: string,
	base: string,
	path: string,
	pid: number,
	headers: Record<string, string>,
	expect: { pages?: number },
	targetMs: number | null
): Promise<Timing> {
	const get = async () => {
		const t0 = performance.now();
		const res = await fetch(base + path, { headers, redirect: 'manual', signal: AbortSignal.timeout(120_000) });
		const body = Buffer.from(await res.arrayBuffer());
		return { res, body, ms: performance.now() - t0 };
	};
	await get();
	await waitIdle(pid, base);
	const m = await measured(pid, base, get);
	const { res, body, ms } = m.value;
	const pages = pdfPages(body);
	let problem: string | null = null;
	if (res.status !== 200) problem = `answered ${res.status}`;
	else if (!res.headers.get('content-type')?.startsWith('application/pdf')) problem = `content-type ${res.headers.get('content-type')}`;
	else if (body.subarray(0, 5).toString('latin1') !== '%PDF-') problem = 'does not start with %PDF-';
	else if (expect.pages !== undefined && pages !== expect.pages) problem = `${pages} pages, expected ${expect.pages}`;
	else if (pages === 0) problem = 'no pages';
	return {
		scenario,
		what,
		path,
		ms,
		cpuMs: m.serverCpuDrainedMs,
		bytes: body.length,
		pages,
		peakRssMb: m.peakRssMb,
		problem,
		target: targetMs === null ? null : { ms: targetMs, on: 'wall', met: problem === null && ms < targetMs }
	};
}

/** The pure function, cold (first call in this process), as the unit test does; the CPU time is what the target is judged on. */
async function sponsorship(): Promise<Timing> {
	const { benchmarkSponsorship } = await import('../bench/sponsorship');
	const r = benchmarkSponsorship(1000);
	const problem = r.n !== 1000 ? `${r.n} applications` : r.criteria !== 12 ? `${r.criteria} criteria, expected 12` : r.funded === 0 ? 'nobody funded' : null;
	// Warm: the median of five more calls, for comparison.
	const warm = Array.from({ length: 5 }, () => benchmarkSponsorship(1000).wallMs).sort((a, b) => a - b)[2];
	return {
		scenario: SPONSORSHIP,
		what: `score, rank, allocate: ${r.n} applications × ${r.criteria} criteria (in process, cold)`,
		path: null,
		ms: r.wallMs,
		cpuMs: r.cpuMs,
		bytes: null,
		pages: null,
		peakRssMb: null,
		problem,
		target: { ms: SPONSORSHIP_TARGET_MS, on: 'cpu', met: problem === null && r.cpuMs < SPONSORSHIP_TARGET_MS },
		detail: { funded: r.funded, warmMedianWallMs: warm }
	};
}

// ---- CPU profile ---------------------------------------------------------------------------------------------

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}

/** Where a profiled function lives: an npm package, the app's server code, Node itself, or V8's own entries. */
function area(url: string, name: string): string {
	if (!url) return name.startsWith('(') ? name : '(native)';
	// The private build copy sits under node_modules/.cache/: test for it before the package pattern.
	if (url.includes('/ccm-bench-build-')) return 'app (build/server)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
	if (pkg) return pkg[1];
	if (url.startsWith('node:')) return 'node internals';
	return url;
}

/**
 * Copies the app's .cpuprofile out of the temporary folder (under node_modules/.cache/, which git ignores; open it in
 * Chrome DevTools or speedscope) and returns a summary: self time by area and the top functions, idle time left out.
 */
function saveProfile(dir: string): string {
	const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
	if (!file) return 'CPU profile: none was written (did the app exit by itself?)';
	const keepDir = path.join(root, 'node_modules', '.cache', 'ccm-bench-profiles');
	fs.mkdirSync(keepDir, { recursive: true });
	const kept = path.join(keepDir, `app-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
	fs.copyFileSync(path.join(dir, file), kept);
	const prof = JSON.parse(fs.readFileSync(kept, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
	const byId = new Map(prof.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000));
	const areas = new Map<string, number>();
	const fns = new Map<string, number>();
	let total = 0;
	for (const [id, ms] of self) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		if (functionName === '(idle)') continue;
		total += ms;
		const a = area(url, functionName);
		areas.set(a, (areas.get(a) ?? 0) + ms);
		const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${a}]`;
		fns.set(key, (fns.get(key) ?? 0) + ms);
	}
	const top = (m: Map<string, number>, n: number) =>
		[...m.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
			.join('\n');
	return [
		`CPU profile of the app (whole run, ${total.toFixed(0)} ms busy): ${path.relative(process.cwd(), kept)}`,
		'Self time by area:',
		top(areas, 12),
		'Top functions by self time:',
		top(fns, 25)
	].join('\n');
}

/** The app's SQLite statements by total time (`--query-prof`): what each registration or page costs in the database. */
function queryReport(prefix: string, pid: number | undefined): string {
	const file = `${prefix}.${pid}`;
	if (!fs.existsSync(file)) return 'Query profile: none was written (did the app exit by itself?)';
	const rows = (JSON.parse(fs.readFileSync(file, 'utf8')) as { sql: string; calls: number; ms: number }[]).sort((a, b) => b.ms - a.ms);
	const total = rows.reduce((t, r) => t + r.ms, 0);
	return [
		`SQLite statements of the app (whole run, ${total.toFixed(0)} ms in all), costliest first:`,
		...rows
			.slice(0, 20)
			.map(
				(r) =>
					`  ${r.ms.toFixed(0).padStart(6)} ms ${String(r.calls).padStart(6)} × ${(r.ms / r.calls).toFixed(3).padStart(7)} ms  ${r.sql.replace(/\s+/g, ' ').slice(0, 140)}`
			)
	].join('\n');
}

// ---- report --------------------------------------------------------------------------------------------------

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;

function targetText(t: Measured['target']): string {
	if (!t) return '';
	const parts = [
		t.p99Ms !== undefined && `p99 < ${t.p99Ms} ms`,
		t.minRatioToCeiling !== undefined && `≥ ${t.minRatioToCeiling} × ceiling`,
		t.minRatioToFloor !== undefined && `≥ ${t.minRatioToFloor} × ${t.floorName ?? 'floor'}`,
		t.maxRssMb !== undefined && `RSS < ${t.maxRssMb} MB`
	].filter(Boolean);
	return `${parts.join(', ')}: ${t.met ? 'met' : `MISSED (${t.missed.join('; ')})`}`;
}

function table(results: Measured[]): string {
	const head = ['scenario', 'path', 'req/s', 'p50 ms', 'p99 ms', 'bad status', 'errors', 'peak RSS MB', 'CPU ms/req', '× ceiling', '× floor', 'target'];
	const rows = results.map((r) => [
		r.scenario,
		`${r.method} ${r.path}`,
		fmt(r.requestsPerSecond, 0),
		fmt(r.latencyMs.p50, 2),
		fmt(r.latencyMs.p99, 2),
		String(r.unexpected),
		String(r.errors + r.timeouts),
		fmt(r.peakRssMb, 0),
		fmt(r.serverCpuMsPerRequest, 2),
		r.ratioToCeiling === null ? '–' : r.ratioToCeiling.toFixed(3),
		r.ratioToFloor === null ? '' : `${r.ratioToFloor.toFixed(3)} (${r.floor})`,
		targetText(r.target)
	]);
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function timingTable(timings: Timing[]): string {
	const head = ['scenario', 'what', 'time ms', 'CPU ms', 'size', 'peak RSS MB', 'check', 'target'];
	const rows = timings.map((t) => [
		t.scenario,
		t.path ? `GET ${t.path}: ${t.what}` : t.what,
		fmt(t.ms, 1),
		fmt(t.cpuMs, 1),
		t.bytes === null ? '' : `${(t.bytes / 2 ** 20).toFixed(2)} MB, ${t.pages} pages`,
		fmt(t.peakRssMb, 0),
		t.problem ?? 'ok',
		t.target ? `${t.target.on === 'cpu' ? 'CPU' : 'time'} < ${t.target.ms} ms: ${t.target.met ? 'met' : 'MISSED'}` : ''
	]);
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function rushReport(r: Measured): string {
	const x = r.rush!;
	const v = x.verification;
	const outcomes = Object.entries(x.outcomes)
		.map(([k, n]) => `${n} ${k}`)
		.join(', ');
	return [
		`Registration rush: ${x.sent} POSTs from ${x.accounts} accounts for ${x.capacity} places (${outcomes || 'no responses'}).`,
		`Latency p50/p99 ms by tenth of the run: ${x.latencyByTenth.map((t) => `${t.p50.toFixed(0)}/${t.p99.toFixed(0)}`).join(', ')}; ` +
			`${x.connectionsOpenAtStart} connections open when the measured part began, ${x.measuredFirstOnConnection} measured requests opened one; ` +
			`in the warm-up, the first request of each connection (the wait to be accepted included) p50 ${fmt(x.warmupFirstOnConnectionMs.p50, 0)} ms, max ${fmt(x.warmupFirstOnConnectionMs.max, 0)} ms. ` +
			`Server RSS ${fmt(x.rssBeforeMb, 0)} MB before, ${fmt(r.peakRssMb, 0)} MB at most during the run.`,
		`Database check: ${v.ok ? 'OK' : 'FAILED'}: ${v.registrations} registrations, ${v.placed} pending with a place, ${v.waitlisted} waitlisted, ` +
			`${v.other} other; meetings.places_held ${v.placesHeld} (capacity ${v.capacity}); ${v.distinctUsers} distinct accounts; ` +
			`${v.delegations} delegations holding ${v.delegationPlaces} places; first come first served: ${v.firstComeFirstServed ? 'yes' : 'NO'}.`,
		...v.problems.map((p) => `  - ${p}`)
	].join('\n');
}

function gitCommit(): string | null {
	const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
	if (r.status !== 0) return null;
	const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
	return r.stdout.trim() + (dirty ? '+dirty' : '');
}

// ---- main ----------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const wanted = (name: string) => !ONLY || ONLY.includes(name);
	// The ceiling and the floor always run: every ratio needs them.
	const scenarios = SCENARIOS.filter((s) => wanted(s.name) || s.server !== 'app');
	if (ONLY) {
		const known = [...SCENARIOS.map((s) => s.name), ...SPECIAL, ...(PG ? [RUSH_PG, RUSH_PG_X2] : [])];
		const unknown = ONLY.filter((n) => !known.includes(n));
		if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
	}
	const started = Date.now();

	if (BUILD) {
		console.log('» vite build');
		const t = Date.now();
		const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 2 ** 20
		});
		if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}; was another build running in this work tree?):\n${r.stdout}\n${r.stderr}`);
		console.log(`  built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}
	if (!fs.existsSync(path.join(root, 'build', 'index.js'))) throw new Error('build/index.js is missing: run without --no-build');
	const floorDir = path.join(root, 'bench', 'floor');
	if (BUILD || !fs.existsSync(path.join(floorDir, 'build', 'index.js'))) {
		console.log('» vite build of the floor app (bench/floor)');
		const t = Date.now();
		const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: floorDir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 2 ** 20
		});
		if (r.status !== 0) throw new Error(`vite build of bench/floor failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
		console.log(`  built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}

	const timings: Timing[] = [];
	if (wanted(SPONSORSHIP)) {
		// First, while nothing else of this bench is running, and cold.
		process.stdout.write(`» ${SPONSORSHIP}: 1,000 applications × 12 criteria, in this process … `);
		const t = await sponsorship();
		console.log(`${t.ms.toFixed(1)} ms (CPU ${fmt(t.cpuMs)} ms)`);
		timings.push(t);
	}

	tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-bench-'));
	// Serve a private copy of the build: another `vite build` in this work tree (tests, `npm start`) replaces build/
	// and its hashed chunks, which would break a server started from it mid-run. The copy sits under node_modules/
	// so that the server still resolves its external packages (better-sqlite3, …) from this project.
	fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
	buildCopy = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'ccm-bench-build-'));
	fs.cpSync(path.join(root, 'build'), buildCopy, { recursive: true });
	const dataDir = path.join(tmpDir, 'data');
	const dbFile = path.join(dataDir, 'ccm.db');
	const appLog = path.join(tmpDir, 'app.log');
	const ceilingLog = path.join(tmpDir, 'ceiling.log');

	const appPort = await freePort();
	const appBase = `http://${HOST}:${appPort}`;
	console.log(`» start the app on ${appBase} (fresh DATA_DIR ${dataDir}: it migrates and seeds on start)`);
	// DATABASE_URL empty: this app is on SQLite even when the shell names a PostgreSQL (for --pg).
	const appEnv = { PORT: String(appPort), HOST, ORIGIN: appBase, DATA_DIR: dataDir, NODE_ENV: 'production', CCM_BUILD_DIR: buildCopy, DATABASE_URL: '' };
	const seeding = start('app', path.join(root, 'server.js'), appEnv, appLog);
	await waitHealthy('app', seeding, appBase, appLog);

	// All data goes in before any load, through a second connection.
	console.log(`» insert the bench meeting: ${BENCH_SESSIONS} sessions over 5 days, ${BENCH_AGENDA_ITEMS} agenda items`);
	await insertBenchMeeting(dbFile);
	let rushData: RushData | null = null;
	if (wanted(RUSH)) {
		const t = Date.now();
		rushData = await insertRush(dbFile, RUSH_ACCOUNTS, WARMUP > 0 ? RUSH_WARMUP_ACCOUNTS : 0);
		console.log(
			`» insert the rush: meeting '${RUSH_SLUG}' (${RUSH_CAPACITY} places, registration open), ${RUSH_ACCOUNTS} delegate accounts with sessions ` +
				`(+ ${rushData.warmupAccounts.length} for the warm-up on '${RUSH_WARMUP_SLUG}'), ${rushData.states} states (${((Date.now() - t) / 1000).toFixed(1)} s)`
		);
	}
	if (scenarios.some((s) => s.needs === 'documents')) {
		const t = Date.now();
		documentsData = await insertBenchDocuments(dbFile, BENCH_DOCUMENTS);
		console.log(
			`» insert ${documentsData.documents.length} documents (${documentsData.files} files) over ${documentsData.meetings.length} meetings ` +
				`(${documentsData.meetings.map((m) => m.code).join(', ')}) (${((Date.now() - t) / 1000).toFixed(1)} s)`
		);
	}
	let badgesData: BadgesData | null = null;
	if (wanted(BADGES) || scenarios.some((s) => s.needs === 'badges')) {
		const t = Date.now();
		badgesData = await insertBadgesMeeting(dbFile, BADGES_PEOPLE);
		console.log(
			`» insert meeting '${BADGES_SLUG}': ${badgesData.people} approved registrations (${badgesData.listed} consenting to the list) ` +
				`in ${badgesData.organizations} delegations, and a staff session (${((Date.now() - t) / 1000).toFixed(1)} s)`
		);
	}

	// Restarted on its data, the app gathers table statistics at start as a long-running server does every few
	// minutes (PRAGMA optimize, hooks.server.ts). Statistics taken on the nearly empty tables of the first start would
	// mislead SQLite's planner for the first minutes: a session lookup scanned the 4,000 users (0.25 ms a request).
	await stop(seeding);
	console.log('» restart the app on its data');
	const queryProfile = path.join(tmpDir, 'queries');
	const app = start(
		'app',
		path.join(root, 'server.js'),
		QUERY_PROFILE ? { ...appEnv, CCM_QUERY_PROFILE: queryProfile } : appEnv,
		appLog,
		PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.join(tmpDir, 'profile')] : []
	);
	await waitHealthy('app', app, appBase, appLog);

	const ceilingPort = await freePort();
	const ceilingBase = `http://${HOST}:${ceilingPort}`;
	console.log(`» start the ceiling server on ${ceilingBase}`);
	const ceiling = start(
		'ceiling',
		path.join(root, 'bench', 'ceiling-server.js'),
		{ PORT: String(ceilingPort), HOST, DB_FILE: path.join(tmpDir, 'ceiling.db') },
		ceilingLog
	);
	await waitHealthy('ceiling', ceiling, ceilingBase, ceilingLog);

	const floorPort = await freePort();
	const floorBase = `http://${HOST}:${floorPort}`;
	const floorLog = path.join(tmpDir, 'floor.log');
	console.log(`» start the floor app on ${floorBase}`);
	const floor = start(
		'floor',
		path.join(floorDir, 'build', 'index.js'),
		{
			PORT: String(floorPort),
			HOST,
			ORIGIN: floorBase,
			FLOOR_DB: path.join(tmpDir, 'floor.db'),
			FLOOR_SESSIONS: String(FLOOR_SESSIONS),
			NODE_ENV: 'production'
		},
		floorLog
	);
	await waitHealthy('floor', floor, floorBase, floorLog);

	const share = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)} %`);
	const progress = (r: Measured) =>
		console.log(
			`${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.latencyMs.p99.toFixed(1)} ms ` +
				`(server CPU ${share(r.serverCpuShare)} of a core, load generator ${share(r.clientCpuShare)}, load average ${r.loadAverage1m.toFixed(1)})`
		);
	const results: Measured[] = [];
	const targets = new Map<Measured, Target | undefined>();
	const runScenario = async (s: Scenario) => {
		const [base, child] = s.server === 'app' ? [appBase, app] : s.server === 'floor' ? [floorBase, floor] : [ceilingBase, ceiling];
		process.stdout.write(`» ${s.name}: ${s.method ?? 'GET'} ${s.path}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s … `);
		const r = await run(s, base, child.pid!);
		progress(r);
		results.push(r);
		targets.set(r, s.target);
	};
	for (const s of scenarios.filter((s) => s.server !== 'app')) await runScenario(s);
	await stop(floor);
	// The rush first on the app, so that its memory is the rush's and not what the pages before it left on the heap.
	if (rushData) {
		process.stdout.write(
			`» ${RUSH}: POST /meetings/${RUSH_SLUG}/register, one account per request, ${CONNECTIONS} connections, ` +
				`${WARMUP > 0 ? `${WARMUP} s warm-up on '${RUSH_WARMUP_SLUG}' + ` : ''}${RUSH_ACCOUNTS} requests or ${RUSH_SECONDS} s … `
		);
		const r = await registrationRush(appBase, app.pid!, rushData, dbFile);
		progress(r);
		results.push(r);
		targets.set(r, RUSH_TARGET);
	}
	for (const s of scenarios.filter((s) => s.server === 'app')) await runScenario(s);
	if (badgesData && wanted(BADGES)) {
		const staff = { cookie: `ccm_session=${badgesData.staffToken}` };
		process.stdout.write(`» ${BADGES}: GET /admin/meetings/${BADGES_SLUG}/badges.pdf as staff, once after a warm-up … `);
		const b = await timePdf(
			BADGES,
			`${badgesData.people} badges`,
			appBase,
			`/admin/meetings/${BADGES_SLUG}/badges.pdf`,
			app.pid!,
			staff,
			{ pages: Math.ceil(badgesData.people / 4) },
			BADGES_TARGET_MS
		);
		console.log(`${b.ms.toFixed(0)} ms, ${fmt((b.bytes ?? 0) / 2 ** 20, 2)} MB, ${b.pages} pages${b.problem ? `: ${b.problem}` : ''}`);
		timings.push(b);
		process.stdout.write(`» ${BADGES}: GET /meetings/${BADGES_SLUG}/participants.pdf (public), once after a warm-up … `);
		const p = await timePdf(
			BADGES,
			`list of participants (${badgesData.listed} people)`,
			appBase,
			`/meetings/${BADGES_SLUG}/participants.pdf`,
			app.pid!,
			{},
			{},
			null
		);
		console.log(`${p.ms.toFixed(0)} ms, ${fmt((p.bytes ?? 0) / 2 ** 20, 2)} MB, ${p.pages} pages${p.problem ? `: ${p.problem}` : ''}`);
		timings.push(p);
	}

	// The rush again on apps of their own: 2 processes on SQLite, and with --pg 1 and 2 processes on PostgreSQL.
	const elsewhere: { name: string; processes: number; pg: boolean }[] = [
		...(wanted(RUSH_X2) ? [{ name: RUSH_X2, processes: 2, pg: false }] : []),
		...(PG && (wanted(RUSH) || wanted(RUSH_PG)) ? [{ name: RUSH_PG, processes: 1, pg: true }] : []),
		...(PG && (wanted(RUSH_X2) || wanted(RUSH_PG_X2)) ? [{ name: RUSH_PG_X2, processes: 2, pg: true }] : [])
	];
	let pgServer: PgServer | null = null;
	for (const e of elsewhere) {
		if (e.pg) pgServer ??= await postgres();
		const r = await rushElsewhere(e.name, e.processes, e.pg ? await pgServer!.database() : null);
		progress(r);
		results.push(r);
		targets.set(r, e.processes > 1 ? { p99Ms: RUSH_TARGET.p99Ms } : RUSH_TARGET);
	}

	let profile: string | null = null;
	if (PROFILE || QUERY_PROFILE) {
		// Node writes the profiles when the process exits: let it close down by itself.
		await stop(app, 30_000);
		profile = [PROFILE ? saveProfile(path.join(tmpDir, 'profile')) : '', QUERY_PROFILE ? queryReport(queryProfile, app.pid) : ''].filter(Boolean).join('\n\n');
	}

	const ceilingRps = results.find((r) => r.server === 'ceiling')?.requestsPerSecond ?? null;
	const rps = (name: string | undefined) => results.find((r) => r.scenario === name)?.requestsPerSecond ?? null;
	for (const r of results) {
		r.ratioToCeiling = ceilingRps ? r.requestsPerSecond / ceilingRps : null;
		const floorRps = rps(r.floor);
		r.ratioToFloor = floorRps ? r.requestsPerSecond / floorRps : null;
		judge(r, targets.get(r));
	}

	const cpus = os.cpus();
	const report = {
		date: new Date().toISOString(),
		commit: gitCommit(),
		machine: {
			cpus: cpus.length,
			cpuModel: cpus[0]?.model ?? null,
			memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
			loadAverage: os.loadavg(),
			platform: `${os.platform()} ${os.release()}`,
			node: process.version
		},
		settings: {
			connections: CONNECTIONS,
			durationSeconds: DURATION,
			warmupSeconds: WARMUP,
			host: HOST,
			rushAccounts: RUSH_ACCOUNTS,
			rushSeconds: RUSH_SECONDS
		},
		data: {
			meeting: BENCH_SLUG,
			sessions: BENCH_SESSIONS,
			agendaItems: BENCH_AGENDA_ITEMS,
			rush: rushData && {
				meeting: RUSH_SLUG,
				capacity: RUSH_CAPACITY,
				accounts: rushData.accounts.length,
				warmupAccounts: rushData.warmupAccounts.length,
				states: rushData.states
			},
			badges: badgesData && { meeting: BADGES_SLUG, approved: badgesData.people, listed: badgesData.listed, delegations: badgesData.organizations },
			documents: documentsData && {
				documents: documentsData.documents.length,
				files: documentsData.files,
				meetings: documentsData.meetings,
				years: DOCUMENT_YEARS
			}
		},
		notes:
			'Latencies in ms from every response of the measured run; the load generator runs in the bench process on the same machine. ' +
			'Timings: PDFs are timed once after one warm-up request (wall time in this process; CPU time of the server until idle); sponsorship is the first (cold) call in this process.',
		results,
		timings,
		totalSeconds: Math.round((Date.now() - started) / 100) / 10
	};
	const out = path.join(root, 'bench', 'results.json');
	fs.writeFileSync(out, JSON.stringify(report, null, '\t') + '\n');

	console.log(
		`\n${CONNECTIONS} connections, ${DURATION} s per scenario after ${WARMUP} s warm-up; Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? '?'}\n`
	);
	console.log(table(results));
	if (timings.length) console.log(`\n${timingTable(timings)}`);
	for (const r of results.filter((r) => r.rush)) console.log(`\n${rushReport(r)}`);
	for (const [many, one] of [
		[RUSH_X2, RUSH],
		[RUSH_PG_X2, RUSH_PG]
	]) {
		const [a, b] = [rps(many), rps(one)];
		if (a !== null && b !== null) console.log(`${many}: ${fmt(a / b, 2)} × the throughput of 1 process (${fmt(a, 0)} vs ${fmt(b, 0)} registrations/s).`);
	}
	if (profile) console.log(`\n${profile}`);
	console.log(`\nWritten to ${path.relative(process.cwd(), out)} (${report.totalSeconds} s in all)`);

	const failedResponses = results.filter((r) => r.unexpected > 0 || r.errors > 0 || r.timeouts > 0);
	const failedChecks = [
		...timings.filter((t) => t.problem).map((t) => `${t.scenario} (${t.what}): ${t.problem}`),
		...results.filter((r) => r.rush && !r.rush.verification.ok).map((r) => `${r.scenario}: the database check failed`)
	];
	const missed = [
		...results.filter((r) => r.target && !r.target.met).map((r) => `${r.scenario}: ${r.target!.missed.join('; ')}`),
		...timings
			.filter((t) => t.target && !t.target.met)
			.map((t) => `${t.scenario} (${t.what}): ${fmt(t.target!.on === 'cpu' ? t.cpuMs : t.ms, 0)} ms ≥ ${t.target!.ms} ms`)
	];
	if (failedResponses.length)
		console.error(
			`\nUnexpected responses: ${failedResponses.map((r) => `${r.scenario} ${JSON.stringify(r.rush?.outcomes ?? r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts`).join('; ')}`
		);
	if (failedChecks.length) console.error(`\nFailed checks: ${failedChecks.join('; ')}`);
	if (missed.length) console.error(`\nTarget missed: ${missed.join('; ')}`);
	if (failedResponses.length || failedChecks.length) return 1;
	return STRICT && missed.length ? 1 : 0;
}

let code = 1;
try {
	code = await main();
} catch (e) {
	console.error(`\nbench failed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
	await cleanup();
}
process.exit(code);
