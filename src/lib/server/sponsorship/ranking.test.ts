import { describe, expect, it } from 'vitest';
import type { Evaluation } from './evaluate';
import { rank, TIE_BREAK_RULES, TIE_BREAK_TEXT } from './ranking';

/** An evaluation with the given points per criterion (criteria A, B, C in set order). */
function ev(applicationId: number, points: number[], submittedAt = '2019-06-01T09:00:00.000Z', eligible = true): Evaluation {
	const breakdown = points.map((p, i) => ({ criterionId: 'abc'[i], label: `Criterion ${'ABC'[i]}`, points: p, max: 50, why: '', adjusted: false }));
	return {
		applicationId,
		stateIso3: 'HRV',
		submittedAt,
		version: 3,
		eligible,
		gateFailures: eligible ? [] : ['x'],
		breakdown,
		total: points.reduce((a, b) => a + b, 0)
	};
}

/** Deterministic shuffles (seeded), so a failure can be replayed. */
function shuffled<T>(list: T[], seed: number): T[] {
	const out = [...list];
	let s = seed;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) % 2147483648;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const ids = (r: ReturnType<typeof rank>) => r.map((x) => x.evaluation.applicationId);

describe('rank', () => {
	it('puts the higher total first', () => {
		expect(ids(rank([ev(1, [10, 0, 0]), ev(2, [30, 0, 0]), ev(3, [20, 0, 0])]))).toEqual([2, 3, 1]);
	});
	it('breaks equal totals by the first criterion, then the next', () => {
		const r = rank([ev(1, [10, 20, 0]), ev(2, [20, 10, 0]), ev(3, [10, 10, 10])]);
		expect(ids(r)).toEqual([2, 1, 3]);
		expect(r.map((x) => x.tieBreak)).toEqual([null, 'more points on “Criterion A”', 'more points on “Criterion B”']);
	});
	it('then by earlier submission, then by lower application number', () => {
		const r = rank([
			ev(7, [10, 10, 0], '2019-06-02T08:00:00.000Z'),
			ev(9, [10, 10, 0], '2019-06-01T08:00:00.000Z'),
			ev(4, [10, 10, 0], '2019-06-02T08:00:00.000Z')
		]);
		expect(ids(r)).toEqual([9, 4, 7]);
		expect(r.map((x) => x.tieBreak)).toEqual([null, 'submitted earlier', 'lower application number']);
		expect(r.map((x) => x.position)).toEqual([1, 2, 3]);
	});
	it('puts ineligible applications last, whatever their score', () => {
		expect(ids(rank([ev(1, [50, 50, 50], undefined, false), ev(2, [1, 0, 0])]))).toEqual([2, 1]);
	});
	it('gives the same order for any order of input', () => {
		const list = Array.from({ length: 60 }, (_, i) =>
			ev(i + 1, [((i * 7) % 3) * 10, ((i * 5) % 2) * 10, 10], `2019-06-0${1 + (i % 3)}T08:00:00.000Z`, i % 11 !== 0)
		);
		const expected = ids(rank(list));
		for (let seed = 1; seed <= 20; seed++) expect(ids(rank(shuffled(list, seed)))).toEqual(expected);
		expect(ids(rank([...list].reverse()))).toEqual(expected);
	});
	it('refuses scores of different versions and duplicate applications', () => {
		expect(() => rank([ev(1, [1]), { ...ev(2, [1]), version: 4 }])).toThrow('different criteria versions (3, 4)');
		expect(() => rank([ev(1, [1]), ev(1, [2])])).toThrow('appears twice');
	});
	it('states its rules for the page', () => {
		expect(TIE_BREAK_RULES).toHaveLength(5);
		expect(TIE_BREAK_TEXT).toContain('first criterion of the set');
	});
});
