import { listParticipants, participantGroups } from '$lib/server/registration';
import { stateName } from '$lib/state-names';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const rows = await listParticipants(meeting.id);
	// States named in the page's language (grouped and sorted by that name); organisations as they call themselves.
	const named = rows.map((r) => (r.kind === 'state' ? { ...r, organization: stateName(r.organization, r.iso3) } : r));
	return { groups: participantGroups(named), count: rows.length };
};
