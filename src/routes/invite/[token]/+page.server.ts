import { getDb } from '$lib/server/db';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { acceptInviteSchema } from '$lib/server/auth/forms';
import { acceptInvite } from '$lib/server/auth/accounts';
import { findLinkToken } from '$lib/server/auth/links';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import type { Role } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const t = await findLinkToken(getDb(), 'invite', params.token);
	return { valid: !!t, email: t?.email ?? null, role: t ? ROLE_LABELS[t.payload.role as Role] ?? null : null };
};

export const actions: Actions = {
	default: async (event) => {
		const fd = await event.request.formData();
		const parsed = parseForm(acceptInviteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		const user = await acceptInvite(db, event.params.token, parsed.data);
		if (!user) return invalid(formValues(fd), {}, { message: 'This invitation is no longer valid. Ask the ISU for a new one.' });
		const { token, session } = await createSession(db, user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		return { done: true };
	}
};
