import crypto from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { MINUTE } from '../time';

/**
 * A timed job. It must be idempotent (run twice, the second run finds nothing to do) and bounded (one batch a run),
 * because a lease that lapses under a slow run lets another process start it again.
 */
export interface Job {
	name: string;
	/** From the end of one run to the start of the next. */
	everyMs: number;
	/** How long one run may hold the job; a holder that crashed loses it after this. */
	leaseMs?: number;
	run(): Promise<unknown>;
}

export interface SchedulerOptions {
	/** Names this runner in the `jobs` table; unique per process. */
	holder?: string;
	/** Milliseconds since the epoch; tests move it. */
	now?: () => number;
	/** How often the runner looks for due jobs. */
	tickMs?: number;
	onError?: (job: string, e: unknown) => void;
}

export interface Scheduler {
	readonly holder: string;
	/** Takes and runs every due job not already running here; resolves when those runs end, with their names. */
	tick(): Promise<string[]>;
	start(): void;
	stop(): void;
}

export const DEFAULT_LEASE = 5 * MINUTE;

/**
 * One runner per process over the shared `jobs` table. A job runs where its lease was taken by a guarded update
 * (`next_run_at <= now AND lease_until < now`): of several processes only one updates the row, the others see 0 rows.
 * The lease is given back with the next run time when the run ends; a crashed holder's lease lapses at `lease_until`.
 */
export function createScheduler(db: Kysely<Database>, jobs: Job[], options: SchedulerOptions = {}): Scheduler {
	const now = options.now ?? Date.now;
	const iso = (ms: number) => new Date(ms).toISOString();
	const holder = options.holder ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
	const onError = options.onError ?? ((job, e) => console.error(`job ${job}:`, e));
	const byName = new Map(jobs.map((j) => [j.name, j]));
	const running = new Set<string>();
	let registered = false;
	let timer: ReturnType<typeof setInterval> | undefined;
	let claiming = false;

	async function register() {
		if (registered || !jobs.length) return;
		// A new job is due at once; a known one keeps the schedule other processes gave it.
		await db
			.insertInto('jobs')
			.values(jobs.map((j) => ({ name: j.name, next_run_at: iso(now()), lease_until: iso(0) })))
			.onConflict((oc) => oc.column('name').doNothing())
			.execute();
		registered = true;
	}

	async function runOne(job: Job, lease: string): Promise<string> {
		const started = now();
		let failure: string | null = null;
		try {
			await job.run();
		} catch (e) {
			failure = String(e instanceof Error ? e.message : e).slice(0, 1000);
			onError(job.name, e);
		}
		const ended = now();
		// Given back only while still ours: after a lapsed lease another runner may hold the job.
		await db
			.updateTable('jobs')
			.set((eb) => ({
				next_run_at: iso(ended + job.everyMs),
				lease_until: iso(ended),
				holder: null,
				runs: eb('runs', '+', 1),
				last_started_at: iso(started),
				last_finished_at: iso(ended),
				last_error: failure
			}))
			.where('name', '=', job.name)
			.where('holder', '=', holder)
			.where('lease_until', '=', lease)
			.execute();
		return job.name;
	}

	/** The runs started by this call; claiming never waits for a run (a slow SMTP server holds up no other job). */
	async function claimDue(): Promise<Promise<string>[]> {
		await register();
		const t = iso(now());
		const due = await db.selectFrom('jobs').select('name').where('next_run_at', '<=', t).where('lease_until', '<', t).execute();
		const runs: Promise<string>[] = [];
		for (const { name } of due) {
			const job = byName.get(name);
			if (!job || running.has(name)) continue;
			const lease = iso(now() + (job.leaseMs ?? DEFAULT_LEASE));
			const claim = await db
				.updateTable('jobs')
				.set({ lease_until: lease, holder })
				.where('name', '=', name)
				.where('next_run_at', '<=', t)
				.where('lease_until', '<', t)
				.executeTakeFirst();
			if (Number(claim.numUpdatedRows) !== 1) continue;
			running.add(name);
			runs.push(runOne(job, lease).finally(() => running.delete(name)));
		}
		return runs;
	}

	return {
		holder,
		tick: async () => Promise.all(await claimDue()),
		start() {
			if (timer) return;
			timer = setInterval(() => {
				if (claiming) return;
				claiming = true;
				claimDue()
					.then((runs) => runs.forEach((r) => r.catch((e) => onError('scheduler', e))))
					.catch((e) => onError('scheduler', e))
					.finally(() => (claiming = false));
			}, options.tickMs ?? 1000);
			timer.unref();
		},
		stop() {
			clearInterval(timer);
			timer = undefined;
		}
	};
}
