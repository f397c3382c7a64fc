import { findLinkToken, verifyEmail } from '$lib/server/auth';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const loginLink = (url: URL) => {
	const next = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
	return localizeHref(next ? `/login?redirectTo=${encodeURIComponent(next)}` : '/login');
};

// Opening the link only reads: mail scanners fetch links before people do, and a GET that confirmed would let one
// confirm an address for whoever signed up with it. The person confirms with the button (a POST).
export const load: PageServerLoad = async ({ params, url }) => {
	const t = await findLinkToken('verify_email', params.token);
	return { valid: !!t, email: t?.email ?? null, login: loginLink(url) };
};

export const actions: Actions = {
	default: async ({ params, url }) => {
		const user = await verifyEmail(params.token);
		return { verified: !!user, email: user?.email ?? null, login: loginLink(url) };
	}
};
