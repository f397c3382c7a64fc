import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatInZone, formatNumber, pluralOf } from './dates';

describe('formatDateRange', () => {
	it('writes ranges as UN documents do', () => {
		expect(formatDateRange('2019-09-02', '2019-09-04')).toBe('2–4 September 2019');
		expect(formatDateRange('2022-08-30', '2022-09-02')).toBe('30 August – 2 September 2022');
		expect(formatDateRange('2019-12-28', '2020-01-03')).toBe('28 December 2019 – 3 January 2020');
		expect(formatDateRange('2015-02-05', '2015-02-05')).toBe('5 February 2015');
	});
});

describe('formatInZone', () => {
	it('shows the venue clock with its zone', () => {
		expect(formatInZone('2019-08-15T16:00:00.000Z', 'Europe/Zurich')).toBe('15 Aug 2019, 18:00 CEST');
		expect(formatInZone(null, 'Europe/Zurich')).toBe('');
	});
});

describe('formatDate', () => {
	it('writes one day as prose does, from a day or a full ISO instant', () => {
		expect(formatDate('2019-09-02')).toBe('2 September 2019');
		expect(formatDate('2027-02-16T00:00:00.000Z')).toBe('16 February 2027');
	});
});

describe('dates in the languages of the Convention', () => {
	it('writes French and Spanish ranges as those languages do', () => {
		expect(formatDateRange('2019-09-02', '2019-09-04', 'fr')).toBe('2–4 septembre 2019');
		expect(formatDateRange('2019-09-02', '2019-09-04', 'es')).toBe('2–4 de septiembre de 2019');
		expect(formatDate('2019-09-02', 'fr')).toBe('2 septembre 2019');
	});
});

describe('numbers and plurals in the page language (formatters kept per language)', () => {
	it('writes thousands and decimals as each language does, the same on every call', () => {
		for (let i = 0; i < 2; i++) {
			expect(formatNumber(1500, 'en')).toBe('1,500');
			expect(formatNumber(1500, 'fr').replace(/\s/g, ' ')).toBe('1 500');
			expect(formatNumber(1.25, 'fr', 1)).toBe('1,3');
			expect(formatNumber(2, 'en', 1)).toBe('2.0');
			expect(formatNumber(1.5, 'en')).toBe('1.5');
		}
	});

	it('gives the plural category of a count: French counts 0 and 1 as one, English only 1', () => {
		expect(pluralOf(1, 'en')).toBe('one');
		expect(pluralOf(0, 'en')).toBe('other');
		expect(pluralOf(0, 'fr')).toBe('one');
		expect(pluralOf(2, 'es')).toBe('other');
	});
});
