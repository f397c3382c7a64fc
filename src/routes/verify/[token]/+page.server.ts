import { getDb } from '$lib/server/db';
import { verifyEmail } from '$lib/server/auth/accounts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = await verifyEmail(getDb(), params.token);
	return { verified: !!user, email: user?.email ?? null };
};
