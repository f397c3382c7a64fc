import { BASE_LOCALE, currentLocale, type Locale } from '$lib/i18n';

/** A row with a title in English and, when given, in French and Spanish (migration 0020). */
export interface TitleTranslations {
	title: string;
	title_fr?: string | null;
	title_es?: string | null;
}

/** The title a page shows and the language it is in: the page's, or English when that one is not translated. */
export interface ShownTitle {
	title: string;
	titleLang: Locale;
}

/** The title in the locale (the request's by default), falling back to English when missing or blank. */
export function titleIn(row: TitleTranslations, locale: Locale = currentLocale()): ShownTitle {
	const translated = locale === 'fr' ? row.title_fr : locale === 'es' ? row.title_es : null;
	return translated?.trim() ? { title: translated, titleLang: locale } : { title: row.title, titleLang: BASE_LOCALE };
}

/** The row as a page in the locale shows it: `title` in that language, `titleLang` beside it, the other languages dropped. */
export function localized<T extends TitleTranslations>(row: T, locale: Locale = currentLocale()): Omit<T, 'title_fr' | 'title_es'> & ShownTitle {
	const { title_fr: _fr, title_es: _es, ...rest } = row;
	return { ...rest, ...titleIn(row, locale) };
}

/** The translations a row has, for an audit row: none when there are none. */
export function givenTranslations(row: TitleTranslations): { title_fr?: string; title_es?: string } {
	return { ...(row.title_fr ? { title_fr: row.title_fr } : {}), ...(row.title_es ? { title_es: row.title_es } : {}) };
}
