import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST only; a GET just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(getDb(), locals.session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login?loggedOut=1');
	}
};
