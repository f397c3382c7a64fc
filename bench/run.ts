// `npm run bench`: build, start the production server on a throwaway database with a 200-session meeting, load it
// with autocannon from this process (127.0.0.1 only, bounded in time) and print requests/s, p50, p99 and the
// server's peak RSS per scenario, each compared with a "ceiling": a bare Node http server doing one better-sqlite3
// insert per request, measured in the same run. Results also go to bench/results.json.
//
// Options: --no-build  --duration 10  --warmup 2  --connections 50  --only programme,calendar  --strict
//          (--strict: exit 1 when a target is missed; failed responses always exit 1)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { BENCH_AGENDA_ITEMS, BENCH_SESSIONS, BENCH_SLUG, insertBenchMeeting } from './data';
import { args } from '../scripts/lib';

// ---- scenarios -----------------------------------------------------------------------------------------------

type ServerName = 'app' | 'ceiling';

interface Scenario {
	name: string;
	server: ServerName;
	method?: 'GET' | 'POST';
	path: string;
	/** Issue's target, checked and reported. */
	target?: { p99Ms: number };
	/** A quick check of one response before the load, so a fast 200 of the wrong page cannot pass. */
	check?: (body: string) => string | null;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

const SCENARIOS: Scenario[] = [
	{ name: 'ceiling', server: 'ceiling', path: '/insert' },
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
const ONLY = typeof opt.only === 'string' ? opt.only.split(',').map((s) => s.trim()) : null;
for (const [k, v] of Object.entries({ DURATION, WARMUP, CONNECTIONS })) {
	if (!Number.isFinite(v) || v < 0 || (k !== 'WARMUP' && v === 0)) throw new Error(`--${k.toLowerCase()} must be a positive number`);
}
// Load only ever goes to this machine's loopback.
const HOST = '127.0.0.1';

// ---- processes -----------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
let tmpDir: string | undefined;
let buildCopy: string | undefined;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, HOST, () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

function start(name: string, script: string, env: Record<string, string>, logFile: string): ChildProcess {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
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

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

async function cleanup(): Promise<void> {
	await Promise.all([...children].map(stop));
	for (const dir of [tmpDir, buildCopy]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
	tmpDir = buildCopy = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void cleanup().finally(() => process.exit(130));
	});
}

// ---- memory sampling -----------------------------------------------------------------------------------------

function rssKb(pid: number): number | null {
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

/** User + system CPU time of a process so far, in ms (Linux only; null elsewhere). */
function cpuMs(pid: number): number | null {
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
	target: { p99Ms: number; met: boolean } | null;
}

function percentile(sorted: Float64Array, p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function load(url: string, method: string, seconds: number, onLatency?: (ms: number) => void): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => {
		const opts = { url, method: method as autocannon.Request['method'], connections: CONNECTIONS, duration: seconds, timeout: 30 };
		const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
		// autocannon's own histogram keeps whole milliseconds; keep every latency for sub-millisecond percentiles.
		if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
	});
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
		await load(url, method, WARMUP);
		// autocannon drops its connections at the end, but the server still works through the requests it had
		// accepted: wait for them, or the measured run starts behind a backlog.
		await waitIdle(pid, base);
	}

	let latencies = new Float64Array(1 << 16);
	let n = 0;
	const rss = sampleRss(pid);
	const cpuBefore = cpuMs(pid);
	const clientBefore = process.cpuUsage();
	const result = await load(url, method, DURATION, (ms) => {
		if (n === latencies.length) {
			const bigger = new Float64Array(latencies.length * 2);
			bigger.set(latencies);
			latencies = bigger;
		}
		latencies[n++] = ms;
	});
	const cpuAfter = cpuMs(pid);
	const client = process.cpuUsage(clientBefore);
	// The requests still in flight when the run ended are worked through after it: count their CPU time too, and
	// divide by every request sent, so that slow pages (few completions, 50 in flight) are not over-charged.
	await waitIdle(pid, base);
	const cpuDrained = cpuMs(pid);
	const peakKb = rss.stop();
	const sent = result.requests.sent ?? result.requests.total;
	const serverCpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
	const cpuPerRequest = cpuBefore !== null && cpuDrained !== null && sent ? (cpuDrained - cpuBefore) / sent : null;
	const sorted = latencies.subarray(0, n).sort();
	const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : NaN;
	const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]));
	const p99 = percentile(sorted, 99);
	return {
		scenario: s.name,
		server: s.server,
		method,
		path: s.path,
		requests: result.requests.total,
		requestsPerSecond: result.requests.total / result.duration,
		latencyMs: { mean, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99, max: sorted[n - 1] ?? NaN },
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes,
		bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
		peakRssMb: peakKb === null ? null : peakKb / 1024,
		serverCpuMsPerRequest: cpuPerRequest,
		serverCpuShare: serverCpuMs !== null ? serverCpuMs / (result.duration * 1000) : null,
		clientCpuShare: (client.user + client.system) / 1000 / (result.duration * 1000),
		loadAverage1m: os.loadavg()[0],
		ratioToCeiling: null,
		target: s.target ? { p99Ms: s.target.p99Ms, met: p99 < s.target.p99Ms && result.non2xx === 0 && result.errors === 0 } : null
	};
}

// ---- report --------------------------------------------------------------------------------------------------

const fmt = (x: number | null, digits = 1) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(digits));

function table(results: Measured[]): string {
	const head = ['scenario', 'path', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'peak RSS MB', 'CPU ms/req', '× ceiling', 'target'];
	const rows = results.map((r) => [
		r.scenario,
		`${r.method} ${r.path}`,
		fmt(r.requestsPerSecond, 0),
		fmt(r.latencyMs.p50, 2),
		fmt(r.latencyMs.p99, 2),
		String(r.non2xx),
		String(r.errors + r.timeouts),
		fmt(r.peakRssMb, 0),
		fmt(r.serverCpuMsPerRequest, 2),
		r.ratioToCeiling === null ? '–' : r.ratioToCeiling.toFixed(3),
		r.target ? `p99 < ${r.target.p99Ms} ms: ${r.target.met ? 'met' : 'MISSED'}` : ''
	]);
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function gitCommit(): string | null {
	const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
	if (r.status !== 0) return null;
	const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !== '';
	return r.stdout.trim() + (dirty ? '+dirty' : '');
}

// ---- main ----------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const scenarios = SCENARIOS.filter((s) => !ONLY || ONLY.includes(s.name) || s.server === 'ceiling');
	if (ONLY) {
		const unknown = ONLY.filter((n) => !SCENARIOS.some((s) => s.name === n));
		if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
	}

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

	tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-bench-'));
	// Serve a private copy of the build: another `vite build` in this work tree (tests, `npm start`) replaces build/
	// and its hashed chunks, which would break a server started from it mid-run. The copy sits under node_modules/
	// so that the server still resolves its external packages (better-sqlite3, …) from this project.
	fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
	buildCopy = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'ccm-bench-build-'));
	fs.cpSync(path.join(root, 'build'), buildCopy, { recursive: true });
	const dataDir = path.join(tmpDir, 'data');
	const appLog = path.join(tmpDir, 'app.log');
	const ceilingLog = path.join(tmpDir, 'ceiling.log');

	const appPort = await freePort();
	const appBase = `http://${HOST}:${appPort}`;
	console.log(`» start the app on ${appBase} (fresh DATA_DIR ${dataDir}: it migrates and seeds on start)`);
	const app = start(
		'app',
		path.join(buildCopy, 'index.js'),
		{ PORT: String(appPort), HOST, ORIGIN: appBase, DATA_DIR: dataDir, NODE_ENV: 'production' },
		appLog
	);
	await waitHealthy('app', app, appBase, appLog);

	console.log(`» insert the bench meeting: ${BENCH_SESSIONS} sessions over 5 days, ${BENCH_AGENDA_ITEMS} agenda items`);
	await insertBenchMeeting(path.join(dataDir, 'ccm.db'));

	const ceilingPort = await freePort();
	const ceilingBase = `http://${HOST}:${ceilingPort}`;
	console.log(`» start the ceiling server on ${ceilingBase}`);
	const ceiling = start('ceiling', path.join(root, 'bench', 'ceiling-server.js'), { PORT: String(ceilingPort), HOST, DB_FILE: path.join(tmpDir, 'ceiling.db') }, ceilingLog);
	await waitHealthy('ceiling', ceiling, ceilingBase, ceilingLog);

	const results: Measured[] = [];
	for (const s of scenarios) {
		const [base, child] = s.server === 'app' ? [appBase, app] : [ceilingBase, ceiling];
		process.stdout.write(`» ${s.name}: ${s.method ?? 'GET'} ${s.path}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s … `);
		const r = await run(s, base, child.pid!);
		const share = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)} %`);
		console.log(
			`${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.latencyMs.p99.toFixed(1)} ms ` +
				`(server CPU ${share(r.serverCpuShare)} of a core, load generator ${share(r.clientCpuShare)}, load average ${r.loadAverage1m.toFixed(1)})`
		);
		results.push(r);
	}
	const ceilingRps = results.find((r) => r.server === 'ceiling')?.requestsPerSecond ?? null;
	for (const r of results) r.ratioToCeiling = ceilingRps ? r.requestsPerSecond / ceilingRps : null;

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
		settings: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, host: HOST },
		data: { meeting: BENCH_SLUG, sessions: BENCH_SESSIONS, agendaItems: BENCH_AGENDA_ITEMS },
		notes: 'Latencies in ms from every response of the measured run; the load generator runs in the bench process on the same machine.',
		results
	};
	const out = path.join(root, 'bench', 'results.json');
	fs.writeFileSync(out, JSON.stringify(report, null, '\t') + '\n');

	console.log(
		`\n${CONNECTIONS} connections, ${DURATION} s per scenario after ${WARMUP} s warm-up; Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? '?'}\n`
	);
	console.log(table(results));
	console.log(`\nWritten to ${path.relative(process.cwd(), out)}`);

	const failedResponses = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0);
	const missed = results.filter((r) => r.target && !r.target.met);
	if (failedResponses.length) console.error(`\nNot every response was 2xx: ${failedResponses.map((r) => `${r.scenario} ${JSON.stringify(r.statusCodes)}, ${r.errors} errors`).join('; ')}`);
	if (missed.length) console.error(`\nTarget missed: ${missed.map((r) => `${r.scenario} p99 ${r.latencyMs.p99.toFixed(1)} ms ≥ ${r.target!.p99Ms} ms`).join('; ')}`);
	if (failedResponses.length) return 1;
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
