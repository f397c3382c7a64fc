import { getDb } from '$lib/server/db';
import { listParticipants } from '$lib/server/registration/queries';
import { participantGroups } from '$lib/server/registration/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const rows = await listParticipants(getDb(), meeting.id);
	return { groups: participantGroups(rows, meeting.start_date), count: rows.length };
};
