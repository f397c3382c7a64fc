import { fail, redirect } from '@sveltejs/kit';
import { invalid, parseForm } from '$lib/server/forms';
import { resetSchema, resetPassword, findLinkToken } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
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
		if (!user) return fail(400, { message: m.auth_reset_no_longer_valid() });
		const next = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
		redirect(303, localizeHref(`/login?passwordChanged=1${next ? `&redirectTo=${encodeURIComponent(next)}` : ''}`));
	}
};
