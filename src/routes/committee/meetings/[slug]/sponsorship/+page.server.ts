import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { getMeeting } from '$lib/server/meetings/queries';
import { review } from '$lib/server/sponsorship/store';
import { rankingView } from '$lib/server/sponsorship/view';
import type { PageServerLoad } from './$types';

/** The Coordination Committee's read-only view: the ranking, each criterion's contribution, the version in force. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'cc_member', 'staff');
	const meeting = await getMeeting(getDb(), event.params.slug, user.role === 'staff');
	if (!meeting) error(404, 'No such meeting.');
	const r = await review(getDb(), meeting);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title },
		view: rankingView(r),
		criteria: r.criteria.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, note: c.note })),
		gates: r.criteria.gates
	};
};
