import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST only; a GET just goes home.
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(locals.session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, localizeHref('/login?loggedOut=1'));
	}
};
