// Money is integer centimes of CHF everywhere (database, forms, allocation); these are its only two written forms, and
// the English one never passes through a float.
import { INTL_LOCALE } from './dates';
import { currentLocale, type Locale } from './i18n';

const chfFormats = new Map<Locale, Intl.NumberFormat>();

/** "CHF 1,234.50": for people; "1 234,50 CHF", "1234,50 CHF" on French and Spanish pages. */
export function formatChf(centimes: number, locale: Locale = currentLocale()): string {
	// Intl works in floats; centimes / 100 of an amount under 2^53 centimes prints exactly with two decimals.
	if (locale !== 'en') {
		let f = chfFormats.get(locale);
		if (!f) chfFormats.set(locale, (f = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'CHF' })));
		return f.format(centimes / 100);
	}
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
