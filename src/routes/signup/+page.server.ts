import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { signupSchema } from '$lib/server/auth/forms';
import { signUp } from '$lib/server/auth/accounts';
import { clientAddress } from '$lib/server/auth/client-address';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(signupSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await signUp(getDb(), event.url.origin, parsed.data, clientAddress(event));
		redirect(303, `/signup/check-email?email=${encodeURIComponent(parsed.data.email)}`);
	}
};
