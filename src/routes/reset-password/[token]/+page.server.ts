import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { resetSchema } from '$lib/server/auth/forms';
import { resetPassword } from '$lib/server/auth/accounts';
import { findLinkToken } from '$lib/server/auth/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const t = await findLinkToken(getDb(), 'reset_password', params.token);
	return { valid: !!t, email: t?.email ?? null };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const parsed = parseForm(resetSchema, await request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const user = await resetPassword(getDb(), params.token, parsed.data.password);
		if (!user) return fail(400, { message: 'This link is no longer valid. Ask for a new one.' });
		redirect(303, '/login?passwordChanged=1');
	}
};
