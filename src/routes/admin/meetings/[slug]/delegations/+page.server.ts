import { credentialsDecisionSchema, decideCredentials, listDelegations } from '$lib/server/registration';
import { organizationRegions } from '$lib/server/organizations';
import { invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { readFilter } from './filter';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const filter = readFilter(event.url);
	const [rows, regions] = await Promise.all([listDelegations(meeting.id, filter), organizationRegions()]);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, time_zone: meeting.time_zone },
		filter,
		query: event.url.search,
		regions,
		rows
	};
};

export const actions: Actions = {
	credentials: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(credentialsDecisionSchema, fd);
		const id = Number(fd.get('id')) || 0;
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: `credentials-${id}` });
		const d = parsed.data;
		const result = await decideCredentials(
			{ id: actor.id, email: actor.email },
			meeting.id,
			d.id,
			d.decision === 'accept' ? { accept: true } : { accept: false, reason: d.reason },
			event.url.origin
		);
		if (!result.ok) return invalid({}, {}, { form: `credentials-${id}`, message: result.message });
		const said =
			d.decision === 'accept'
				? result.mailed
					? m.mtg_deleg_done_accepted
					: m.mtg_deleg_done_accepted_nobody
				: result.mailed
					? m.mtg_deleg_done_refused
					: m.mtg_deleg_done_refused_nobody;
		return { form: `credentials-${id}`, done: said({ organization: result.organization }) };
	}
};
