import { describe, expect, it } from 'vitest';
import { BASE_LOCALE, LANGUAGE_NAMES, LOCALES, delocalizePath, localeOfPath, localizeHref, parseAcceptLanguage, preferredLocale, textDirection } from './i18n';

describe('locales follow project.inlang/settings.json', () => {
	it('lists English first as the base, then French and Spanish, each named in itself', () => {
		expect(BASE_LOCALE).toBe('en');
		expect([...LOCALES]).toEqual(['en', 'fr', 'es']);
		expect(LANGUAGE_NAMES).toEqual({ en: 'English', fr: 'Français', es: 'Español' });
		for (const l of LOCALES) expect(textDirection(l)).toBe('ltr');
	});
});

describe('paths in a language', () => {
	it('reads and strips the prefix of every locale but the base one', () => {
		expect(localeOfPath('/fr/meetings')).toBe('fr');
		expect(localeOfPath('/es')).toBe('es');
		expect(localeOfPath('/meetings')).toBe('en');
		// Not a prefix: a path that merely starts with the letters.
		expect(localeOfPath('/français')).toBe('en');
		expect(localeOfPath('/fresh')).toBe('en');
		expect(delocalizePath('/fr/meetings/9msp')).toBe('/meetings/9msp');
		expect(delocalizePath('/es')).toBe('/');
		expect(delocalizePath('/fresh')).toBe('/fresh');
	});

	it('moves an app path to a language and leaves anything else alone', () => {
		expect(localizeHref('/meetings?kind=msp#x', 'fr')).toBe('/fr/meetings?kind=msp#x');
		expect(localizeHref('/fr/meetings', 'es')).toBe('/es/meetings');
		expect(localizeHref('/fr/meetings', 'en')).toBe('/meetings');
		expect(localizeHref('/', 'es')).toBe('/es');
		for (const other of ['https://example.org/x', '//evil.example/x', 'mailto:a@b.c', '#top', '?q=1']) expect(localizeHref(other, 'fr')).toBe(other);
	});
});

describe('a first visit offered its language', () => {
	it('takes the first language we have, by quality', () => {
		expect(preferredLocale(parseAcceptLanguage('de-CH, es-419;q=0.8, fr;q=0.9'))).toBe('fr');
		expect(preferredLocale(parseAcceptLanguage('pt-BR, es;q=0.5'))).toBe('es');
		expect(preferredLocale(parseAcceptLanguage('de, *;q=0.1'))).toBeNull();
		expect(preferredLocale(parseAcceptLanguage(null))).toBeNull();
	});

	it('bounds what a stranger sends', () => {
		expect(parseAcceptLanguage(Array.from({ length: 500 }, (_, i) => `x${i}`).join(',')).length).toBeLessThanOrEqual(20);
		expect(parseAcceptLanguage('fr;q=0, es;q=abc')).toEqual([]);
	});
});
