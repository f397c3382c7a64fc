import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { getOrganization, saveStateFacts, stateFactsSchema, addStateFact, factHistory, statesAsAt, factSchema, FACT_TYPES } from '$lib/server/organizations';
import { nowIso } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const id = Number(event.params.id) || 0;
	const today = nowIso().slice(0, 10);
	const [org, history, asAt] = await Promise.all([getOrganization(id), factHistory(id), statesAsAt(today, [id])]);
	if (!org || org.kind !== 'state') error(404, m.adm_org_not_found());
	// Plain objects: each label read now, in the request's language.
	return { org, history, today, asAt: asAt.get(id)!, types: FACT_TYPES.map((t) => ({ value: t.value, label: t.label })) };
};

export const actions: Actions = {
	fact: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		const parsed = parseForm(factSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'fact' });
		const result = await addStateFact({ id: actor.id, email: actor.email }, Number(event.params.id) || 0, parsed.data);
		if (result === null) error(404, m.adm_org_not_found());
		if (!result.ok) return invalid(formValues(fd), result.errors, { form: 'fact' });
		return { form: 'fact', done: m.adm_org_fact_added() };
	},
	article7: async (event) => {
		const actor = requireStaff(event);
		const parsed = parseForm(stateFactsSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'article7' });
		if (!(await saveStateFacts({ id: actor.id, email: actor.email }, Number(event.params.id) || 0, parsed.data))) error(404, m.adm_org_not_found());
		return { form: 'article7', done: m.adm_saved() };
	}
};
