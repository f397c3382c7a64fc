import { error } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { setRoleSchema, setUserRole, getUser, ROLE_LABELS } from '$lib/server/auth';
import { listOrganizationOptions } from '$lib/server/organizations';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

function userId(param: string): number {
	const id = Number(param);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, m.adm_user_not_found());
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const [person, organizations] = await Promise.all([getUser(userId(event.params.id)), listOrganizationOptions()]);
	if (!person) error(404, m.adm_user_not_found());
	return { person, organizations, roleLabels: { ...ROLE_LABELS } };
};

export const actions: Actions = {
	role: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		fd.set('user_id', String(userId(event.params.id)));
		const parsed = parseForm(setRoleSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (parsed.data.user_id === actor.id && parsed.data.role !== 'staff') {
			return invalid(formValues(fd), { role: m.adm_user_own_role() });
		}
		const updated = await setUserRole(actor, parsed.data, event.url.origin);
		if (!updated) error(404, m.adm_user_not_found());
		return { saved: true };
	}
};
