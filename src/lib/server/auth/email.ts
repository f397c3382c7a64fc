/** One spelling of an address for lookups, uniqueness and limits: trimmed and lower-cased, everywhere. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}
