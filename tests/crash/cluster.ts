// `npm run test:crash` (second part): two app processes (WEB_CONCURRENCY=2, node:cluster) on one fresh SQLite file.
//  1. Both start; the database is migrated and seeded once (one "applied" line, one first staff account, every
//     migration recorded once, no organisation twice), and both processes answer: requests on new connections use
//     CPU time in each of them (the primary hands connections out in turn).
//  2. 120 delegates register at once (50 at a time, new connections) through both processes: every one answers 303 to
//     a new registration and the database check of the bench's rush holds (one registration per account, places
//     counted exactly). SQLite transactions begin IMMEDIATE for this (src/lib/server/db/connect.ts).
//  3. The process that migrated is killed (SIGKILL): the primary starts another, which neither migrates nor seeds
//     again, and the app keeps answering.
//  4. SIGTERM to the primary stops every process.
// Needs a build (`npm run build`). About 5–10 s. Linux only (reads /proc).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { freePort } from '../../scripts/lib';
import { insertRush, rushFormBody, verifyRush, type RushAccount } from '../../bench/data';

const root = path.resolve(import.meta.dirname, '..', '..');
const HOST = '127.0.0.1';
const TOTAL_TIMEOUT_MS = 60_000;
const RUSH_ACCOUNTS = 120;
const t0 = Date.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let failed = 0;
function check(name: string, ok: boolean, detail: string): void {
	detail += ` [${((Date.now() - t0) / 1000).toFixed(1)} s]`;
	if (!ok) failed++;
	console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

function childPids(pid: number): number[] {
	try {
		return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

function cpuTicks(pid: number): number {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(f[11]) + Number(f[12]);
}

/** The registration form posted on a connection of its own: 'created' for a 303 to a new registration. */
function register(base: string, slug: string, a: RushAccount): Promise<string> {
	const body = rushFormBody(a);
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${base}/meetings/${slug}/register`,
			{
				method: 'POST',
				agent: false,
				timeout: 20_000,
				headers: {
					cookie: `ccm_session=${a.token}`,
					origin: base,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body)
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode === 303 && /\?new=1$/.test(String(res.headers.location)) ? 'created' : String(res.statusCode)));
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

/** One GET on a connection of its own (no keep-alive), so the primary hands each to the next process. */
function get(base: string, p: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.get(base + p, { agent: false, timeout: 10_000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
	});
}

async function until<T>(what: string, f: () => Promise<T | null> | T | null, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const v = await f();
			if (v !== null && v !== undefined) return v;
		} catch {
			/* not yet */
		}
		await sleep(100);
	}
	throw new Error(`timed out waiting for ${what}`);
}

async function main(): Promise<void> {
	const buildDir = path.join(root, 'build');
	if (!fs.existsSync(path.join(buildDir, 'handler.js'))) throw new Error('build/ is missing: run `npm run build` first');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-cluster-'));
	// A private copy of the build (under node_modules, to resolve packages), as the crash test does.
	fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
	const buildCopy = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'ccm-cluster-build-'));
	fs.cpSync(buildDir, buildCopy, { recursive: true });
	const port = await freePort(HOST);
	const base = `http://${HOST}:${port}`;
	const logFile = path.join(tmp, 'app.log');
	const fd = fs.openSync(logFile, 'a');
	const env: NodeJS.ProcessEnv = {
		...process.env,
		WEB_CONCURRENCY: '2',
		PORT: String(port),
		HOST,
		ORIGIN: base,
		DATA_DIR: path.join(tmp, 'data'),
		NODE_ENV: 'production',
		CCM_BUILD_DIR: buildCopy,
		ARGON2_COST: 'insecure-test-only'
	};
	delete env.DATABASE_URL;
	const app: ChildProcess = spawn(process.execPath, [path.join(root, 'server.js')], { cwd: root, env, stdio: ['ignore', fd, fd] });
	fs.closeSync(fd);
	const log = () => fs.readFileSync(logFile, 'utf8');
	const timer = setTimeout(() => {
		console.error('cluster test: timed out');
		app.kill('SIGKILL');
		for (const c of childPids(app.pid!)) process.kill(c, 'SIGKILL');
		process.exit(1);
	}, TOTAL_TIMEOUT_MS);
	try {
		const workers = await until('two app processes listening', () => {
			const ws = childPids(app.pid!);
			return ws.length === 2 && (log().match(/Listening on/g) ?? []).length === 2 ? ws : null;
		});
		await until('/healthz', async () => ((await get(base, '/healthz')) === 200 ? true : null));

		const dbFile = path.join(tmp, 'data', 'ccm.db');
		const migrationFiles = fs.readdirSync(path.join(root, 'migrations')).filter((f) => f.endsWith('.ts')).length;
		const db = new SQLite(dbFile, { readonly: true });
		const one = (q: string) => Object.values(db.prepare(q).get() as Record<string, number>)[0];
		check('migrated once', (log().match(/Database \(sqlite\): applied/g) ?? []).length === 1, 'one process printed "applied"');
		check(
			'every migration recorded once',
			one('select count(*) from kysely_migration') === migrationFiles && one('select count(distinct name) from kysely_migration') === migrationFiles,
			`${one('select count(*) from kysely_migration')} rows for ${migrationFiles} migration files`
		);
		check('seeded once', (log().match(/First start: a staff account was created/g) ?? []).length === 1, 'one first staff account announced');
		check('one staff account', one("select count(*) from users where role = 'staff'") === 1, `${one("select count(*) from users where role = 'staff'")} staff`);
		const orgs = one('select count(*) from organizations');
		check('no organisation twice', orgs > 100 && orgs === one('select count(distinct name) from organizations'), `${orgs} organisations`);

		const before = workers.map(cpuTicks);
		const statuses = [];
		for (let i = 0; i < 60; i++) statuses.push(await get(base, '/meetings?kind=msp&year=' + (2000 + (i % 20))));
		const used = workers.map((w, i) => cpuTicks(w) - before[i]);
		check('both processes serve', statuses.every((s) => s === 200) && used.every((t) => t >= 2), `CPU ticks used per process: ${used.join(', ')}`);

		const rush = await insertRush(dbFile, RUSH_ACCOUNTS, 0);
		const outcomes: Record<string, number> = {};
		const rushStart = Date.now();
		for (let i = 0; i < rush.accounts.length; i += 50) {
			for (const o of await Promise.all(rush.accounts.slice(i, i + 50).map((a) => register(base, 'rush', a).catch((e) => String(e.message)))))
				outcomes[o] = (outcomes[o] ?? 0) + 1;
		}
		const v = await verifyRush(dbFile, rush.meetingId, outcomes.created ?? 0);
		check(
			'a rush through both processes',
			outcomes.created === RUSH_ACCOUNTS && v.ok,
			`${JSON.stringify(outcomes)} in ${Date.now() - rushStart} ms; database check ${v.ok ? 'OK' : v.problems.join('; ')}`
		);

		const migrator = workers[0];
		process.kill(migrator, 'SIGKILL');
		const replaced = await until('a replacement process', () => {
			const ws = childPids(app.pid!);
			return ws.length === 2 && !ws.includes(migrator) && (log().match(/Listening on/g) ?? []).length === 3 ? ws : null;
		});
		const after = await Promise.all(Array.from({ length: 10 }, () => get(base, '/healthz')));
		check(
			'a killed process is replaced',
			after.every((s) => s === 200),
			`processes ${replaced.join(', ')} answer after ${migrator} was killed`
		);
		check(
			'the replacement did not migrate or seed',
			(log().match(/applied/g) ?? []).length === 1 &&
				one("select count(*) from users where role = 'staff'") === 1 &&
				one('select count(*) from organizations') === orgs,
			'still one "applied", one staff, the same organisations'
		);
		db.close();

		app.kill('SIGTERM');
		const stopped = await until('the primary to exit', () => (app.exitCode !== null || app.signalCode !== null ? true : null), 15_000).catch(() => false);
		const left = replaced.filter((p) => fs.existsSync(`/proc/${p}`));
		check('SIGTERM stops every process', stopped && left.length === 0, stopped ? `exit ${app.exitCode}, ${left.length} left` : 'primary still running');
	} finally {
		clearTimeout(timer);
		if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
		fs.rmSync(buildCopy, { recursive: true, force: true });
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

try {
	await main();
} catch (e) {
	failed++;
	console.error(`cluster test failed: ${e instanceof Error ? e.message : String(e)}`);
}
console.log(`${failed ? 'FAILED' : 'passed'}: two processes on one SQLite file (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
