import { describe, expect, it } from 'vitest';
import { validateCriteria } from './criteria';
import { benchmarkCriteria, benchmarkSponsorship, BENCH_MEETING_START, scoreRankAllocate, syntheticApplicants } from './benchmark';

describe('speed: score, rank and allocate 1,000 applications with 12 criteria', () => {
	it('takes under 100 ms of CPU time (cold, first run in this process)', () => {
		const r = benchmarkSponsorship(1000);
		console.log(`sponsorship: ${r.n} applications × ${r.criteria} criteria: CPU ${r.cpuMs.toFixed(1)} ms, wall ${r.wallMs.toFixed(1)} ms, ${r.funded} funded`);
		expect(r.n).toBe(1000);
		expect(r.criteria).toBe(12);
		expect(r.funded).toBeGreaterThan(0);
		// The machine is shared: wall time is printed, CPU time is asserted.
		expect(r.cpuMs).toBeLessThan(100);
	});
	it('uses a valid set with all 12 criteria switched on', () => {
		const set = benchmarkCriteria();
		expect(validateCriteria(set)).toEqual([]);
		expect(set.criteria.filter((c) => c.weight > 0)).toHaveLength(12);
	});
	it('is repeatable: the same data gives the same ranking and allocation', () => {
		const run = () => scoreRankAllocate(benchmarkCriteria(), syntheticApplicants(300, 7), BENCH_MEETING_START, 3_000_000);
		const [x, y] = [run(), run()];
		expect(x.ranked.map((r) => r.evaluation.applicationId)).toEqual(y.ranked.map((r) => r.evaluation.applicationId));
		expect(x.allocation).toEqual(y.allocation);
	});
});
