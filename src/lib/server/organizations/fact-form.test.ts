import { describe, expect, it } from 'vitest';
import { checkFact, factSchema } from './fact-form';
import { factEntry } from '../../../../tests/fixtures/state-facts';

const entry = factEntry;
const iraq = [
	entry({ id: 1, kind: 'status', event: 'deposit', on_date: '2013-05-14' }),
	entry({ id: 2, kind: 'deadline', event: 'original', article: 4, on_date: '2023-11-01' })
];
const input = (form: Record<string, string>) => factSchema.parse({ source: 'CCM/MSP/2023/…', ...form });

describe('a staff entry is refused at the field', () => {
	it('an extension not later than the deadline it extends', () => {
		expect(checkFact(input({ type: 'deadline.extension', article: '4', on_date: '2023-09-14', deadline: '2023-10-01' }), iraq, '2026-11-29')).toEqual({
			deadline: expect.stringContaining('2023-11-01')
		});
		expect(checkFact(input({ type: 'deadline.extension', article: '4', on_date: '2023-09-14', deadline: '2028-11-01' }), iraq, '2026-11-29')).toEqual({});
	});
	it('a date outside the Convention’s life (2008-05-30 to ten years ahead)', () => {
		expect(checkFact(input({ type: 'status.signature', on_date: '2008-05-29' }), [], '2026-11-29').on_date).toContain('2008-05-30');
		expect(checkFact(input({ type: 'deadline.original', article: '3', on_date: '2036-11-30' }), [], '2026-11-29').on_date).toContain('2036-11-29');
		expect(checkFact(input({ type: 'ldc.inclusion', on_date: '1971-11-18' }), [], '2026-11-29')).toEqual({});
	});
	it('an end before its start', () => {
		expect(checkFact(input({ type: 'status.withdrawal_effective', on_date: '2012-01-01' }), iraq, '2026-11-29').on_date).toContain(
			'an end cannot come before its start'
		);
		const ldc = [entry({ id: 3, kind: 'ldc', event: 'inclusion', on_date: '1991' })];
		expect(checkFact(input({ type: 'ldc.graduation', on_date: '1990-06-01' }), ldc, '2026-11-29').on_date).toContain('1991-01-01');
	});
	it('a deadline without its article, a granted extension without its new deadline', () => {
		expect(checkFact(input({ type: 'deadline.original', on_date: '2020-01-01' }), [], '2026-11-29').article).toBeDefined();
		expect(checkFact(input({ type: 'deadline.extension', article: '4', on_date: '2023-09-14' }), iraq, '2026-11-29').deadline).toContain('new deadline');
		expect(checkFact(input({ type: 'deadline.extension', article: '4', on_date: '2023-09-14', outcome: 'unknown' }), iraq, '2026-11-29')).toEqual({});
	});
	it('a replacement of another kind or of an entry that is not current', () => {
		expect(checkFact(input({ type: 'ldc.inclusion', on_date: '1971-01-01', replaces_id: '2' }), iraq, '2026-11-29').replaces_id).toBeDefined();
		expect(
			checkFact(input({ type: 'deadline.original', article: '4', on_date: '2023-11-01', replaces_id: '99' }), iraq, '2026-11-29').replaces_id
		).toBeDefined();
	});
	it('the schema refuses a type that is not in the list and a date that is not one', () => {
		expect(factSchema.safeParse({ type: 'status.invented', source: 's' }).success).toBe(false);
		expect(factSchema.safeParse({ type: 'status.signature', on_date: '2019-02-30x', source: 's' }).success).toBe(false);
	});
});
