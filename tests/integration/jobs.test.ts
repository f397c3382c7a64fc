import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createScheduler, type Job } from '../../src/lib/server/jobs/scheduler';
import { MINUTE } from '../../src/lib/server/time';

/** A clock the test moves; both runners read the same one, as processes read one wall clock. */
function fakeClock(start = Date.parse('2031-03-01T09:00:00.000Z')) {
	let t = start;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

function counting(names: string[], everyMs = MINUTE) {
	const runs: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
	const jobs: Job[] = names.map((name) => ({
		name,
		everyMs,
		// A little real time inside the run, so that runners overlap.
		run: async () => {
			runs[name]++;
			await new Promise((r) => setTimeout(r, 5));
		}
	}));
	return { runs, jobs };
}

describe.each(engines)('scheduler on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());

	it('runs each due job exactly once when several runners start at once, and again only when it is due', async () => {
		const clock = fakeClock();
		const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `twice.${n}`);
		const { runs, jobs } = counting(names);
		const runners = [1, 2, 3, 4].map((i) => createScheduler(t.db, jobs, { holder: `process-${i}`, now: clock.now }));

		const first = (await Promise.all(runners.map((r) => r.tick()))).flat();
		expect(first.sort()).toEqual([...names].sort());
		expect(Object.values(runs)).toEqual(names.map(() => 1));

		// Not due again until its interval has passed since the end of the run.
		clock.advance(MINUTE - 1000);
		expect((await Promise.all(runners.map((r) => r.tick()))).flat()).toEqual([]);
		clock.advance(1000);
		await Promise.all(runners.map((r) => r.tick()));
		expect(Object.values(runs)).toEqual(names.map(() => 2));

		const rows = await t.db.selectFrom('jobs').select(['name', 'runs', 'holder', 'next_run_at']).where('name', 'in', names).execute();
		expect(rows.map((r) => [r.runs, r.holder])).toEqual(names.map(() => [2, null]));
		expect(new Set(rows.map((r) => r.next_run_at))).toEqual(new Set([new Date(clock.now() + MINUTE).toISOString()]));
	});

	it("takes over a crashed holder's job once its lease has lapsed, and the late holder cannot give back what it lost", async () => {
		const clock = fakeClock();
		let release!: () => void;
		const hung = new Promise<void>((r) => (release = r));
		let crashedRuns = 0;
		let healthyRuns = 0;
		const crashed = createScheduler(t.db, [{ name: 'crash.job', everyMs: MINUTE, leaseMs: 5 * MINUTE, run: () => (crashedRuns++, hung) }], {
			holder: 'crashed',
			now: clock.now
		});
		const healthy = createScheduler(t.db, [{ name: 'crash.job', everyMs: MINUTE, leaseMs: 5 * MINUTE, run: async () => void healthyRuns++ }], {
			holder: 'healthy',
			now: clock.now
		});

		// The first runner takes the job and never finishes (as if killed while running).
		const abandoned = crashed.tick();
		await expect.poll(() => crashedRuns).toBe(1);
		expect(await t.db.selectFrom('jobs').select('holder').where('name', '=', 'crash.job').executeTakeFirstOrThrow()).toEqual({ holder: 'crashed' });

		// While the lease holds, nobody else runs it.
		clock.advance(5 * MINUTE - 1);
		expect(await healthy.tick()).toEqual([]);
		expect(healthyRuns).toBe(0);

		// Once it has lapsed, another runner takes over.
		clock.advance(1);
		expect(await healthy.tick()).toEqual([]); // lease_until < now is strict: at the very instant it still holds
		clock.advance(1);
		expect(await healthy.tick()).toEqual(['crash.job']);
		expect(healthyRuns).toBe(1);
		const taken = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'crash.job').executeTakeFirstOrThrow();
		expect(taken).toMatchObject({ holder: null, runs: 1, next_run_at: new Date(clock.now() + MINUTE).toISOString() });

		// The old holder wakes up: its give-back finds the job no longer its own and changes nothing.
		release();
		await abandoned;
		expect(await t.db.selectFrom('jobs').selectAll().where('name', '=', 'crash.job').executeTakeFirstOrThrow()).toEqual(taken);
	});

	it('records a failing run, keeps the other jobs going and tries again at the next interval', async () => {
		const clock = fakeClock();
		let fail = true;
		let okRuns = 0;
		const errors: string[] = [];
		const runner = createScheduler(
			t.db,
			[
				{
					name: 'fails.once',
					everyMs: MINUTE,
					run: async () => {
						if (fail) throw new Error('SMTP server not answering');
					}
				},
				{ name: 'fails.never', everyMs: MINUTE, run: async () => void okRuns++ }
			],
			{ holder: 'solo', now: clock.now, onError: (job) => errors.push(job) }
		);
		expect((await runner.tick()).sort()).toEqual(['fails.never', 'fails.once']);
		expect(errors).toEqual(['fails.once']);
		expect(okRuns).toBe(1);
		const failed = await t.db.selectFrom('jobs').selectAll().where('name', '=', 'fails.once').executeTakeFirstOrThrow();
		expect(failed).toMatchObject({ holder: null, last_error: 'SMTP server not answering' });
		expect(await runner.tick()).toEqual([]);
		fail = false;
		clock.advance(MINUTE);
		expect((await runner.tick()).sort()).toEqual(['fails.never', 'fails.once']);
		expect(await t.db.selectFrom('jobs').select('last_error').where('name', '=', 'fails.once').executeTakeFirstOrThrow()).toEqual({ last_error: null });
	});
});
