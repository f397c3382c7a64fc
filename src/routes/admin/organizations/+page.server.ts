import { getDb } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const rows = await getDb()
		.selectFrom('organizations')
		.select(['id', 'name', 'kind', 'region', 'ccm_status', 'joined', 'art3_deadline', 'art4_deadline', 'art3_extended_to', 'art4_extended_to', 'has_victims', 'least_developed', 'last_article7_report'])
		.orderBy('kind')
		.orderBy('name')
		.execute();
	return { rows };
};
