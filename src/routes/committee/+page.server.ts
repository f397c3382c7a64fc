import { requireRole } from '$lib/server/auth/guards';
import { meetingsWithSponsorship } from '$lib/server/sponsorship';
import { committeeMeetings, committeeTasks } from '$lib/server/decisions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'cc_member', 'staff');
	const staff = user.role === 'staff';
	const today = new Date().toISOString().slice(0, 10);
	const [meetings, committee, tasks] = await Promise.all([meetingsWithSponsorship(staff), committeeMeetings(today, staff), committeeTasks()]);
	return { meetings, committee, tasks, today };
};
