import { requireStaff } from '$lib/server/auth/guards';
import { staffOverview } from '$lib/server/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { stats: await staffOverview(), smtp: !!process.env.SMTP_URL };
};
