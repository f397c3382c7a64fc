import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { Meeting } from '../db/schema';
import { requireStaff } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getMeeting } from './queries';

/** Staff only, and the meeting (drafts included) or a 404. Called by every staff load and action. */
export async function staffMeeting(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<{ actor: SessionUser; meeting: Meeting }> {
	const actor = requireStaff(event);
	const meeting = await getMeeting(getDb(), (event.params as { slug: string }).slug, true);
	if (!meeting) error(404, 'No such meeting.');
	return { actor, meeting };
}

/** A meeting the public may see: drafts are 404 to everyone but staff. */
export async function publicMeeting(event: Pick<RequestEvent, 'locals' | 'params'>): Promise<Meeting> {
	const staff = event.locals.user?.role === 'staff';
	const meeting = await getMeeting(getDb(), (event.params as { slug: string }).slug, staff);
	if (!meeting) error(404, 'No such meeting.');
	return meeting;
}
