import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { isLocale, localeOfPath, textDirection, type Locale } from '$lib/i18n';

/**
 * The request's language is its address's (`/fr/…`): every message function called while the request is answered —
 * in a page, a form's validation, an area's refusal — speaks it, through Paraglide's request-scoped store.
 * Work outside a request (the scheduler, mails to other people) passes `{ locale }` to the message functions.
 */
type Store = { locale?: Locale; origin?: string; messageCalls?: Set<string> };
const store = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(store as never);

export function runInLocale<T>(locale: Locale, fn: () => T): T {
	return store.run({ locale }, fn);
}

export const localeHandle: Handle = ({ event, resolve }) => {
	const locale = localeOfPath(event.url.pathname);
	event.locals.locale = locale;
	return store.run({ locale }, () =>
		resolve(event, {
			// Only the first chunk holds <html>; replace() changes the first occurrence alone.
			transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale))
		})
	);
};

/** The stored language of a person, when it is one of ours. */
export function localeOr(value: unknown, fallback: Locale = 'en'): Locale {
	return isLocale(value) ? value : fallback;
}
