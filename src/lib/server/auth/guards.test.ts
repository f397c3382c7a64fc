import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';
import { generateToken, hashToken } from './token';
import { randomPassword } from './password';

describe('safeRedirectTarget', () => {
	it('keeps same-site paths and refuses anything that leaves the site', () => {
		expect(safeRedirectTarget('/meetings/9msp?x=1')).toBe('/meetings/9msp?x=1');
		for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null]) {
			expect(safeRedirectTarget(bad, '/home')).toBe('/home');
		}
	});
});

describe('tokens', () => {
	it('are random, and stored only as a SHA-256 hex digest', () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
		expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
	it('first-start passwords are long and not repeated', () => {
		const p = randomPassword();
		expect(p).toHaveLength(20);
		expect(randomPassword()).not.toBe(p);
	});
});
