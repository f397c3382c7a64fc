import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'cc_member', 'staff');
	const meetings = await getDb()
		.selectFrom('sponsorship_programmes as p')
		.innerJoin('meetings as m', 'm.id', 'p.meeting_id')
		.select(['m.slug', 'm.code', 'm.title', 'm.start_date'])
		// An unpublished meeting is for staff only, as everywhere else.
		.$if(user.role !== 'staff', (q) => q.where('m.status', '!=', 'draft'))
		.orderBy('m.start_date', 'desc')
		.execute();
	return { meetings };
};
