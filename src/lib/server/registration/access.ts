import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { canSeeRegistration } from './rules';
import { getRegistration, type RegistrationView } from './queries';

export type Relation = 'self' | 'focal_point' | 'staff';

/**
 * The registration if this user may see it, or 404: someone else's registration does not exist for them
 * (no hint that the id is taken). Checked in every load and action.
 */
export async function visibleRegistration(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<{ user: SessionUser; reg: RegistrationView; relation: Relation }> {
	const user = requireUser(event);
	const id = Number((event.params as { id: string }).id);
	const reg = Number.isSafeInteger(id) && id > 0 ? await getRegistration(getDb(), id) : undefined;
	if (!reg || reg.erased_at || !canSeeRegistration(user, reg)) error(404, 'No such registration.');
	const self = reg.user_id === user.id || (reg.user_id === null && reg.email === user.email);
	const relation: Relation = self ? 'self' : user.role === 'staff' ? 'staff' : 'focal_point';
	return { user, reg, relation };
}
