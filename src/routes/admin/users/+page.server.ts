import { z } from 'zod';
import { ROLES, inviteSchema, inviteUser, listUsers, USERS_PAGE_SIZE, ROLE_LABELS } from '$lib/server/auth';
import { listOrganizationOptions } from '$lib/server/organizations';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const filterSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	role: z.enum(ROLES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const [users, organizations] = await Promise.all([listUsers(filter), listOrganizationOptions()]);
	return { users, organizations, filter, pageSize: USERS_PAGE_SIZE, roleLabels: { ...ROLE_LABELS } };
};

export const actions: Actions = {
	invite: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		const parsed = parseForm(inviteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await inviteUser(event.url.origin, actor, parsed.data);
		if (result === 'exists') {
			return invalid(formValues(fd), { email: m.adm_users_exists() });
		}
		return { invited: parsed.data.email };
	}
};
