import { redirect } from '@sveltejs/kit';
import { invalid, parseForm } from '$lib/server/forms';
import { signupSchema, signUp, clientAddress } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localizeHref(safeRedirectTarget(url.searchParams.get('redirectTo'), '/account')));
	return { redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const fd = await event.request.formData();
		const parsed = parseForm(signupSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const next = safeRedirectTarget(String(fd.get('redirectTo') ?? ''), '');
		await signUp(event.url.origin, parsed.data, clientAddress(event), next || null);
		redirect(303, localizeHref(`/signup/check-email?email=${encodeURIComponent(parsed.data.email)}${next ? `&redirectTo=${encodeURIComponent(next)}` : ''}`));
	}
};
