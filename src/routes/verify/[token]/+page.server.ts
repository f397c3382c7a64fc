import { verifyEmail } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = await verifyEmail(params.token);
	const next = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
	return { verified: !!user, email: user?.email ?? null, login: next ? `/login?redirectTo=${encodeURIComponent(next)}` : '/login' };
};
