import { publicMeeting } from '$lib/server/web/access';
import { meetingPhase } from '$lib/server/meetings';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const m = await publicMeeting(event);
	return {
		meeting: {
			id: m.id,
			slug: m.slug,
			code: m.code,
			title: m.title,
			kind: m.kind,
			status: m.status,
			start_date: m.start_date,
			end_date: m.end_date,
			time_zone: m.time_zone,
			venue: m.venue,
			city: m.city,
			country: m.country,
			description: m.description,
			registration_opens_at: m.registration_opens_at,
			registration_closes_at: m.registration_closes_at,
			sponsorship_deadline: m.sponsorship_deadline,
			capacity: m.capacity,
			phase: meetingPhase(m)
		}
	};
};
