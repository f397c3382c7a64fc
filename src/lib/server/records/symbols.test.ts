import { describe, expect, it } from 'vitest';
import {
	SYMBOL_HINT,
	baseSymbol,
	compareSymbols,
	downloadName,
	formatSymbol,
	isSameDocument,
	nextCorrigendum,
	nextNumber,
	nextRevision,
	parseSymbol,
	pathToSymbol,
	symbolToPath,
	type ParsedSymbol
} from './symbols';

function ok(text: string, knownPrefix?: string): ParsedSymbol {
	const r = parseSymbol(text, knownPrefix);
	if (!r.ok) throw new Error(`${text}: ${r.message}`);
	return r.symbol;
}

function refused(text: unknown, knownPrefix?: string): string {
	const r = parseSymbol(text, knownPrefix);
	if (r.ok) throw new Error(`${String(text)} was accepted as ${formatSymbol(r.symbol)}`);
	return r.message;
}

const canonical = (s: string) => formatSymbol(ok(s));

// Symbols from meetings.csv, SOURCES.md and 9msp-documents.csv, plus the sub-series and versions the app issues.
const REAL = [
	'CCM/78',
	'CCM/MSP/2010/3',
	'CCM/MSP/2011/WP.4',
	'CCM/MSP/2012/5',
	'CCM/CONF/2015/7',
	'CCM/CONF/2015/PM.1/2',
	'CCM/MSP/2018/1',
	'CCM/MSP/2019/2',
	'CCM/MSP/2019/9',
	'CCM/MSP/2019/10',
	'CCM/MSP/2019/11',
	'CCM/MSP/2019/12',
	'CCM/MSP/2019/INF.2',
	'CCM/MSP/2019/L.1',
	'CCM/MSP/2019/4/Rev.1',
	'CCM/MSP/2019/4/Corr.1',
	'CCM/MSP/2019/4/Rev.1/Corr.1',
	'CCM/MSP/2023/WP.12/Rev.3/Corr.2'
];

describe('parseSymbol', () => {
	it('reads a main-series document', () => {
		expect(ok('CCM/MSP/2019/4')).toEqual({ prefix: 'CCM/MSP/2019', series: 'main', number: 4, revision: null, corrigendum: null });
	});

	it('reads working, information and limited papers as sub-series', () => {
		expect(ok('CCM/MSP/2011/WP.4')).toMatchObject({ prefix: 'CCM/MSP/2011', series: 'WP', number: 4 });
		expect(ok('CCM/MSP/2019/INF.2')).toMatchObject({ prefix: 'CCM/MSP/2019', series: 'INF', number: 2 });
		expect(ok('CCM/MSP/2019/L.1')).toMatchObject({ prefix: 'CCM/MSP/2019', series: 'L', number: 1 });
	});

	it('reads revisions, corrigenda and corrigenda of revisions', () => {
		expect(ok('CCM/MSP/2019/4/Rev.1')).toMatchObject({ number: 4, revision: 1, corrigendum: null });
		expect(ok('CCM/MSP/2019/4/Corr.1')).toMatchObject({ number: 4, revision: null, corrigendum: 1 });
		expect(ok('CCM/MSP/2019/4/Rev.1/Corr.2')).toMatchObject({ number: 4, revision: 1, corrigendum: 2 });
		expect(ok('CCM/MSP/2019/WP.3/Rev.12')).toMatchObject({ series: 'WP', number: 3, revision: 12, corrigendum: null });
	});

	it('reads the Dublin symbols (prefix CCM) and preparatory meetings (prefix ending PM.1)', () => {
		expect(ok('CCM/78')).toEqual({ prefix: 'CCM', series: 'main', number: 78, revision: null, corrigendum: null });
		expect(ok('CCM/CONF/2015/PM.1/2')).toMatchObject({ prefix: 'CCM/CONF/2015/PM.1', series: 'main', number: 2 });
		expect(ok('CCM/CONF/2015/PM.2/WP.1/Rev.1')).toMatchObject({ prefix: 'CCM/CONF/2015/PM.2', series: 'WP', number: 1, revision: 1 });
	});

	it('forgives surrounding spaces and case, and answers in canonical form', () => {
		expect(canonical('  CCM/MSP/2019/4 \t')).toBe('CCM/MSP/2019/4');
		expect(canonical('\u00a0CCM/MSP/2019/4\n')).toBe('CCM/MSP/2019/4');
		expect(canonical('ccm/msp/2019/4/rev.1/corr.2')).toBe('CCM/MSP/2019/4/Rev.1/Corr.2');
		expect(canonical('CCM/MSP/2019/4/REV.1/CORR.1')).toBe('CCM/MSP/2019/4/Rev.1/Corr.1');
		expect(canonical('CCM/MSP/2011/wp.4')).toBe('CCM/MSP/2011/WP.4');
		expect(canonical('CCM/MSP/2019/Inf.2')).toBe('CCM/MSP/2019/INF.2');
		expect(canonical('CCM/MSP/2019/l.1')).toBe('CCM/MSP/2019/L.1');
		expect(canonical('ccm/conf/2015/pm.1/2')).toBe('CCM/CONF/2015/PM.1/2');
	});

	it('keeps every real symbol unchanged', () => {
		for (const s of REAL) expect(canonical(s)).toBe(s);
	});

	it('refuses empty input and non-strings with the hint', () => {
		for (const bad of ['', '   ', '\n', null, undefined, 4, {}]) {
			const message = refused(bad);
			expect(message).toContain('Enter the document symbol');
			expect(message).toContain(SYMBOL_HINT);
		}
		expect(SYMBOL_HINT).toBe('A symbol looks like CCM/MSP/2019/4, …/Rev.1 or …/Corr.1.');
	});

	it('refuses empty parts: double, leading and trailing slashes', () => {
		for (const bad of ['CCM/MSP//2019/4', 'CCM/MSP/2019/4/', '/CCM/MSP/2019/4', 'CCM/MSP/2019/4//Rev.1', '/', '//']) {
			expect(refused(bad)).toMatch(/empty part/);
		}
	});

	it('refuses number zero and leading zeros, in documents, revisions and corrigenda', () => {
		expect(refused('CCM/MSP/2019/4/Rev.0')).toMatch(/revision number starts at 1/);
		expect(refused('CCM/MSP/2019/4/Corr.0')).toMatch(/corrigendum number starts at 1/);
		expect(refused('CCM/MSP/2019/4/Rev.1/Corr.00')).toMatch(/starts at 1/);
		expect(refused('CCM/MSP/2019/0')).toMatch(/document number starts at 1/);
		expect(refused('CCM/MSP/2019/WP.0')).toMatch(/starts at 1/);
		expect(refused('CCM/MSP/2019/04')).toMatch(/leading zeros/);
		expect(refused('CCM/MSP/2019/4/Rev.01')).toMatch(/leading zeros/);
		expect(refused('CCM/MSP/2019/1234567')).toMatch(/too large/);
		expect(ok('CCM/MSP/2019/999999').number).toBe(999999);
	});

	it('refuses what is not a number', () => {
		for (const bad of [
			'CCM/MSP/2019/four',
			'CCM/MSP/2019/4a',
			'CCM/MSP/2019/WP.x',
			'CCM/MSP/2019/4/Rev.one',
			'CCM/MSP/2019/4/Rev.',
			'CCM/MSP/2019/4/Corr.1.5',
			'CCM/MSP/2019/-4',
			'CCM/MSP/2019/4.0',
			'CCM/MSP/2019/WP4',
			'CCM/MSP/2019/1e3',
			'CCM/MSP/2019/٤'
		]) {
			expect(refused(bad)).toContain(SYMBOL_HINT);
		}
		expect(refused('CCM/MSP/2019/4/Rev.x')).toMatch(/document number/);
	});

	it('refuses Rev and Corr out of order, repeated, or without a document', () => {
		expect(refused('CCM/MSP/2019/4/Corr.1/Rev.1')).toMatch(/revision first/);
		expect(refused('CCM/MSP/2019/4/Rev.1/Rev.2')).toMatch(/at most one Rev/);
		expect(refused('CCM/MSP/2019/4/Corr.1/Corr.2')).toMatch(/at most one Rev/);
		expect(refused('Rev.1')).toMatch(/document number is missing/);
		expect(refused('Rev.1/Corr.1')).toMatch(/document number is missing/);
		expect(refused('CCM/MSP/2019/Rev.1')).toMatch(/document number comes after/);
		expect(refused('CCM/MSP/2019/Corr.1')).toMatch(/document number comes after/);
		expect(refused('CCM/MSP/2019/Rev.1/4')).toMatch(/after the series/);
		expect(refused('CCM/MSP/2019/WP.4/5')).toMatch(/after the series/);
	});

	it('refuses a missing or odd series prefix', () => {
		expect(refused('4')).toMatch(/must start with the meeting's series/);
		expect(refused('WP.4')).toMatch(/must start with the meeting's series/);
		expect(refused('2019/4')).toMatch(/must start with letters/);
		expect(refused('CCM/MSP_2019/4')).toMatch(/only letters, digits and dots/);
		expect(refused('CCM/MSP/2019./4')).toMatch(/only letters, digits and dots/);
		expect(refused('CCM/../4')).toMatch(/only letters, digits and dots/);
		expect(refused('CCM/MSP/2019\\4')).toContain(SYMBOL_HINT);
		expect(refused('CCM/MSP/Genève/4')).toMatch(/only letters, digits and dots/);
		expect(refused('CCM/MSP/2019')).toMatch(/document number comes after/);
		expect(refused('CCM/MSP/4')).toMatch(/document number comes after/);
	});

	it('refuses spaces inside and overlong text', () => {
		expect(refused('CCM/MSP/2019/4/Rev. 1')).toMatch(/no spaces/);
		expect(refused('CCM/MSP/2019/ 4')).toMatch(/no spaces/);
		expect(refused('CCM/MSP/2019/4\u00a0/Rev.1')).toMatch(/no spaces/);
		const long = `CCM/${'A'.repeat(190)}/2019/4`;
		expect(refused(long)).toMatch(/longer than 200/);
		const exactly200 = `CCM/${'A'.repeat(189)}/2019/4`;
		expect(exactly200).toHaveLength(200);
		expect(ok(exactly200).number).toBe(4);
		expect(ok(`   ${exactly200}   `).number).toBe(4);
	});

	it('refuses Add. and other parts it does not know', () => {
		expect(refused('CCM/MSP/2019/4/Add.1')).toContain(SYMBOL_HINT);
		expect(refused('CCM/MSP/2019/CRP.1')).toContain(SYMBOL_HINT);
	});

	it('with a known prefix, accepts only that meeting’s documents', () => {
		expect(ok('ccm/msp/2019/4/rev.1', 'CCM/MSP/2019')).toMatchObject({ prefix: 'CCM/MSP/2019', revision: 1 });
		expect(ok('CCM/MSP/2019/WP.1', ' ccm/msp/2019/ ')).toMatchObject({ series: 'WP' });
		expect(ok('CCM/78', 'CCM')).toMatchObject({ prefix: 'CCM', number: 78 });
		expect(ok('CCM/CONF/2015/PM.1/2', 'CCM/CONF/2015/PM.1').number).toBe(2);
		expect(refused('CCM/MSP/2018/4', 'CCM/MSP/2019')).toMatch(/should start with CCM\/MSP\/2019\//);
		expect(refused('CCM/CONF/2015/PM.1/2', 'CCM/CONF/2015')).toMatch(/does not belong/);
		expect(refused('CCM/CONF/2015/2', 'CCM/CONF/2015/PM.1')).toMatch(/does not belong/);
		expect(refused('CCM/MSP/2019', 'CCM/MSP/2019')).toMatch(/Add the document number after CCM\/MSP\/2019\//);
		expect(refused('ccm/msp/2019/', 'CCM/MSP/2019')).toMatch(/Add the document number/);
		expect(refused('', 'CCM/MSP/2019')).toMatch(/Enter the document symbol/);
	});

	it('throws on a malformed known prefix: that is a bug, not a user error', () => {
		expect(() => parseSymbol('CCM/MSP/2019/4', '')).toThrow();
		expect(() => parseSymbol('CCM/MSP/2019/4', 'CCM//2019')).toThrow();
		expect(() => parseSymbol('CCM/MSP/2019/4', 'CCM/MSP/2019/Rev.1')).toThrow();
	});
});

describe('formatSymbol', () => {
	it('writes the canonical spelling', () => {
		expect(formatSymbol({ prefix: 'CCM/MSP/2019', series: 'main', number: 4, revision: 1, corrigendum: 1 })).toBe('CCM/MSP/2019/4/Rev.1/Corr.1');
		expect(formatSymbol({ prefix: 'CCM/MSP/2019', series: 'INF', number: 2, revision: null, corrigendum: 3 })).toBe('CCM/MSP/2019/INF.2/Corr.3');
		expect(formatSymbol({ prefix: 'CCM', series: 'main', number: 78, revision: null, corrigendum: null })).toBe('CCM/78');
	});

	it('round-trips with parseSymbol over every shape', () => {
		const prefixes = ['CCM', 'CCM/MSP/2019', 'CCM/CONF/2015/PM.1', 'CCM/CONF/2021'];
		const series = ['main', 'WP', 'INF', 'L'] as const;
		const versions: [number | null, number | null][] = [
			[null, null],
			[1, null],
			[null, 1],
			[3, 2],
			[10, 11]
		];
		let n = 0;
		for (const prefix of prefixes)
			for (const s of series)
				for (const number of [1, 9, 10, 123])
					for (const [revision, corrigendum] of versions) {
						const p: ParsedSymbol = { prefix, series: s, number, revision, corrigendum };
						expect(ok(formatSymbol(p))).toEqual(p);
						expect(formatSymbol(ok(formatSymbol(p).toLowerCase()))).toBe(formatSymbol(p));
						n++;
					}
		expect(n).toBe(4 * 4 * 4 * 5);
	});
});

describe('baseSymbol and isSameDocument', () => {
	it('drops Rev and Corr', () => {
		expect(baseSymbol(ok('CCM/MSP/2019/4/Rev.1/Corr.1'))).toBe('CCM/MSP/2019/4');
		expect(baseSymbol('ccm/msp/2019/wp.4/corr.2')).toBe('CCM/MSP/2019/WP.4');
		expect(baseSymbol('CCM/78')).toBe('CCM/78');
		expect(() => baseSymbol('CCM/MSP/2019/4/Rev.0')).toThrow();
	});

	it('matches versions of one document only', () => {
		expect(isSameDocument('CCM/MSP/2019/4', 'CCM/MSP/2019/4/Rev.1/Corr.1')).toBe(true);
		expect(isSameDocument('ccm/msp/2019/4/corr.1', ok('CCM/MSP/2019/4/Rev.2'))).toBe(true);
		expect(isSameDocument('CCM/MSP/2019/4', 'CCM/MSP/2019/WP.4')).toBe(false);
		expect(isSameDocument('CCM/MSP/2019/4', 'CCM/MSP/2019/40')).toBe(false);
		expect(isSameDocument('CCM/MSP/2019/4', 'CCM/MSP/2018/4')).toBe(false);
		expect(isSameDocument('CCM/CONF/2015/2', 'CCM/CONF/2015/PM.1/2')).toBe(false);
		expect(isSameDocument('CCM/MSP/2019/04', 'CCM/MSP/2019/04')).toBe(false);
	});
});

describe('nextNumber', () => {
	const existing = [
		'CCM/MSP/2019/1',
		'CCM/MSP/2019/2',
		'CCM/MSP/2019/2/Rev.1',
		'CCM/MSP/2019/9',
		'CCM/MSP/2019/12/Corr.1',
		'CCM/MSP/2019/WP.1',
		'CCM/MSP/2019/WP.2/Rev.1',
		'CCM/MSP/2019/INF.1',
		'CCM/MSP/2018/30',
		'CCM/MSP/2019/L.1',
		'garbage',
		'CCM/MSP/2019/0040'
	];

	it('takes one more than the highest, leaving gaps unfilled', () => {
		// 3 to 8 and 10, 11 are free, but 12 exists (through its corrigendum), so the next is 13.
		expect(nextNumber(existing, 'CCM/MSP/2019', 'main')).toBe(13);
		expect(nextNumber(existing, 'CCM/MSP/2019', 'WP')).toBe(3);
		expect(nextNumber(existing, 'CCM/MSP/2019', 'INF')).toBe(2);
		expect(nextNumber(existing, 'CCM/MSP/2019', 'L')).toBe(2);
		expect(nextNumber(existing, 'CCM/MSP/2018', 'main')).toBe(31);
	});

	it('does not count revisions and corrigenda as numbers', () => {
		expect(nextNumber(['CCM/MSP/2019/1', 'CCM/MSP/2019/1/Rev.1', 'CCM/MSP/2019/1/Rev.2/Corr.1'], 'CCM/MSP/2019', 'main')).toBe(2);
	});

	it('starts at 1 in an empty series, and keeps series and meetings apart', () => {
		expect(nextNumber([], 'CCM/MSP/2019', 'main')).toBe(1);
		expect(nextNumber(existing, 'CCM/MSP/2020', 'main')).toBe(1);
		expect(nextNumber(['CCM/CONF/2015/PM.1/4', 'CCM/CONF/2015/7'], 'CCM/CONF/2015', 'main')).toBe(8);
		expect(nextNumber(['CCM/CONF/2015/PM.1/4', 'CCM/CONF/2015/7'], 'CCM/CONF/2015/PM.1', 'main')).toBe(5);
		expect(nextNumber(['CCM/78'], 'CCM', 'main')).toBe(79);
	});

	it('reads symbols and prefix in any case, and accepts any iterable', () => {
		expect(nextNumber(new Set(['ccm/msp/2019/wp.7']), 'ccm/msp/2019/', 'WP')).toBe(8);
	});

	it('throws on a malformed prefix and when the series is full', () => {
		expect(() => nextNumber([], 'CCM//2019', 'main')).toThrow();
		expect(() => nextNumber(['CCM/MSP/2019/999999'], 'CCM/MSP/2019', 'main')).toThrow(/No number left/);
	});
});

describe('nextRevision and nextCorrigendum', () => {
	const existing = [
		'CCM/MSP/2019/4',
		'CCM/MSP/2019/4/Corr.1',
		'CCM/MSP/2019/4/Rev.1',
		'CCM/MSP/2019/4/Rev.1/Corr.1',
		'CCM/MSP/2019/4/Rev.1/Corr.2',
		'CCM/MSP/2019/WP.4/Rev.5',
		'CCM/MSP/2018/4/Rev.7'
	];

	it('numbers revisions of a document from any of its versions', () => {
		expect(formatSymbol(nextRevision(existing, 'CCM/MSP/2019/4'))).toBe('CCM/MSP/2019/4/Rev.2');
		expect(formatSymbol(nextRevision(existing, 'CCM/MSP/2019/4/Rev.1/Corr.2'))).toBe('CCM/MSP/2019/4/Rev.2');
		expect(formatSymbol(nextRevision(existing, ok('CCM/MSP/2019/WP.4')))).toBe('CCM/MSP/2019/WP.4/Rev.6');
		expect(formatSymbol(nextRevision(existing, 'CCM/MSP/2019/5'))).toBe('CCM/MSP/2019/5/Rev.1');
		expect(formatSymbol(nextRevision([], 'CCM/78'))).toBe('CCM/78/Rev.1');
	});

	it('counts a revision known only through its corrigendum', () => {
		expect(formatSymbol(nextRevision(['CCM/MSP/2019/4/Rev.3/Corr.1'], 'CCM/MSP/2019/4'))).toBe('CCM/MSP/2019/4/Rev.4');
	});

	it('numbers corrigenda per version: the original and each revision count their own', () => {
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/4'))).toBe('CCM/MSP/2019/4/Corr.2');
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/4/Rev.1'))).toBe('CCM/MSP/2019/4/Rev.1/Corr.3');
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/WP.4/Rev.5'))).toBe('CCM/MSP/2019/WP.4/Rev.5/Corr.1');
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/4/Rev.2'))).toBe('CCM/MSP/2019/4/Rev.2/Corr.1');
	});

	it('reads a corrigendum target as the version it corrects', () => {
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/4/Corr.1'))).toBe('CCM/MSP/2019/4/Corr.2');
		expect(formatSymbol(nextCorrigendum(existing, 'CCM/MSP/2019/4/Rev.1/Corr.1'))).toBe('CCM/MSP/2019/4/Rev.1/Corr.3');
	});

	it('throws on an unreadable target', () => {
		expect(() => nextRevision(existing, 'nonsense')).toThrow();
		expect(() => nextCorrigendum(existing, 'CCM/MSP/2019/4/Corr.0')).toThrow();
	});
});

describe('compareSymbols', () => {
	it('orders versions as issued: original, Corr.1, Rev.1, Rev.1/Corr.1, Rev.2', () => {
		const expected = [
			'CCM/MSP/2019/4',
			'CCM/MSP/2019/4/Corr.1',
			'CCM/MSP/2019/4/Corr.2',
			'CCM/MSP/2019/4/Rev.1',
			'CCM/MSP/2019/4/Rev.1/Corr.1',
			'CCM/MSP/2019/4/Rev.2'
		];
		expect([...expected].reverse().sort(compareSymbols)).toEqual(expected);
	});

	it('orders numbers numerically, main before INF, L and WP, then prefixes naturally', () => {
		const expected = [
			'CCM/78',
			'CCM/CONF/2015/1',
			'CCM/CONF/2015/7',
			'CCM/CONF/2015/PM.1/2',
			'CCM/CONF/2015/PM.2/1',
			'CCM/CONF/2015/PM.10/1',
			'CCM/MSP/2010/3',
			'CCM/MSP/2019/2',
			'CCM/MSP/2019/9',
			'CCM/MSP/2019/10',
			'CCM/MSP/2019/10/Rev.1',
			'CCM/MSP/2019/11',
			'CCM/MSP/2019/INF.1',
			'CCM/MSP/2019/INF.2',
			'CCM/MSP/2019/L.1',
			'CCM/MSP/2019/WP.2',
			'CCM/MSP/2019/WP.10'
		];
		expect([...expected].reverse().sort(compareSymbols)).toEqual(expected);
		const interleaved = expected.map((_, i) => expected[(i * 7) % expected.length]);
		expect(new Set(interleaved).size).toBe(expected.length);
		expect(interleaved.sort(compareSymbols)).toEqual(expected);
		// Plain text order would get these wrong, which is why the comparison exists.
		expect([...expected].sort()).not.toEqual(expected);
	});

	it('is consistent: antisymmetric, zero for the same symbol in another case', () => {
		expect(compareSymbols('ccm/msp/2019/4/rev.1', 'CCM/MSP/2019/4/Rev.1')).toBe(0);
		expect(compareSymbols(ok('CCM/MSP/2019/4'), 'CCM/MSP/2019/5')).toBeLessThan(0);
		for (const a of REAL) for (const b of REAL) expect(Math.sign(compareSymbols(a, b))).toBe(-Math.sign(compareSymbols(b, a)) || 0);
	});

	it('puts unreadable symbols last, in text order', () => {
		expect(['zz', 'CCM/MSP/2019/4/Rev.0', 'CCM/MSP/2019/1', 'aa'].sort(compareSymbols)).toEqual(['CCM/MSP/2019/1', 'CCM/MSP/2019/4/Rev.0', 'aa', 'zz']);
	});
});

describe('symbolToPath and pathToSymbol', () => {
	it('maps symbol segments to path segments', () => {
		expect(symbolToPath('CCM/MSP/2019/4/Rev.1')).toBe('CCM/MSP/2019/4/Rev.1');
		expect(symbolToPath('ccm/msp/2011/wp.4')).toBe('CCM/MSP/2011/WP.4');
		expect(symbolToPath(ok('CCM/CONF/2015/PM.1/2'))).toBe('CCM/CONF/2015/PM.1/2');
		expect(() => symbolToPath('CCM/MSP/2019/4/')).toThrow();
	});

	it('round-trips every symbol', () => {
		for (const s of REAL) {
			expect(pathToSymbol(symbolToPath(s))).toBe(s);
			expect(symbolToPath(pathToSymbol(symbolToPath(s))!)).toBe(symbolToPath(s));
		}
	});

	it('reads encoded or decoded paths and returns the canonical symbol', () => {
		expect(pathToSymbol('CCM/MSP/2019/4/Rev.1')).toBe('CCM/MSP/2019/4/Rev.1');
		expect(pathToSymbol('ccm/msp/2019/4/rev.1')).toBe('CCM/MSP/2019/4/Rev.1');
		expect(pathToSymbol('CCM/MSP/2019/WP%2E4')).toBe('CCM/MSP/2019/WP.4');
		expect(pathToSymbol('%43CM/78')).toBe('CCM/78');
	});

	it('refuses traversal, encoded slashes, empty segments and junk', () => {
		for (const bad of [
			'..',
			'../CCM/MSP/2019/4',
			'CCM/../MSP/2019/4',
			'CCM/MSP/2019/4/..',
			'CCM/MSP/2019/%2E%2E/4',
			'CCM/MSP/2019/./4',
			'CCM%2FMSP%2F2019%2F4',
			'CCM/MSP/2019%5C4',
			'CCM/MSP/2019/4%00',
			'CCM/MSP/2019/4/',
			'/CCM/MSP/2019/4',
			'CCM//MSP/2019/4',
			'CCM/MSP/2019/%E0%A4%A',
			'CCM/MSP/2019/%20',
			'%20CCM/MSP/2019/4',
			'CCM/MSP/2019/4%20',
			'',
			'documents/CCM/MSP/2019/4/Rev.0',
			`CCM/${'A'.repeat(700)}/4`
		]) {
			expect(pathToSymbol(bad), bad).toBeNull();
		}
	});
});

describe('downloadName', () => {
	it('joins symbol, language and extension safely', () => {
		expect(downloadName('CCM/MSP/2019/4/Rev.1', 'en', 'pdf')).toBe('CCM-MSP-2019-4-Rev.1_EN.pdf');
		expect(downloadName('ccm/msp/2011/wp.4', 'fr', '.DOCX')).toBe('CCM-MSP-2011-WP.4_FR.docx');
		expect(downloadName('CCM/78', 'zh', 'pdf')).toBe('CCM-78_ZH.pdf');
		expect(downloadName('CCM/CONF/2015/PM.1/2', 'ar', 'xlsx')).toBe('CCM-CONF-2015-PM.1-2_AR.xlsx');
	});

	it('never lets quotes, slashes, control or non-ASCII characters through', () => {
		const hostile = [
			['"; filename=evil.exe', 'en', 'pdf'],
			['../../etc/passwd', 'en', 'pdf'],
			['CCM/MSP/2019/4\r\nSet-Cookie: x=1', 'e"n', 'p\\df'],
			['Genève/中文/4', 'русский', 'pdf'],
			['', '', ''],
			['...', '..', '..'],
			['CCM/MSP/2019/4', 'en', 'pdf;.exe']
		];
		for (const [s, l, e] of hostile) {
			const name = downloadName(s, l, e);
			expect(name, JSON.stringify([s, l, e])).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
			expect(name.length).toBeLessThanOrEqual(150);
		}
		expect(downloadName('', '', '')).toBe('document');
		expect(downloadName('"; filename=evil.exe', 'en', 'pdf')).toBe('filename-evil.exe_EN.pdf');
		expect(downloadName('CCM/MSP/2019/4', 'en', 'pdf;.exe')).toBe('CCM-MSP-2019-4_EN.pdfexe');
		expect(downloadName(`CCM/${'X'.repeat(300)}`, 'en', 'pdf').length).toBeLessThanOrEqual(150);
	});
});
