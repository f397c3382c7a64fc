import { requireStaff } from '$lib/server/auth/guards';
import { listMeetings } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const meetings = await listMeetings({ includeDrafts: true });
	return {
		meetings: meetings.map((m) => ({
			slug: m.slug,
			code: m.code,
			title: m.title,
			start_date: m.start_date,
			end_date: m.end_date,
			city: m.city,
			status: m.status
		}))
	};
};
