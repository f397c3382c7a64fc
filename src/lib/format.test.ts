import { describe, expect, it } from 'vitest';
import { formatInstant, linkParts } from './format';

describe('linkParts', () => {
	it('turns URLs into links and leaves the rest as text', () => {
		expect(linkParts('Open http://localhost:3000/verify/abc now.\nThanks')).toEqual([
			{ text: 'Open ' },
			{ text: 'http://localhost:3000/verify/abc', href: 'http://localhost:3000/verify/abc' },
			{ text: ' now.\nThanks' }
		]);
	});
	it('never makes a javascript: link', () => {
		expect(linkParts('javascript:alert(1)').every((p) => !p.href)).toBe(true);
	});
});

describe('formatInstant', () => {
	it('shows Geneva time with the zone named', () => {
		expect(formatInstant('2019-09-02T08:00:00.000Z')).toMatch(/2 Sept? 2019, 10:00 CEST/);
	});
});
