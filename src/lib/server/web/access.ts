// Request-level access: the signed-in user's right to a meeting or a registration named in the URL, answered as
// SvelteKit answers (404/403/redirect to login). The areas return plain data; only this folder and auth/guards turn a
// refusal into an HTTP answer. Called by every load and action that needs it, not only by a layout.
import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireStaff, requireUser } from '../auth/guards';
import type { SessionUser } from '../auth';
import { getMeeting, type Meeting } from '../meetings';
import { canSeeRegistration, getRegistration, type RegistrationView } from '../registration';

type MeetingEvent = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/** Staff only, and the meeting (drafts included) or a 404. */
export async function staffMeeting(event: MeetingEvent): Promise<{ actor: SessionUser; meeting: Meeting }> {
	const actor = requireStaff(event);
	const meeting = await getMeeting((event.params as { slug: string }).slug, true);
	if (!meeting) error(404, 'No such meeting.');
	return { actor, meeting };
}

/** A meeting the public may see: drafts are 404 to everyone but staff. */
export async function publicMeeting(event: Pick<RequestEvent, 'locals' | 'params'>): Promise<Meeting> {
	const staff = event.locals.user?.role === 'staff';
	const meeting = await getMeeting((event.params as { slug: string }).slug, staff);
	if (!meeting) error(404, m.pub_no_such_meeting());
	return meeting;
}

export type Relation = 'self' | 'focal_point' | 'staff';

/**
 * The registration if this user may see it, or 404: someone else's registration does not exist for them
 * (no hint that the id is taken).
 */
export async function visibleRegistration(event: MeetingEvent): Promise<{ user: SessionUser; reg: RegistrationView; relation: Relation }> {
	const user = requireUser(event);
	const id = Number((event.params as { id: string }).id);
	const reg = Number.isSafeInteger(id) && id > 0 ? await getRegistration(id) : undefined;
	if (!reg || reg.erased_at || !canSeeRegistration(user, reg)) error(404, 'No such registration.');
	const self = reg.user_id === user.id || (reg.user_id === null && reg.email === user.email);
	const relation: Relation = self ? 'self' : user.role === 'staff' ? 'staff' : 'focal_point';
	return { user, reg, relation };
}
