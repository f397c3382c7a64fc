import { redirect } from '@sveltejs/kit';
import { invalid, parseForm } from '$lib/server/forms';
import { signupSchema, signUp, clientAddress } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(signupSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await signUp(event.url.origin, parsed.data, clientAddress(event));
		redirect(303, `/signup/check-email?email=${encodeURIComponent(parsed.data.email)}`);
	}
};
