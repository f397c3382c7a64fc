import { confirmEmailChange } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const result = await confirmEmailChange(params.token);
	if (result === 'taken') return { outcome: 'taken' as const, email: null };
	return result ? { outcome: 'changed' as const, email: result.email } : { outcome: 'invalid' as const, email: null };
};
