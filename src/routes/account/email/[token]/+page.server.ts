import { getDb } from '$lib/server/db';
import { confirmEmailChange } from '$lib/server/auth/accounts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const result = await confirmEmailChange(getDb(), params.token);
	if (result === 'taken') return { outcome: 'taken' as const, email: null };
	return result ? { outcome: 'changed' as const, email: result.email } : { outcome: 'invalid' as const, email: null };
};
