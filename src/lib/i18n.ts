/**
 * Languages of the interface. English keeps the addresses it always had (`/meetings`); French and Spanish pages live
 * under `/fr/…` and `/es/…`. Paraglide compiles the messages (messages/<part>/<locale>.json) to functions in
 * $lib/paraglide; this module only maps paths and locales, without Paraglide's URLPattern machinery, because it runs
 * on every request (see hooks.ts and hooks.server.ts).
 *
 * Adding a locale: add it to project.inlang/settings.json's `locales` and give every part a messages file; the list,
 * the URL prefixes, the language's own name and its writing direction follow from there. (Stored data has its own
 * lists: users.locale's check and the title_xx columns of translated content.)
 */
import { baseLocale, getLocale, locales } from '$lib/paraglide/runtime';

/** The locales of project.inlang/settings.json, as Paraglide compiled them. */
export const LOCALES = locales;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = baseLocale;

/** Each language named in itself, as a language switch shows it ("Français", "Español", "العربية"). */
export const LANGUAGE_NAMES = Object.fromEntries(
	LOCALES.map((l) => {
		const name = new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
		return [l, name.charAt(0).toLocaleUpperCase(l) + name.slice(1)];
	})
) as Record<Locale, string>;

/** Locales written right to left, as Intl knows them (Arabic would be). */
const RTL = new Set<string>(LOCALES.filter((l) => (new Intl.Locale(l) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo?.direction === 'rtl'));

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const PREFIXED = new RegExp(`^/(${LOCALES.filter((l) => l !== BASE_LOCALE).join('|')})(?=/|$)`);

/** The locale a path is in: `/fr/meetings` → fr, `/meetings` → en. */
export function localeOfPath(pathname: string): Locale {
	const m = PREFIXED.exec(pathname);
	return m ? (m[1] as Locale) : BASE_LOCALE;
}

/** The route a localized path shows: `/fr/meetings` → `/meetings`, `/fr` → `/`. */
export function delocalizePath(pathname: string): string {
	const m = PREFIXED.exec(pathname);
	if (!m) return pathname;
	return pathname.slice(m[0].length) || '/';
}

/**
 * A path of this app in a locale (the current page's by default): `localizeHref('/meetings')` is `/fr/meetings` on a
 * French page. A path already in a locale is moved to the one asked for; anything that is not a path of this app
 * (another origin, `mailto:`, `#x`, `?x`) is returned as it is.
 */
export function localizeHref(href: string, locale: Locale = currentLocale()): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const cut = href.search(/[?#]/);
	const path = cut === -1 ? href : href.slice(0, cut);
	const rest = cut === -1 ? '' : href.slice(cut);
	const bare = delocalizePath(path);
	if (locale === BASE_LOCALE) return bare + rest;
	return `/${locale}${bare === '/' ? '' : bare}${rest}`;
}

/** The locale of the page being rendered (server: the request's; browser: the address bar's). */
export function currentLocale(): Locale {
	const l = getLocale();
	return isLocale(l) ? l : BASE_LOCALE;
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** The first of the person's preferred languages we have, from an `Accept-Language` header or `navigator.languages`. */
export function preferredLocale(languages: readonly string[]): Locale | null {
	for (const tag of languages) {
		const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
		if (isLocale(base)) return base;
	}
	return null;
}

/** `Accept-Language: fr-CH, fr;q=0.9, en;q=0.8` → ['fr-CH', 'fr', 'en'], by quality, bounded. */
export function parseAcceptLanguage(header: string | null): string[] {
	if (!header) return [];
	return header
		.slice(0, 400)
		.split(',')
		.slice(0, 20)
		.map((part, i) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, i };
		})
		.filter((x) => x.tag && x.tag !== '*' && x.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.i - b.i)
		.map((x) => x.tag);
}
