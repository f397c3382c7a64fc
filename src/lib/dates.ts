import { currentLocale, type Locale } from './i18n';

/** The regional form each language's dates are written in: UN documents in English use the British order. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

const rangeFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: Locale): Intl.DateTimeFormat {
	let f = rangeFormats.get(locale);
	if (!f) rangeFormats.set(locale, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
	return f;
}

/**
 * "2–4 September 2019", "30 August – 2 September 2022", "28 December 2019 – 3 January 2020", as UN documents write
 * them; "2–4 septembre 2019", "2–4 de septiembre de 2019" on French and Spanish pages.
 */
export function formatDateRange(start: string, end: string, locale: Locale = currentLocale()): string {
	const a = new Date(`${start.slice(0, 10)}T00:00:00Z`);
	const b = new Date(`${end.slice(0, 10)}T00:00:00Z`);
	const f = dayFormat(locale);
	if (start === end) return f.format(a);
	// ICU spaces the dash with thin spaces; UN documents write "2–4 September" and "30 August – 2 September".
	const text = f.formatRange(a, b).replace(/[\u2009\u202f\u00a0]/g, ' ');
	return start.slice(0, 7) === end.slice(0, 7) ? text.replace(/\s*–\s*/, '–') : text;
}

/** One day (YYYY-MM-DD, a longer ISO text is cut to its day) as prose writes it: "2 September 2019". */
export function formatDate(day: string, locale: Locale = currentLocale()): string {
	return dayFormat(locale).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

// Building an Intl formatter costs ~100 times what formatting with it does: each is made once per language (and zone).
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** An instant on the venue's clock with the zone named: "15 Aug 2019, 18:00 CEST". */
export function formatInZone(iso: string | null | undefined, timeZone: string, locale: Locale = currentLocale()): string {
	if (!iso) return '';
	const key = `${locale} ${timeZone}`;
	let f = zoneFormats.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone,
			timeZoneName: 'short'
		});
		// Zones come from stored meetings: a few. The bound keeps a stranger's input from growing it.
		if (zoneFormats.size >= 200) zoneFormats.clear();
		zoneFormats.set(key, f);
	}
	return f.format(new Date(iso));
}

/** A number as the page's language writes it: 1,500 · 1 500 · 1500; with `digits`, exactly that many decimals. */
export function formatNumber(n: number, locale: Locale = currentLocale(), digits?: number): string {
	const key = `${locale} ${digits ?? ''}`;
	let f = numberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(INTL_LOCALE[locale], digits === undefined ? {} : { maximumFractionDigits: digits, minimumFractionDigits: digits });
		numberFormats.set(key, f);
	}
	return f.format(n);
}

/** The language's plural category of a count ("one", "other", …), for choosing between a message's forms. */
export function pluralOf(n: number, locale: Locale = currentLocale()): Intl.LDMLPluralRule {
	let r = pluralRules.get(locale);
	if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(INTL_LOCALE[locale])));
	return r.select(n);
}
