import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { ROLES } from '$lib/server/db/schema';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { inviteSchema } from '$lib/server/auth/forms';
import { inviteUser } from '$lib/server/auth/accounts';
import { requireStaff } from '$lib/server/auth/guards';
import { listUsers, USERS_PAGE_SIZE } from '$lib/server/auth/users';
import { listOrganizationOptions } from '$lib/server/organizations/queries';
import { ROLE_LABELS } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

const filterSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	role: z.enum(ROLES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const db = getDb();
	const [users, organizations] = await Promise.all([listUsers(db, filter), listOrganizationOptions(db)]);
	return { users, organizations, filter, pageSize: USERS_PAGE_SIZE, roleLabels: ROLE_LABELS };
};

export const actions: Actions = {
	invite: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		const parsed = parseForm(inviteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await inviteUser(getDb(), event.url.origin, actor, parsed.data);
		if (result === 'exists') {
			return invalid(formValues(fd), { email: 'This address already has an account: open it below to change its role.' });
		}
		return { invited: parsed.data.email };
	}
};
