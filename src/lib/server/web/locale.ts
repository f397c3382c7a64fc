import type { RequestEvent } from '@sveltejs/kit';
import { isLocale, type Locale } from '$lib/i18n';

/**
 * The language of a file someone downloads (a badge, a list): the address's when it has one (`/fr/…/badge.pdf`), else
 * the signed-in person's chosen language, since links to files are often left without a language prefix.
 */
export function downloadLocale(event: Pick<RequestEvent, 'locals' | 'url'>): Locale {
	if (event.locals.locale !== 'en') return event.locals.locale;
	const chosen = event.locals.user?.locale;
	return isLocale(chosen) ? chosen : 'en';
}
