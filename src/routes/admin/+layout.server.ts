import { requireStaff } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// A first line of defence only: every load and action below checks the role again.
export const load: LayoutServerLoad = (event) => {
	requireStaff(event);
};
