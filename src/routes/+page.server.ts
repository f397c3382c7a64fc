import { listMeetings, meetingPhase, windowState } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const meetings = await listMeetings();
	const upcoming = meetings
		.filter((m) => meetingPhase(m) !== 'past')
		.sort((a, b) => a.start_date.localeCompare(b.start_date))
		.slice(0, 3)
		.map((m) => ({
			slug: m.slug,
			code: m.code,
			title: m.title,
			start_date: m.start_date,
			end_date: m.end_date,
			city: m.city,
			registrationOpen: windowState(m.registration_opens_at, m.registration_closes_at).state === 'open'
		}));
	return { upcoming };
};
