import { fail, redirect } from '@sveltejs/kit';
import { invalid, parseForm } from '$lib/server/forms';
import { loginSchema, authenticate, sendVerification, createSession, setSessionCookie, clientAddress } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localizeHref(safeRedirectTarget(url.searchParams.get('redirectTo'))));
	return {
		redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), ''),
		loggedOut: url.searchParams.has('loggedOut'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const fd = await event.request.formData();
		const parsed = parseForm(loginSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const values = { email: parsed.data.email };
		const address = clientAddress(event);
		const result = await authenticate(parsed.data.email, parsed.data.password, address);
		if (!result.ok) {
			if (result.reason === 'limited') {
				const message = result.minutes === 1 ? m.auth_login_limited_one() : m.auth_login_limited_other({ minutes: String(result.minutes) });
				return fail(429, { values, message });
			}
			if (result.reason === 'unverified') {
				await sendVerification(event.url.origin, result.user, address, safeRedirectTarget(String(fd.get('redirectTo') ?? ''), '') || null);
				return fail(403, { values, message: m.auth_login_unverified() });
			}
			return fail(400, { values, message: m.auth_login_invalid() });
		}
		const { token, session } = await createSession(result.user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		redirect(303, localizeHref(safeRedirectTarget(String(fd.get('redirectTo') ?? ''), result.user.role === 'staff' ? '/admin' : '/')));
	}
};
