import { requireRole } from '$lib/server/auth/guards';
import { meetingsWithSponsorship } from '$lib/server/sponsorship';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'cc_member', 'staff');
	return { meetings: await meetingsWithSponsorship(user.role === 'staff') };
};
