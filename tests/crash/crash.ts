// `npm run test:crash`: kill -9 the production server in the middle of a registration rush and check that nothing
// acknowledged is lost, then check that a backup taken during the load restores into a working app.
//
//  1. Serves a private copy of build/ (as bench/run.ts does, so that another `vite build` in this work tree cannot
//     break the server mid-run) on a fresh DATA_DIR, and inserts the rush (bench/data.ts: meeting `rush`, 1,500
//     places, one delegate account with a session per request).
//  2. Rush: the accounts POST the registration form in waves of --connections (50) concurrent requests, one wave every
//     --wave-ms (250 ms). Every 303 to /registrations/<id>?new=1 is recorded as acknowledged, with its id.
//  3. Once --backup-at (40 %) of the accounts are acknowledged, `npm run backup -- --to <tmp>/during-load.db` runs
//     beside the load (DATA_DIR set). When it has finished and --kill-after (80 %, past the capacity) are
//     acknowledged, the server gets SIGKILL at a response with most of its wave still in flight (some committed, some not).
//  4. The server restarts on the same DATA_DIR. Checks, through a read-only connection: every acknowledged id is there
//     with its account, PRAGMA integrity_check is ok, places held = min(capacity, registrations) = meetings.places_held,
//     nothing both waitlisted and holding a place.
//  5. The accounts without an acknowledgement register again (those whose request was in flight at the kill answer
//     `existing` if it was committed), then the totals: one registration per account, exactly 1,500 places, the rest
//     waitlisted (bench's verifyRush too).
//  6. The backup: integrity ok, a single file, every registration acknowledged before it started is in it, no more than
//     were sent before it ended, its counters consistent; served by a second server from a new DATA_DIR: /healthz ok,
//     /meetings/rush 200, an acknowledged delegate sees their registration, a new registration goes through.
//
// Needs a build: `npm run build` first (or pass --build). Only 127.0.0.1; every wait is bounded; the servers, the
// backup and the temporary folders are removed at the end, on failure and on Ctrl-C. About 30–40 s on 2 cores.
//
// Options: --accounts 2000  --connections 50  --wave-ms 250  --backup-at 0.4  --kill-after 0.8  --build
//          --keep (keep the temp folder)  --lose-wal (self-test: delete the WAL after the kill; the test must FAIL)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { insertRush, RUSH_CAPACITY, RUSH_SLUG, rushFormBody, verifyRush, type RushAccount } from '../../bench/data';
import { args, freePort as freePortOn } from '../../scripts/lib';

const root = path.resolve(import.meta.dirname, '..', '..');
const opt = args();
const ACCOUNTS = Number(opt.accounts ?? 2000);
const CONNECTIONS = Number(opt.connections ?? 50);
const WAVE_MS = Number(opt['wave-ms'] ?? 250);
const BACKUP_AT = Number(opt['backup-at'] ?? 0.4);
/** The kill waits until this share of the accounts is acknowledged (past the capacity: some are waitlisted by then). */
const KILL_AFTER = Number(opt['kill-after'] ?? 0.8);
/** Self-test of the checks: delete ccm.db-wal (and -shm) after the kill, as a lost write would; the test must then FAIL. */
const LOSE_WAL = !!opt['lose-wal'];
const BUILD = !!opt.build;
const KEEP = !!opt.keep;
const HOST = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 20_000;
const HEALTH_TIMEOUT_MS = 30_000;
const BACKUP_TIMEOUT_MS = 60_000;
/** The whole test, past which it fails and cleans up. */
const TOTAL_TIMEOUT_MS = 170_000;
if (!(ACCOUNTS > RUSH_CAPACITY)) throw new Error(`--accounts must be more than the capacity (${RUSH_CAPACITY})`);
if (!(CONNECTIONS > 0 && WAVE_MS >= 0 && BACKUP_AT > 0 && BACKUP_AT < 1 && KILL_AFTER >= BACKUP_AT && KILL_AFTER < 0.95))
	throw new Error('bad --connections, --wave-ms, --backup-at or --kill-after');

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (s: string) => console.log(`[${secs().padStart(7)}] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- checks --------------------------------------------------------------------------------------------------

const results: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string): boolean {
	results.push({ name, ok, detail });
	console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
	return ok;
}

// ---- processes -----------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
let tmpDir: string | undefined;
let buildCopy: string | undefined;

const freePort = () => freePortOn(HOST);

/** Each child leads its own process group, so that `npm run backup`'s grandchildren go with it. */
function spawnTracked(cmd: string, argv: string[], env: Record<string, string>, logFile: string): ChildProcess {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd], detached: true });
	fs.closeSync(fd);
	children.add(child);
	child.on('exit', () => children.delete(child));
	child.on('error', (e) => console.error(`${cmd}: ${e.message}`));
	return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (!child.pid) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* gone */
		}
	}
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	if (exited(child)) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
	if (exited(child)) return;
	killGroup(child, 'SIGTERM');
	if (!(await waitExit(child, graceMs))) {
		killGroup(child, 'SIGKILL');
		await waitExit(child, 5000);
	}
}

let cleaned = false;
async function cleanup(): Promise<void> {
	if (cleaned) return;
	cleaned = true;
	await Promise.all([...children].map((c) => stop(c)));
	if (buildCopy) fs.rmSync(buildCopy, { recursive: true, force: true });
	if (tmpDir && !KEEP) fs.rmSync(tmpDir, { recursive: true, force: true });
	else if (tmpDir) console.log(`(kept ${tmpDir})`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping`);
		void cleanup().finally(() => process.exit(130));
	});
}

interface Server {
	child: ChildProcess;
	base: string;
	logFile: string;
}

async function startServer(name: string, dataDir: string, logFile: string): Promise<Server> {
	const port = await freePort();
	const base = `http://${HOST}:${port}`;
	const child = spawnTracked(
		process.execPath,
		[path.join(root, 'server.js')],
		{ PORT: String(port), HOST, ORIGIN: base, DATA_DIR: dataDir, NODE_ENV: 'production', CCM_BUILD_DIR: buildCopy! },
		logFile
	);
	const deadline = Date.now() + HEALTH_TIMEOUT_MS;
	while (Date.now() < deadline && !exited(child)) {
		try {
			const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
			if (res.ok) {
				log(`${name} answers ${base}/healthz (pid ${child.pid}, DATA_DIR ${dataDir})`);
				return { child, base, logFile };
			}
		} catch {
			/* not up yet */
		}
		await sleep(100);
	}
	throw new Error(`${name} did not answer /healthz within ${HEALTH_TIMEOUT_MS / 1000} s (exit ${child.exitCode ?? child.signalCode}).\n${tail(logFile)}`);
}

const tail = (file: string, n = 30) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n') : '');

// ---- requests ------------------------------------------------------------------------------------------------

type Outcome =
	| { kind: 'created'; id: number }
	| { kind: 'existing'; id: number }
	/** No answer: the connection broke or timed out (expected only around the kill). */
	| { kind: 'error'; message: string }
	| { kind: 'unexpected'; message: string };

async function register(base: string, a: RushAccount): Promise<Outcome> {
	const body = rushFormBody(a);
	let res: Response;
	try {
		res = await fetch(`${base}/meetings/${RUSH_SLUG}/register`, {
			method: 'POST',
			redirect: 'manual',
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
			// As bench/run.ts sends it: a browser posting the form without JavaScript.
			headers: {
				cookie: `ccm_session=${a.token}`,
				origin: base,
				accept: 'text/html,application/xhtml+xml',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body
		});
	} catch (e) {
		const err = e as Error & { cause?: { code?: string; message?: string } };
		return { kind: 'error', message: err.cause?.code ?? err.cause?.message ?? err.message };
	}
	const location = res.headers.get('location') ?? '';
	try {
		await res.body?.cancel();
	} catch {
		/* the connection may be gone already */
	}
	const m = /^\/registrations\/(\d+)\?(new|existing)=1$/.exec(location);
	if (res.status === 303 && m) return { kind: m[2] === 'new' ? 'created' : 'existing', id: Number(m[1]) };
	return { kind: 'unexpected', message: `${res.status}${location ? ` → ${location}` : ''}` };
}

/** Sends `list` with `concurrency` workers, as fast as the server answers. */
async function registerAll(base: string, list: RushAccount[], concurrency: number): Promise<Map<number, Outcome>> {
	const out = new Map<number, Outcome>();
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, list.length) }, async () => {
			while (next < list.length) {
				const a = list[next++];
				out.set(a.userId, await register(base, a));
			}
		})
	);
	return out;
}

// ---- database checks -----------------------------------------------------------------------------------------

interface Snapshot {
	integrity: string;
	journalMode: string;
	capacity: number | null;
	placesHeld: number;
	registrations: number;
	users: number;
	holding: number;
	pendingHolding: number;
	waitlisted: number;
	waitlistedHolding: number;
	other: number;
	delegationPlaces: number;
	/** registration id → user id, for the rush meeting */
	byId: Map<number, number | null>;
}

/** Reads the rush meeting through a read-only connection of its own (not the app's code). */
function snapshot(file: string, meetingId: number): Snapshot {
	const db = new SQLite(file, { readonly: true, fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		const integrity = String(db.pragma('integrity_check', { simple: true }));
		const journalMode = String(db.pragma('journal_mode', { simple: true }));
		// One read transaction, so that every number comes from the same moment.
		return db.transaction(() => {
			const m = db.prepare('SELECT capacity, places_held FROM meetings WHERE id = ?').get(meetingId) as
				{ capacity: number | null; places_held: number } | undefined;
			if (!m) throw new Error(`meeting ${meetingId} is not in ${file}`);
			const c = db
				.prepare(
					`SELECT count(*) AS n, count(DISTINCT user_id) AS users,
						coalesce(sum(holds_place = 1), 0) AS holding,
						coalesce(sum(status = 'pending' AND holds_place = 1), 0) AS pendingHolding,
						coalesce(sum(status = 'waitlisted'), 0) AS waitlisted,
						coalesce(sum(status = 'waitlisted' AND holds_place = 1), 0) AS waitlistedHolding,
						coalesce(sum(NOT ((status = 'pending' AND holds_place = 1) OR (status = 'waitlisted' AND holds_place = 0))), 0) AS other
					 FROM registrations WHERE meeting_id = ?`
				)
				.get(meetingId) as Record<string, number>;
			const d = db.prepare('SELECT coalesce(sum(places_held), 0) AS p FROM delegations WHERE meeting_id = ?').get(meetingId) as { p: number };
			const rows = db.prepare('SELECT id, user_id FROM registrations WHERE meeting_id = ?').all(meetingId) as { id: number; user_id: number | null }[];
			return {
				integrity,
				journalMode,
				capacity: m.capacity,
				placesHeld: m.places_held,
				registrations: c.n,
				users: c.users,
				holding: c.holding,
				pendingHolding: c.pendingHolding,
				waitlisted: c.waitlisted,
				waitlistedHolding: c.waitlistedHolding,
				other: c.other,
				delegationPlaces: d.p,
				byId: new Map(rows.map((r) => [r.id, r.user_id]))
			};
		})();
	} finally {
		db.close();
	}
}

/** Every id acknowledged to an account is in the snapshot, with that account. */
function missingAcks(s: Snapshot, acks: Map<number, number>): string[] {
	const bad: string[] = [];
	for (const [userId, id] of acks) {
		const owner = s.byId.get(id);
		if (owner !== userId)
			bad.push(owner === undefined ? `registration ${id} (user ${userId}) is missing` : `registration ${id} belongs to user ${owner}, not ${userId}`);
	}
	return bad;
}

/** Integrity and the capacity counters (c); `label` prefixes the checks' names. */
function checkCounters(label: string, s: Snapshot): void {
	const cap = s.capacity ?? Infinity;
	check(`${label}: integrity_check`, s.integrity === 'ok', s.integrity);
	check(
		`${label}: places held = min(capacity, registrations)`,
		s.holding === Math.min(cap, s.registrations) && s.pendingHolding === s.holding,
		`${s.holding} registrations hold a place (${s.pendingHolding} pending), ${s.registrations} registrations, capacity ${s.capacity}`
	);
	check(`${label}: meetings.places_held matches`, s.placesHeld === s.holding, `meetings.places_held ${s.placesHeld}, registrations holding ${s.holding}`);
	check(
		`${label}: no registration both waitlisted and holding a place, none in another state`,
		s.waitlistedHolding === 0 && s.other === 0 && s.waitlisted === s.registrations - s.holding,
		`${s.waitlisted} waitlisted (${s.waitlistedHolding} of them holding a place), ${s.other} other`
	);
	check(`${label}: one registration per account`, s.users === s.registrations, `${s.users} distinct accounts for ${s.registrations} registrations`);
	check(`${label}: delegations' places_held add up`, s.delegationPlaces === s.registrations, `${s.delegationPlaces} for ${s.registrations} registrations`);
}

// ---- the test ------------------------------------------------------------------------------------------------

function newestMtime(p: string): number {
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const name of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
	return max;
}

function prepareBuild(): void {
	const entry = path.join(root, 'build', 'index.js');
	if (BUILD) {
		log('vite build (--build)');
		const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: root,
			encoding: 'utf8',
			timeout: 300_000,
			maxBuffer: 64 * 2 ** 20
		});
		if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
	}
	if (!fs.existsSync(entry)) throw new Error('build/index.js is missing: run `npm run build` first (or `npm run test:crash -- --build`)');
	const sources = ['src', 'migrations', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']
		.map((p) => path.join(root, p))
		.filter((p) => fs.existsSync(p));
	const builtAt = fs.statSync(entry).mtimeMs;
	if (Math.max(...sources.map(newestMtime)) > builtAt) {
		console.log(
			`WARNING: build/ (${new Date(builtAt).toISOString()}) is older than the sources: this tests the build, not the current code. Run \`npm run build\` first (or pass --build).`
		);
	}
	// A private copy under node_modules/ (see bench/run.ts): another build in this work tree cannot break it, and the
	// server still resolves its external packages from this project.
	fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
	buildCopy = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'ccm-crash-build-'));
	fs.cpSync(path.join(root, 'build'), buildCopy, { recursive: true });
}

async function main(): Promise<void> {
	prepareBuild();
	tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-crash-'));
	const dataDir = path.join(tmpDir, 'data');
	const dbFile = path.join(dataDir, 'ccm.db');
	const backupFile = path.join(tmpDir, 'during-load.db');

	let server = await startServer('server', dataDir, path.join(tmpDir, 'server-1.log'));
	let t = Date.now();
	const rush = await insertRush(dbFile, ACCOUNTS, 0);
	const accounts = rush.accounts;
	log(`inserted meeting '${RUSH_SLUG}' (${RUSH_CAPACITY} places) and ${accounts.length} delegate accounts with sessions (${Date.now() - t} ms)`);

	// A 200 of the form, so that a redirect to /login cannot pass for the app working.
	const probe = await fetch(`${server.base}/meetings/${RUSH_SLUG}/register`, {
		headers: { cookie: `ccm_session=${accounts[0].token}` },
		redirect: 'manual',
		signal: AbortSignal.timeout(10_000)
	});
	const page = await probe.text();
	if (probe.status !== 200 || !page.includes('_form_token'))
		throw new Error(`GET /meetings/${RUSH_SLUG}/register with a delegate's session answered ${probe.status}`);

	// ---- the rush, the backup beside it, and the kill ----
	const acks = new Map<number, number>(); // user id → registration id, from a 303 ?new=1
	const phase1 = new Map<number, Outcome>();
	const unexpectedBeforeKill: string[] = [];
	const errorsBeforeKill: string[] = [];
	let sent = 0;
	let inFlight = 0;
	let killed = false;
	let killArmed = false;
	let inFlightAtKill = 0;
	let acksAtKill = 0;
	let backupChild: ChildProcess | null = null;
	let backupDone = false;
	let backupStartedAt = 0;
	let backupMs = 0;
	let sentAtBackupEnd = 0;
	let ackedAtBackupEnd = 0;
	let pausedMs = 0;
	/** Registrations acknowledged before the backup started: each must be in the backup. */
	let acksBeforeBackup = new Map<number, number>();
	let backupPromise: Promise<number | null> | null = null;
	const backupLog = path.join(tmpDir, 'backup.log');
	// Accounts kept back while the backup runs, so that the kill still comes mid-rush.
	const reserve = Math.min(Math.max(CONNECTIONS * 2, Math.ceil(ACCOUNTS * 0.1)), Math.floor(ACCOUNTS * (1 - KILL_AFTER)));
	const serverPid = server.child.pid!;
	const serverExit = new Promise<void>((r) => server.child.once('exit', () => r()));

	const killServer = () => {
		if (killed) return;
		killed = true;
		inFlightAtKill = inFlight - 1; // the response that triggered it is no longer in flight
		acksAtKill = acks.size;
		process.kill(serverPid, 'SIGKILL');
		log(`SIGKILL to the server (pid ${serverPid}): ${acks.size} registrations acknowledged, ${inFlightAtKill} requests in flight, ${sent} sent`);
	};

	const startBackup = () => {
		acksBeforeBackup = new Map(acks);
		backupStartedAt = Date.now();
		log(`${acks.size} acknowledged (${Math.round((acks.size / ACCOUNTS) * 100)} %): npm run backup -- --to ${backupFile}`);
		const child = spawnTracked('npm', ['run', 'backup', '--', '--to', backupFile], { DATA_DIR: dataDir }, backupLog);
		backupChild = child;
		backupPromise = waitExit(child, BACKUP_TIMEOUT_MS).then(async (done) => {
			if (!done) {
				killGroup(child, 'SIGKILL');
				await waitExit(child, 5000);
			}
			backupMs = Date.now() - backupStartedAt;
			sentAtBackupEnd = sent;
			ackedAtBackupEnd = acks.size;
			backupDone = true;
			log(
				`backup ${done ? `ended with exit ${child.exitCode}` : `timed out after ${BACKUP_TIMEOUT_MS / 1000} s`} (${backupMs} ms; ${acks.size} acknowledged, ${sent} sent by then)`
			);
			killArmed = true;
			return done ? child.exitCode : null;
		});
	};

	const one = async (a: RushAccount) => {
		sent++;
		inFlight++;
		const o = await register(server.base, a);
		phase1.set(a.userId, o);
		if (o.kind === 'created') acks.set(a.userId, o.id);
		else if (!killed && o.kind === 'unexpected') unexpectedBeforeKill.push(`${a.email}: ${o.message}`);
		else if (!killed && o.kind === 'error') errorsBeforeKill.push(`${a.email}: ${o.message}`);
		else if (o.kind === 'existing') unexpectedBeforeKill.push(`${a.email}: existing ${o.id} on a first request`);
		// After the backup, once enough are acknowledged: at a response with most of its wave still in flight.
		if (killArmed && !killed && o.kind !== 'error' && acks.size >= ACCOUNTS * KILL_AFTER && inFlight - 1 >= Math.min(10, CONNECTIONS - 1)) killServer();
		inFlight--;
		if (!backupChild && acks.size >= ACCOUNTS * BACKUP_AT) startBackup();
	};

	log(`rush: ${ACCOUNTS} accounts POST /meetings/${RUSH_SLUG}/register in waves of ${CONNECTIONS} every ${WAVE_MS} ms`);
	const rushStart = Date.now();
	let next = 0;
	const rushDeadline = Date.now() + 90_000;
	while (!killed && next < ACCOUNTS && Date.now() < rushDeadline) {
		// Keep some accounts for after the backup: the kill must come mid-rush.
		if (backupChild && !backupDone && ACCOUNTS - next <= reserve) {
			const p = Date.now();
			await Promise.race([backupPromise, sleep(50)]);
			pausedMs += Date.now() - p;
			continue;
		}
		const waveStart = Date.now();
		const wave = accounts.slice(next, next + CONNECTIONS);
		next += wave.length;
		await Promise.all(wave.map(one));
		await sleep(Math.max(0, WAVE_MS - (Date.now() - waveStart)));
	}
	const rushMs = Date.now() - rushStart;
	if (backupPromise) await backupPromise;
	if (!killed)
		throw new Error(
			`the rush ended (${next} of ${ACCOUNTS} sent, ${acks.size} acknowledged) before the kill: the backup ${backupDone ? 'ended' : 'had not ended'} — try a larger --wave-ms`
		);
	const killedCleanly = await Promise.race([serverExit.then(() => true), sleep(10_000).then(() => false)]);
	if (!killedCleanly) throw new Error('the server did not exit within 10 s of SIGKILL');
	const errorsAtKill = [...phase1.values()].filter((o) => o.kind === 'error').length;
	log(
		`rush stopped after ${rushMs} ms: ${sent} sent, ${acks.size} acknowledged, ${errorsAtKill} without an answer (killed), exit signal ${server.child.signalCode}` +
			(pausedMs ? `; waves paused ${pausedMs} ms waiting for the backup` : '')
	);
	const walFile = `${dbFile}-wal`;
	log(
		`after the kill: ccm.db ${fs.statSync(dbFile).size} bytes, ccm.db-wal ${fs.existsSync(walFile) ? fs.statSync(walFile).size : 'absent'} bytes; ` +
			`${acks.size - acksAtKill} answer(s) arrived after the SIGKILL was sent (counted as acknowledged)`
	);
	if (LOSE_WAL) {
		log('--lose-wal: deleting ccm.db-wal and ccm.db-shm (this run must FAIL)');
		fs.rmSync(walFile, { force: true });
		fs.rmSync(`${dbFile}-shm`, { force: true });
	}

	console.log('\nDuring the rush (before the kill)');
	check(
		'server killed with SIGKILL mid-rush',
		server.child.signalCode === 'SIGKILL' && inFlightAtKill > 0 && sent < ACCOUNTS,
		`signal ${server.child.signalCode}, ${inFlightAtKill} requests in flight, ${ACCOUNTS - sent} accounts not yet sent`
	);
	check(
		'every answer before the kill was a 303 to a new registration',
		unexpectedBeforeKill.length === 0 && errorsBeforeKill.length === 0,
		unexpectedBeforeKill.length + errorsBeforeKill.length === 0
			? `${acksAtKill} acknowledged`
			: [...unexpectedBeforeKill, ...errorsBeforeKill].slice(0, 5).join('; ')
	);
	const backupExit = await backupPromise!;
	check('npm run backup during the load', backupExit === 0, `exit ${backupExit} in ${backupMs} ms; ${tail(backupLog, 3).trim().split('\n').pop()}`);

	// ---- restart on the same DATA_DIR ----
	console.log('\nAfter the restart');
	server = await startServer('restarted server', dataDir, path.join(tmpDir, 'server-2.log'));
	const afterCrash = snapshot(dbFile, rush.meetingId);
	const lost = missingAcks(afterCrash, acks);
	check(
		'(a) every acknowledged registration is in the database with its account',
		lost.length === 0,
		lost.length ? `${lost.length} of ${acks.size}: ${lost.slice(0, 5).join('; ')}` : `${acks.size} of ${acks.size}`
	);
	check(
		'registrations after the crash within acknowledged … sent',
		afterCrash.registrations >= acks.size && afterCrash.registrations <= sent,
		`${afterCrash.registrations} registrations: ${acks.size} acknowledged, ${afterCrash.registrations - acks.size} committed without an answer, ${sent} sent`
	);
	checkCounters('(b, c) after the crash', afterCrash);

	// ---- the rest of the accounts ----
	const rest = accounts.filter((a) => !acks.has(a.userId));
	t = Date.now();
	const phase2 = await registerAll(server.base, rest, CONNECTIONS);
	const p2 = { created: 0, existing: 0, other: [] as string[] };
	const finalIds = new Map(acks);
	for (const a of rest) {
		const o = phase2.get(a.userId)!;
		const before = phase1.get(a.userId);
		if (o.kind === 'created') p2.created++;
		else if (o.kind === 'existing' && before?.kind === 'error') p2.existing++;
		else
			p2.other.push(`${a.email}: ${o.kind}${'message' in o ? ` ${o.message}` : ''}${o.kind === 'existing' ? ` (phase 1: ${before?.kind ?? 'not sent'})` : ''}`);
		if (o.kind === 'created' || o.kind === 'existing') finalIds.set(a.userId, o.id);
	}
	log(
		`sent the ${rest.length} remaining accounts in ${Date.now() - t} ms: ${p2.created} new, ${p2.existing} already registered (committed at the kill, unanswered), ${p2.other.length} other`
	);
	console.log('\nAfter the remaining registrations');
	check(
		'remaining accounts: new, or existing only where the request was in flight at the kill',
		p2.other.length === 0 && p2.existing === afterCrash.registrations - acks.size,
		p2.other.length
			? p2.other.slice(0, 5).join('; ')
			: `${p2.created} new, ${p2.existing} existing (= ${afterCrash.registrations - acks.size} committed without an answer)`
	);
	const final = snapshot(dbFile, rush.meetingId);
	const lostFinal = missingAcks(final, finalIds);
	check(
		'every account has its acknowledged registration',
		lostFinal.length === 0 && finalIds.size === ACCOUNTS,
		lostFinal.length ? lostFinal.slice(0, 5).join('; ') : `${finalIds.size} of ${ACCOUNTS}`
	);
	check(
		'totals: exactly the capacity holds places, the rest waitlisted, none lost',
		final.registrations === ACCOUNTS && final.holding === RUSH_CAPACITY && final.placesHeld === RUSH_CAPACITY && final.waitlisted === ACCOUNTS - RUSH_CAPACITY,
		`${final.registrations} registrations, ${final.holding} places (meetings.places_held ${final.placesHeld}), ${final.waitlisted} waitlisted`
	);
	checkCounters('final', final);
	const v = await verifyRush(dbFile, rush.meetingId, ACCOUNTS);
	check("bench's verifyRush (incl. first come, first served)", v.ok, v.ok ? `${v.placed} placed, ${v.waitlisted} waitlisted` : v.problems.join('; '));
	await stop(server.child);

	// ---- the backup taken during the load ----
	console.log('\nThe backup taken during the load');
	const backupExists = fs.existsSync(backupFile);
	check(
		'backup is a single file',
		backupExists && !fs.existsSync(`${backupFile}-wal`) && !fs.existsSync(`${backupFile}-journal`),
		backupExists ? `${fs.statSync(backupFile).size} bytes` : 'missing'
	);
	if (!backupExists) return;
	const restoreDir = path.join(tmpDir, 'restore');
	fs.mkdirSync(restoreDir);
	fs.copyFileSync(backupFile, path.join(restoreDir, 'ccm.db'));
	const b = snapshot(backupFile, rush.meetingId);
	check('backup: journal_mode', b.journalMode === 'delete', b.journalMode);
	const lostInBackup = missingAcks(b, acksBeforeBackup);
	check(
		'backup: consistent snapshot taken during the backup',
		lostInBackup.length === 0 && b.registrations >= acksBeforeBackup.size && b.registrations <= sentAtBackupEnd,
		`${b.registrations} registrations; ${acksBeforeBackup.size} acknowledged before it started (all present: ${lostInBackup.length === 0 ? 'yes' : `no, ${lostInBackup.slice(0, 3).join('; ')}`}), ` +
			`${ackedAtBackupEnd} acknowledged and ${sentAtBackupEnd} sent when it ended`
	);
	const wrongUser = [...b.byId].filter(([id, user]) => final.byId.get(id) !== user);
	check(
		"backup: its registrations are the live database's",
		wrongUser.length === 0,
		wrongUser.length ? `${wrongUser.length} differ, e.g. id ${wrongUser[0][0]}` : `${b.byId.size} ids match`
	);
	checkCounters('backup', b);

	const restored = await startServer('restored server', restoreDir, path.join(tmpDir, 'server-restore.log'));
	const health = await fetch(`${restored.base}/healthz`, { signal: AbortSignal.timeout(10_000) });
	const healthBody = await health.text();
	check('restored: /healthz', health.ok, `${health.status} ${healthBody.slice(0, 80).replace(/\s+/g, ' ')}`);
	const meetingPage = await fetch(`${restored.base}/meetings/${RUSH_SLUG}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
	const meetingHtml = await meetingPage.text();
	check(`restored: GET /meetings/${RUSH_SLUG}`, meetingPage.status === 200 && meetingHtml.includes('Registration Rush Meeting'), `${meetingPage.status}`);
	const [someUser, someId] = [...acksBeforeBackup][0] ?? [];
	const someAccount = accounts.find((a) => a.userId === someUser);
	if (someAccount && someId) {
		const r = await fetch(`${restored.base}/registrations/${someId}`, {
			headers: { cookie: `ccm_session=${someAccount.token}` },
			redirect: 'manual',
			signal: AbortSignal.timeout(10_000)
		});
		check(
			'restored: a delegate sees their registration',
			r.status === 200 && (await r.text()).includes(someAccount.familyName),
			`GET /registrations/${someId} as ${someAccount.email}: ${r.status}`
		);
	}
	const newcomer = accounts.find((a) => ![...b.byId.values()].includes(a.userId));
	if (newcomer) {
		const o = await register(restored.base, newcomer);
		const s = snapshot(path.join(restoreDir, 'ccm.db'), rush.meetingId);
		check(
			'restored: a new registration goes through',
			o.kind === 'created' &&
				s.byId.get(o.id) === newcomer.userId &&
				s.registrations === b.registrations + 1 &&
				s.placesHeld === Math.min(RUSH_CAPACITY, s.registrations),
			`${newcomer.email}: ${o.kind}${'id' in o ? ` ${o.id}` : ''}; ${s.registrations} registrations, places_held ${s.placesHeld}`
		);
	}
	await stop(restored.child);
}

const watchdog = setTimeout(() => {
	console.error(`\nFAIL: the crash test did not finish within ${TOTAL_TIMEOUT_MS / 1000} s`);
	void cleanup().finally(() => process.exit(1));
}, TOTAL_TIMEOUT_MS);

let crashed: unknown = null;
console.log(`Crash test: ${ACCOUNTS} accounts for ${RUSH_CAPACITY} places, kill -9 mid-rush, restart, backup restore (127.0.0.1 only)\n`);
try {
	await main();
} catch (e) {
	crashed = e;
	console.error(`\nFAIL: ${e instanceof Error ? e.message : String(e)}`);
} finally {
	clearTimeout(watchdog);
	await cleanup();
}
const failed = results.filter((r) => !r.ok);
console.log(`\n${failed.length || crashed ? 'FAIL' : 'PASS'}: crash test in ${secs()}`);
for (const f of failed) console.log(`  failed: ${f.name}: ${f.detail}`);
console.log(`crash: ${results.length - failed.length} passed, ${failed.length + (crashed ? 1 : 0)} failed`);
process.exit(failed.length || crashed ? 1 : 0);
