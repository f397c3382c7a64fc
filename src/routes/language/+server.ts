import { redirect, type RequestHandler } from '@sveltejs/kit';
import { setPreferredLocale } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { isLocale, localizeHref } from '$lib/i18n';

/**
 * The language switch in the header: a form, so it works without JavaScript. It remembers the choice (a cookie; for a
 * signed-in person also their account, which their e-mails follow) and shows the same page in the language chosen.
 */
export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	const next = safeRedirectTarget(typeof form.get('next') === 'string' ? (form.get('next') as string) : '/');
	if (!isLocale(locale)) return new Response('Unknown language', { status: 400, headers: { 'content-type': 'text/plain' } });
	cookies.set('locale', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:' });
	if (locals.user && locals.user.locale !== locale) await setPreferredLocale(locals.user.id, locale);
	redirect(303, localizeHref(next, locale));
};
