import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const u = locals.user;
	return {
		user: u ? { email: u.email, role: u.role, locale: u.locale ?? 'en', name: [u.givenName, u.familyName].filter(Boolean).join(' ') || u.email } : null
	};
};
