import { invalid, parseForm } from '$lib/server/forms';
import { forgotSchema, requestPasswordReset, clientAddress } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ redirectTo: safeRedirectTarget(url.searchParams.get('redirectTo'), '') });

export const actions: Actions = {
	default: async (event) => {
		const fd = await event.request.formData();
		const parsed = parseForm(forgotSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const next = safeRedirectTarget(String(fd.get('redirectTo') ?? ''), '');
		await requestPasswordReset(event.url.origin, parsed.data.email, clientAddress(event), next || null);
		// The same answer whether or not the address has an account.
		return { sent: true, email: parsed.data.email };
	}
};
