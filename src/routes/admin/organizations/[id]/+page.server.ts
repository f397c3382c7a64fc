import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import { getOrganization } from '$lib/server/organizations/queries';
import { saveStateFacts, stateFactsSchema } from '$lib/server/organizations/facts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const org = await getOrganization(getDb(), Number(event.params.id) || 0);
	if (!org || org.kind !== 'state') error(404, 'No such state.');
	return { org };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaff(event);
		const parsed = parseForm(stateFactsSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (!(await saveStateFacts(getDb(), { id: actor.id, email: actor.email }, Number(event.params.id) || 0, parsed.data))) error(404, 'No such state.');
		return { done: 'Saved. Rankings computed from now on use these facts.' };
	}
};
