// Money is integer centimes of CHF everywhere (database, forms, allocation); these are its only two written forms, and
// neither passes through a float.

/** "CHF 1,234.50": for people. */
export function formatChf(centimes: number): string {
	const sign = centimes < 0 ? '-' : '';
	const abs = Math.abs(centimes);
	const francs = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${sign}CHF ${francs}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.50" (no thousands separator, no currency): for spreadsheets (CSV) and the value of a form field. */
export function chfDecimal(centimes: number): string {
	const abs = Math.abs(centimes);
	return `${centimes < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
