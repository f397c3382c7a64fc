import { describe, expect, it } from 'vitest';
import { validateCriteria } from '../src/lib/server/sponsorship/criteria';
import { benchmarkCriteria, benchmarkSponsorship, BENCH_MEETING_START, scoreRankAllocate, syntheticApplicants } from './sponsorship';

// Its speed (target: under 100 ms of CPU) is measured by `npm run bench`; these check that the bench measures the right thing.
describe('the sponsorship bench: score, rank and allocate 1,000 applications with 12 criteria', () => {
	it('ranks and funds 1,000 synthetic applications on 12 criteria', () => {
		const r = benchmarkSponsorship(1000);
		expect(r.n).toBe(1000);
		expect(r.criteria).toBe(12);
		expect(r.funded).toBeGreaterThan(0);
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
