import { describe, expect, it } from 'vitest';
import { chfToCentimes } from './forms';

describe('chfToCentimes', () => {
	it('reads amounts as people write them, in integer centimes', () => {
		expect(chfToCentimes('1250')).toBe(125_000);
		expect(chfToCentimes('1,250.50')).toBe(125_050);
		expect(chfToCentimes("1'250.5")).toBe(125_050);
		expect(chfToCentimes('CHF 980.05')).toBe(98_005);
		expect(chfToCentimes('0.10')).toBe(10);
	});
	it('refuses what is not a positive amount', () => {
		for (const bad of ['0', '-100', 'abc', '12.345', '', '1e5', '99999999']) expect(chfToCentimes(bad)).toBeNull();
	});
});
