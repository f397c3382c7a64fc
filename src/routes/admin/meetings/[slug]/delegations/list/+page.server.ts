import { participatingDelegations } from '$lib/server/registration';
import { staffMeeting } from '$lib/server/web/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const groups = await participatingDelegations(meeting.id, meeting.start_date);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, start_date: meeting.start_date, end_date: meeting.end_date, city: meeting.city },
		groups
	};
};
