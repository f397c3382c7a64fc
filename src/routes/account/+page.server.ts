import { invalid, parseForm } from '$lib/server/forms';
import {
	changeEmailSchema,
	changePasswordSchema,
	changePassword,
	requestEmailChange,
	clientAddress,
	createSession,
	setSessionCookie,
	ROLE_LABELS
} from '$lib/server/auth';
import { getOrganization } from '$lib/server/organizations';
import { requireUser } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const org = user.organizationId ? await getOrganization(user.organizationId) : undefined;
	return {
		account: {
			email: user.email,
			name: [user.givenName, user.familyName].filter(Boolean).join(' '),
			role: ROLE_LABELS[user.role],
			organization: org?.name ?? null
		}
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(changePasswordSchema, await event.request.formData());
		if (!parsed.ok) return invalid({}, parsed.errors, { form: 'password' });
		const result = await changePassword(user.id, parsed.data.current_password, parsed.data.password, clientAddress(event));
		if (result !== 'ok') return invalid({}, { current_password: currentPasswordError(result) }, { form: 'password' });
		// Every session ended, this browser's included; give it a fresh one.
		const { token, session } = await createSession(user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		return { form: 'password', success: m.auth_account_password_changed() };
	},
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(changeEmailSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'email' });
		const result = await requestEmailChange(event.url.origin, user.id, parsed.data.new_email, parsed.data.current_password, clientAddress(event));
		const values = { new_email: parsed.data.new_email };
		if (typeof result === 'object' || result === 'wrong_password')
			return invalid(values, { current_password: currentPasswordError(result) }, { form: 'email' });
		if (result === 'same') return invalid(values, { new_email: m.auth_account_same_email() }, { form: 'email' });
		if (result === 'taken') return invalid(values, { new_email: m.auth_account_email_taken() }, { form: 'email' });
		return { form: 'email', success: m.auth_account_email_sent({ email: parsed.data.new_email }) };
	}
};

function currentPasswordError(refusal: 'wrong_password' | { limited: number }): string {
	if (refusal === 'wrong_password') return m.auth_wrong_current_password();
	return refusal.limited === 1 ? m.auth_too_many_wrong_passwords_one() : m.auth_too_many_wrong_passwords_other({ minutes: String(refusal.limited) });
}
