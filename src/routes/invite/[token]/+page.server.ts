import { formValues, invalid, parseForm } from '$lib/server/forms';
import { acceptInviteSchema, acceptInvite, findLinkToken, createSession, setSessionCookie, ROLE_LABELS, type Role } from '$lib/server/auth';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const t = await findLinkToken('invite', params.token);
	return { valid: !!t, email: t?.email ?? null, role: t ? (ROLE_LABELS[t.payload.role as Role] ?? null) : null };
};

export const actions: Actions = {
	default: async (event) => {
		const fd = await event.request.formData();
		const parsed = parseForm(acceptInviteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const user = await acceptInvite(event.params.token, parsed.data);
		if (!user) return invalid(formValues(fd), {}, { message: m.auth_invite_no_longer_valid() });
		const { token, session } = await createSession(user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		return { done: true };
	}
};
