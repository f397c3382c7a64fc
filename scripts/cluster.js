// `WEB_CONCURRENCY=N npm start` (or `node server.js`): N app processes sharing one port (node:cluster; on Linux the
// primary accepts the connections and hands them out in turn) on one database (PostgreSQL, or SQLite in WAL mode).
//
// What could differ between processes is kept in the database, not in a process's memory: kept pages and the search
// index are checked against the content versions (database triggers), login and mail limits are database counters,
// a form's `_form_token` is a unique column, timed work takes a lease row. Migrating and seeding happen once: the
// first process does them before the others start (they are told so by CCM_DATABASE_PREPARED=1).
import cluster from 'node:cluster';

/** WEB_CONCURRENCY as a number of processes: 1 when absent or not a whole number ≥ 1. */
export function processCount(value = process.env.WEB_CONCURRENCY) {
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The primary: starts the first worker, the others once it listens; replaces a worker that dies; stops them all on SIGTERM/SIGINT. */
export function runPrimary(n) {
	let stopping = false;
	const listened = new WeakSet();
	const fork = (prepared) => {
		const worker = cluster.fork(prepared ? { CCM_DATABASE_PREPARED: '1' } : {});
		worker.once('listening', () => listened.add(worker));
		return worker;
	};
	console.log(`Starting ${n} processes (WEB_CONCURRENCY)`);
	fork(false).once('listening', () => {
		for (let i = 1; i < n; i++) fork(true);
	});
	cluster.on('exit', (worker, code, signal) => {
		const alive = Object.keys(cluster.workers ?? {}).length;
		if (stopping) {
			if (alive === 0) process.exit();
			return;
		}
		// A process that never listened failed at start (a bad setting, a database away): replacing it would loop.
		if (!listened.has(worker)) {
			console.error(`App process ${worker.process.pid} failed to start (exit ${code ?? signal}); stopping.`);
			stop();
			process.exitCode = 1;
			if (alive === 0) process.exit();
			return;
		}
		console.error(`App process ${worker.process.pid} died (exit ${code ?? signal}); starting another.`);
		fork(true);
	});
	const stop = () => {
		if (stopping) return;
		stopping = true;
		for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
