import { describe, expect, it } from 'vitest';
import { generateToken } from './token';

describe('generateToken', () => {
	it('gives 160-bit base32 tokens, never the same twice, across many refills of its random pool', () => {
		const seen = new Set<string>();
		// 4 KiB holds 204 tokens: 5,000 tokens cross the refill 24 times.
		for (let i = 0; i < 5000; i++) seen.add(generateToken());
		expect(seen.size).toBe(5000);
		for (const t of seen) expect(t).toMatch(/^[a-z2-7]{32}$/);
	});

	it('uses every bit: each base32 character of the first 1,000 tokens takes nearly all 32 values at each position', () => {
		const tokens = Array.from({ length: 1000 }, generateToken);
		for (let pos = 0; pos < 32; pos++) expect(new Set(tokens.map((t) => t[pos])).size).toBeGreaterThanOrEqual(30);
	});
});
