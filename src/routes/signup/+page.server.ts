import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { signupSchema } from '$lib/server/auth/forms';
import { signUp } from '$lib/server/auth/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/account');
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const parsed = parseForm(signupSchema, await request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await signUp(getDb(), url.origin, parsed.data);
		redirect(303, `/signup/check-email?email=${encodeURIComponent(parsed.data.email)}`);
	}
};
