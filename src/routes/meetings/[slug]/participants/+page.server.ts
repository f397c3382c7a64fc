import { listParticipants, participantGroups } from '$lib/server/registration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const rows = await listParticipants(meeting.id);
	return { groups: participantGroups(rows), count: rows.length };
};
