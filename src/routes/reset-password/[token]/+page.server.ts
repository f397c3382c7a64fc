import { fail, redirect } from '@sveltejs/kit';
import { invalid, parseForm } from '$lib/server/forms';
import { resetSchema, resetPassword, findLinkToken } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const t = await findLinkToken('reset_password', params.token);
	return { valid: !!t, email: t?.email ?? null };
};

export const actions: Actions = {
	default: async ({ request, params, url }) => {
		const parsed = parseForm(resetSchema, await request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const user = await resetPassword(params.token, parsed.data.password);
		if (!user) return fail(400, { message: 'This link is no longer valid. Ask for a new one.' });
		const next = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
		redirect(303, `/login?passwordChanged=1${next ? `&redirectTo=${encodeURIComponent(next)}` : ''}`);
	}
};
