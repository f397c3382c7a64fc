import { confirmEmailChange, findLinkToken } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only reads (mail scanners fetch links); the change is made by the button, a POST.
export const load: PageServerLoad = async ({ params }) => {
	const t = await findLinkToken('change_email', params.token);
	return { valid: !!t, email: t?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await confirmEmailChange(params.token);
		if (result === 'taken') return { outcome: 'taken' as const, email: null };
		return result ? { outcome: 'changed' as const, email: result.email } : { outcome: 'invalid' as const, email: null };
	}
};
