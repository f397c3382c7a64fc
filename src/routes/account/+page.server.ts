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
		return { form: 'password', success: 'Your password was changed. Every other session was signed out.' };
	},
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(changeEmailSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'email' });
		const result = await requestEmailChange(event.url.origin, user.id, parsed.data.new_email, parsed.data.current_password, clientAddress(event));
		const values = { new_email: parsed.data.new_email };
		if (typeof result === 'object' || result === 'wrong_password')
			return invalid(values, { current_password: currentPasswordError(result) }, { form: 'email' });
		if (result === 'same') return invalid(values, { new_email: 'That is already your address.' }, { form: 'email' });
		if (result === 'taken') return invalid(values, { new_email: 'Another account uses that address.' }, { form: 'email' });
		return { form: 'email', success: `We sent a confirmation link to ${parsed.data.new_email}. Your address changes when you open it.` };
	}
};

function currentPasswordError(refusal: 'wrong_password' | { limited: number }): string {
	if (refusal === 'wrong_password') return 'That is not your current password.';
	const m = refusal.limited === 1 ? '1 minute' : `${refusal.limited} minutes`;
	return `Too many wrong passwords. For your security, try again in ${m}.`;
}
