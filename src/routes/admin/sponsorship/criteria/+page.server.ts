import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import { formValues } from '$lib/server/forms';
import { criteriaVersions, currentCriteria, saveCriteria, paramFields, readParams, tickedLists } from '$lib/server/sponsorship';
import { stateRegions } from '$lib/server/organizations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const [set, versions, regions] = await Promise.all([currentCriteria(), criteriaVersions(), stateRegions()]);
	return { set, versions, params: Object.fromEntries(set.criteria.map((c) => [c.id, paramFields(c, regions)])) };
};

export const actions: Actions = {
	/** Weights, parameters, gates and adoption date of a new version; labels, sources and notes are carried over. */
	default: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		const current = await currentCriteria();
		const regions = await stateRegions();
		const fieldErrors: Record<string, string> = {};
		const criteria = current.criteria.map((c) => {
			const raw = String(fd.get(`weight_${c.id}`) ?? '').trim();
			const weight = Number(raw);
			if (!/^\d{1,4}$/.test(raw)) fieldErrors[`weight_${c.id}`] = m.adm_crit_err_whole({ min: 0, max: 100 });
			const params = readParams(c, fd, regions);
			Object.assign(fieldErrors, params.errors);
			return { ...params.criterion, weight };
		});
		const adopted = String(fd.get('adopted_at') ?? '').trim();
		if (adopted && !/^\d{4}-\d{2}-\d{2}$/.test(adopted)) fieldErrors.adopted_at = m.adm_crit_err_adopted();
		if (Object.keys(fieldErrors).length) return fail(400, { values: formValues(fd), picked: tickedLists(fd), errors: fieldErrors, messages: [] as string[] });
		const result = await saveCriteria(
			{ id: actor.id, email: actor.email },
			{ ...current, criteria, gates: { admitSignatories: fd.get('admitSignatories') === 'on', admitNotParty: fd.get('admitNotParty') === 'on' } },
			adopted || null
		);
		if (!result.ok) return fail(400, { values: formValues(fd), picked: tickedLists(fd), errors: {} as Record<string, string>, messages: result.errors });
		return { done: m.adm_crit_saved({ version: result.version }) };
	}
};
