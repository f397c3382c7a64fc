import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
export const OWASP_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const satisfies Options;
// Only for test runs (vite.config.ts, playwright.config.ts): ~1 ms a hash instead of ~50. Hashes keep their own
// parameters, so a weak one that reached a real database is replaced at its next login (see hashIsWeaker).
const TEST_OPTIONS = { memoryCost: 1024, timeCost: 1, outputLen: 32, parallelism: 1 } as const satisfies Options;
/** The one value that lowers the cost; anything else (unset, a typo, `0`) keeps OWASP's. */
export const TEST_COST_VALUE = 'insecure-test-only';

export function passwordOptions(env: NodeJS.ProcessEnv = process.env): Options {
	return env.ARGON2_COST === TEST_COST_VALUE ? TEST_OPTIONS : OWASP_OPTIONS;
}

const options = passwordOptions();
if (options !== OWASP_OPTIONS && !process.env.VITEST) {
	console.warn(`ARGON2_COST=${TEST_COST_VALUE}: passwords are hashed at a test cost. Never set this in production.`);
}

export { PASSWORD_MIN, PASSWORD_MAX } from '$lib/password-policy';

/** How many hashes and verifications this process has computed: lets tests prove what work a path does. */
export const passwordWork = { hashes: 0, verifications: 0 };

export function hashPassword(password: string): Promise<string> {
	passwordWork.hashes++;
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	passwordWork.verifications++;
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** True when a stored hash was made with less memory or fewer passes than we use now: rehash it at the next login. */
export function hashIsWeaker(passwordHash: string, current: Options = options): boolean {
	const m = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=\d+\$/.exec(passwordHash);
	if (!m) return true;
	return Number(m[1]) < (current.memoryCost ?? 0) || Number(m[2]) < (current.timeCost ?? 0);
}

/** A password for a first account, to be printed once: 20 characters from an unambiguous alphabet. */
export function randomPassword(length = 20): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(length));
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
