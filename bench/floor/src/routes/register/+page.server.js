import { error, fail, redirect } from '@sveltejs/kit';

const FIELDS = ['organization_id', 'given_name', 'family_name', 'email', 'role', 'consent_published', '_form_token'];

/** The registration form's fields parsed and checked for presence, then a 303: what any form action costs at least. */
export const actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) error(401, 'Sign in');
		const form = await request.formData();
		const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '').trim()]));
		if (!values.given_name || !values.family_name || !values.email) return fail(400, { values });
		redirect(303, `/table?from=${locals.user.id}`);
	}
};
