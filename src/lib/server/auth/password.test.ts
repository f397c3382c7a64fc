import { describe, expect, it } from 'vitest';
import { hash } from '@node-rs/argon2';
import { hashIsWeaker, OWASP_OPTIONS, passwordOptions, TEST_COST_VALUE } from './password';

describe('password hashing cost', () => {
	it("is OWASP's argon2id minimum unless the test value is set exactly", () => {
		expect(OWASP_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
		for (const value of [undefined, '', '0', '1', 'low', 'true', 'INSECURE-TEST-ONLY', ` ${TEST_COST_VALUE}`]) {
			expect(passwordOptions({ ARGON2_COST: value })).toBe(OWASP_OPTIONS);
		}
		expect(passwordOptions({})).toBe(OWASP_OPTIONS);
		expect('algorithm' in OWASP_OPTIONS).toBe(false); // @node-rs/argon2's default: argon2id
	});

	it('is lower only for the test value, which the test runners set', () => {
		const low = passwordOptions({ ARGON2_COST: TEST_COST_VALUE });
		expect(low.memoryCost!).toBeLessThan(OWASP_OPTIONS.memoryCost);
		expect(process.env.ARGON2_COST).toBe(TEST_COST_VALUE);
	});

	it('finds hashes made with less than the current cost, so they are replaced at the next login', async () => {
		const weak = await hash('password', { memoryCost: 1024, timeCost: 1 });
		const strong = await hash('password', OWASP_OPTIONS);
		expect(weak).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
		expect(hashIsWeaker(weak, OWASP_OPTIONS)).toBe(true);
		expect(hashIsWeaker(strong, OWASP_OPTIONS)).toBe(false);
		expect(hashIsWeaker(strong, passwordOptions({ ARGON2_COST: TEST_COST_VALUE }))).toBe(false);
		expect(hashIsWeaker('$2b$10$bcryptlooking', OWASP_OPTIONS)).toBe(true);
	});
});
