import { describe, expect, it } from 'vitest';
import { cleanLine, compareAgendaNumbers, formatAgendaNumber, parseAgendaText, renumber, subLetter, type AgendaDraftItem } from './agenda';

/** shared/data/9msp-agenda.txt, copied: tests must not read outside the repository. */
const NINE_MSP_AGENDA = `# Provisional agenda of a CCM Meeting of States Parties, as used for the 9MSP demo data.
# Reconstructed from the 8MSP and 11MSP session pages and a Second Review Conference preparatory agenda
# (see SOURCES.md); the wording follows the usual MSP agenda, the numbering is illustrative.
1. Official opening of the Meeting
2. Election of the President and other officers
3. Adoption of the agenda
4. Adoption of the programme of work
5. Confirmation of the rules of procedure
6. Confirmation of the Secretary-General of the Meeting
7. General exchange of views
8. Review of the status and operation of the Convention and other matters important for achieving its aims
(a) Universalization
(b) Stockpile destruction and retention
(c) Clearance and risk reduction education
(d) Victim assistance
(e) International cooperation and assistance
(f) Transparency measures
(g) National implementation measures
(h) Compliance
9. Consideration of requests submitted under Articles 3 and 4 of the Convention
10. Implementation support: the work plan and budget of the Implementation Support Unit and financial matters
11. Preparations for the Second Review Conference
12. Date, duration and venue of the next meetings
13. Any other business
14. Consideration and adoption of the final document of the Meeting
15. Closure of the Meeting
`;

const labels = (items: AgendaDraftItem[]) => items.map((i) => formatAgendaNumber(i.number, i.subNumber));
const top = (number: string, title: string): AgendaDraftItem => ({ number, subNumber: null, title, depth: 0 });
const sub = (number: string, subNumber: string, title: string): AgendaDraftItem => ({ number, subNumber, title, depth: 1 });

describe('parseAgendaText: the 9MSP provisional agenda', () => {
	const { items, errors } = parseAgendaText(NINE_MSP_AGENDA);

	it('parses with no errors into 15 top items and 8 sub-items of item 8', () => {
		expect(errors).toEqual([]);
		expect(items.filter((i) => i.depth === 0)).toHaveLength(15);
		const subs = items.filter((i) => i.depth === 1);
		expect(subs).toHaveLength(8);
		expect(subs.every((i) => i.number === '8')).toBe(true);
		expect(subs.map((i) => i.subNumber).join('')).toBe('abcdefgh');
	});

	it('keeps display order, labels and titles', () => {
		expect(labels(items).slice(6, 11)).toEqual(['7', '8', '8 (a)', '8 (b)', '8 (c)']);
		expect(items[8]).toEqual(sub('8', 'a', 'Universalization'));
		expect(items.at(-1)).toEqual(top('15', 'Closure of the Meeting'));
		expect(items.find((i) => i.number === '10')?.title).toBe(
			'Implementation support: the work plan and budget of the Implementation Support Unit and financial matters'
		);
	});

	it('is already numbered as renumber would number it', () => {
		expect(renumber(items)).toEqual(items);
	});
});

describe('parseAgendaText: prefixes', () => {
	it.each([
		['1. Opening', '1'],
		['1) Opening', '1'],
		['1 Opening', '1'],
		['1 - Opening', '1'],
		['1 – Opening', '1'],
		['1: Opening', '1'],
		['1.Opening', '1'],
		['01. Opening', '1'],
		['  12 .  Opening  ', '12']
	])('reads %j as item %s', (line, number) => {
		const { items, errors } = parseAgendaText(line);
		expect(errors).toEqual([]);
		expect(items).toEqual([top(number, 'Opening')]);
	});

	it.each(['(a) Universalization', '(a). Universalization', 'a) Universalization', '(A) Universalization', '8 (a) Universalization', '8(a) Universalization'])(
		'reads %j as sub-item (a) of the last item',
		(line) => {
			const { items, errors } = parseAgendaText(`8. Review\n${line}`);
			expect(errors).toEqual([]);
			expect(items[1]).toEqual(sub('8', 'a', 'Universalization'));
		}
	);

	it('attaches sub-items to the last top item, not the first', () => {
		const { items } = parseAgendaText('1. One\n(a) x\n2. Two\n(a) y\n(b) z');
		expect(labels(items)).toEqual(['1', '1 (a)', '2', '2 (a)', '2 (b)']);
	});

	it('takes (i) after (h) as the letter i, not a roman numeral', () => {
		const letters = 'abcdefghij'.split('').map((l) => `(${l}) Topic ${l}`);
		const { items, errors } = parseAgendaText(['8. Review', ...letters].join('\n'));
		expect(errors).toEqual([]);
		expect(items.at(-2)).toEqual(sub('8', 'i', 'Topic i'));
		expect(items.at(-1)).toEqual(sub('8', 'j', 'Topic j'));
	});

	it('does not read decimal numbering "1.2" as item 1', () => {
		const { errors } = parseAgendaText('1. One\n1.2 Part two');
		expect(errors).toEqual([{ line: 2, message: 'Line 2 has no item number' }]);
	});
});

describe('parseAgendaText: continuation lines, blanks, comments, cleaning', () => {
	it('appends a lowercase line without a number to the previous title', () => {
		const { items, errors } = parseAgendaText('8. Review of the status and operation\n   of the Convention\n(a) Victim\nAssistance');
		expect(errors).toEqual([{ line: 4, message: 'Line 4 has no item number' }]);
		expect(items[0].title).toBe('Review of the status and operation of the Convention');
		expect(items[1].title).toBe('Victim');
	});

	it('continues a sub-item title too', () => {
		const { items } = parseAgendaText('8. Review\n(a) Clearance and\nrisk reduction education');
		expect(items[1]).toEqual(sub('8', 'a', 'Clearance and risk reduction education'));
	});

	it('lets a title given on the next line fill an empty numbered line', () => {
		const { items, errors } = parseAgendaText('1.\nopening of the Meeting');
		expect(errors).toEqual([]);
		expect(items).toEqual([top('1', 'opening of the Meeting')]);
	});

	it('ignores blank lines and # comments, and reports original line numbers', () => {
		const { items, errors } = parseAgendaText('# heading\n\n1. One\n   \n\t\n# 2. commented out\nOops');
		expect(items).toEqual([top('1', 'One')]);
		expect(errors).toEqual([{ line: 7, message: 'Line 7 has no item number' }]);
	});

	it('accepts Windows and old Mac line endings', () => {
		expect(labels(parseAgendaText('1. A\r\n2. B\r3. C').items)).toEqual(['1', '2', '3']);
	});

	it('trims, collapses whitespace and strips control and invisible characters', () => {
		const { items, errors } = parseAgendaText('\uFEFF1.\tAdoption\u00a0 of\u200b the\u0007 agenda\u00ad  \u0000');
		expect(errors).toEqual([]);
		expect(items[0].title).toBe('Adoption of the agenda');
		expect(cleanLine('  a\t\tb \u000b c\u0001 ')).toBe('a b c');
	});

	it('returns nothing for an empty paste', () => {
		expect(parseAgendaText('')).toEqual({ items: [], errors: [] });
		expect(parseAgendaText('\n  \n# only a comment')).toEqual({ items: [], errors: [] });
	});
});

describe('parseAgendaText: errors', () => {
	it('reports an uppercase line without a number', () => {
		const { items, errors } = parseAgendaText('1. One\nGeneral debate');
		expect(items).toHaveLength(1);
		expect(errors).toEqual([{ line: 2, message: 'Line 2 has no item number' }]);
	});

	it('reports a first line without a number even in lowercase (nothing to continue)', () => {
		expect(parseAgendaText('opening').errors).toEqual([{ line: 1, message: 'Line 1 has no item number' }]);
	});

	it('reports a sub-item before any top item', () => {
		const { items, errors } = parseAgendaText('(a) Universalization\n1. One');
		expect(items).toEqual([top('1', 'One')]);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('before any numbered item') });
	});

	it('reports a combined label under the wrong parent', () => {
		const { errors } = parseAgendaText('8. Review\n9 (a) Requests');
		expect(errors).toEqual([{ line: 2, message: expect.stringContaining('not under item 9') }]);
	});

	it('reports roman numerals, top-level and nested', () => {
		const { errors } = parseAgendaText('IV. Organizational matters\n8. Review\n(a) Universalization\n(ii) Second part\nii) Third');
		expect(errors.map((e) => e.line)).toEqual([1, 4, 5]);
		expect(errors.every((e) => /^Line \d+ has no item number: roman numeral/.test(e.message))).toBe(true);
	});

	it('reports duplicate numbers, top and sub, with the first line', () => {
		const { items, errors } = parseAgendaText('1. One\n2. Two\n(a) x\n(a) y\n1. Again');
		expect(items).toHaveLength(5);
		expect(errors).toEqual([
			{ line: 4, message: 'Line 4: item 2 (a) appears twice (first on line 3)' },
			{ line: 5, message: 'Line 5: item 1 appears twice (first on line 1)' }
		]);
	});

	it('allows the same letter under different parents', () => {
		expect(parseAgendaText('1. One\n(a) x\n2. Two\n(a) y').errors).toEqual([]);
	});

	it('reports a missing title and item 0', () => {
		expect(parseAgendaText('1.\n2. Two').errors).toEqual([{ line: 1, message: 'Line 1: item 1 has no title' }]);
		expect(parseAgendaText('0. Zero').errors).toEqual([{ line: 1, message: 'Line 1: item numbers start at 1' }]);
	});

	it('limits titles to 500 characters, after joining continuation lines, at the line the item starts', () => {
		expect(parseAgendaText(`1. ${'x'.repeat(500)}`).errors).toEqual([]);
		expect(parseAgendaText(`1. ${'x'.repeat(501)}`).errors).toEqual([{ line: 1, message: 'Line 1: title is longer than 500 characters' }]);
		const wrapped = parseAgendaText(`# c\n1. ${'x'.repeat(300)}\n${'y'.repeat(300)}`);
		expect(wrapped.errors).toEqual([{ line: 2, message: 'Line 2: title is longer than 500 characters' }]);
	});

	it('sorts errors by line', () => {
		const { errors } = parseAgendaText(`1. ${'x'.repeat(501)}\nBad\n1. Dup`);
		expect(errors.map((e) => e.line)).toEqual([1, 2, 3]);
	});
});

describe('subLetter', () => {
	it.each([
		[0, 'a'],
		[25, 'z'],
		[26, 'aa'],
		[27, 'ab'],
		[51, 'az'],
		[52, 'ba'],
		[701, 'zz'],
		[702, 'aaa']
	])('%i → %s', (index, letter) => expect(subLetter(index)).toBe(letter));
});

describe('renumber', () => {
	it('reassigns numbers and letters in display order', () => {
		const moved = [top('3', 'C'), sub('1', 'b', 'x'), sub('7', 'a', 'y'), top('1', 'A'), top('2', 'B'), sub('2', 'c', 'z')];
		expect(renumber(moved)).toEqual([top('1', 'C'), sub('1', 'a', 'x'), sub('1', 'b', 'y'), top('2', 'A'), top('3', 'B'), sub('3', 'a', 'z')]);
	});

	it('goes on from z to aa, ab', () => {
		const items = [top('1', 'P'), ...Array.from({ length: 28 }, (_, i) => sub('1', 'a', `s${i}`))];
		expect(
			renumber(items)
				.slice(-3)
				.map((i) => i.subNumber)
		).toEqual(['z', 'aa', 'ab']);
	});

	it('promotes a leading sub-item to a top item', () => {
		expect(renumber([sub('5', 'a', 'orphan'), top('9', 'B')])).toEqual([top('1', 'orphan'), top('2', 'B')]);
	});

	it('keeps other fields and does not mutate its input', () => {
		const input = [{ id: 7, depth: 0 as const, title: 'T' }];
		const out = renumber(input);
		expect(out).toEqual([{ id: 7, depth: 0, title: 'T', number: '1', subNumber: null }]);
		expect(input[0]).not.toHaveProperty('number');
		expect(renumber([])).toEqual([]);
	});
});

describe('formatAgendaNumber', () => {
	it('writes labels as the UN does', () => {
		expect(formatAgendaNumber('10', null)).toBe('10');
		expect(formatAgendaNumber('10', 'a')).toBe('10 (a)');
	});
});

describe('compareAgendaNumbers', () => {
	it('sorts numerically, parents before their sub-items, z before aa', () => {
		const shuffled = ['11', '10 (b)', '2', '10', '10 (aa)', '1', '10 (a)', '10 (z)', '20'];
		expect([...shuffled].sort(compareAgendaNumbers)).toEqual(['1', '2', '10', '10 (a)', '10 (b)', '10 (z)', '10 (aa)', '11', '20']);
	});

	it('treats spacing and case loosely and equal labels as equal', () => {
		expect(compareAgendaNumbers('10(a)', '10 (a)')).toBe(0);
		expect(compareAgendaNumbers('10 (A)', '10 (b)')).toBeLessThan(0);
		expect(compareAgendaNumbers('2', '10')).toBeLessThan(0);
		expect(compareAgendaNumbers('10 (b)', '10 (a)')).toBeGreaterThan(0);
	});

	it('puts unreadable labels last without throwing', () => {
		expect(['Annex', '3', 'II', '1'].sort(compareAgendaNumbers)).toEqual(['1', '3', 'Annex', 'II']);
	});
});
