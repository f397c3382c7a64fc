/** The current instant as stored: an ISO-8601 UTC string. Tests may move the clock with vi.setSystemTime. */
export function nowIso(): string {
	return new Date().toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
