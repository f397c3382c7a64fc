import { verifyEmail } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = await verifyEmail(params.token);
	return { verified: !!user, email: user?.email ?? null };
};
