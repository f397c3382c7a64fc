import { randomFillSync } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

// One call to the system's random source costs ~30 µs here, more than a registration's other tokens together: draw
// 4 KiB at a time and hand out each byte once.
const pool = new Uint8Array(4096);
let used = pool.length;

function randomBytes(n: number): Uint8Array {
	if (used + n > pool.length) {
		randomFillSync(pool);
		used = 0;
	}
	const out = pool.slice(used, used + n);
	// Handed-out bytes are not left behind in memory.
	pool.fill(0, used, (used += n));
	return out;
}

/** 160 random bits, base32: for cookies and e-mailed links. */
export function generateToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** What we store in place of a token: its SHA-256 in hex, so a leaked table opens nothing. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
