import { m } from '$lib/paraglide/messages';
import type { Role } from '../db';

/** Each role as a page names it, read when it is shown: in the language of the request that reads it. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
	get staff() {
		return m.auth_role_staff();
	},
	get cc_member() {
		return m.auth_role_cc_member();
	},
	get focal_point() {
		return m.auth_role_focal_point();
	},
	get delegate() {
		return m.auth_role_delegate();
	}
};
