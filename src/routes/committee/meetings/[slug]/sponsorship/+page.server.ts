import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getMeeting } from '$lib/server/meetings';
import { review, rankingView } from '$lib/server/sponsorship';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The Coordination Committee's read-only view: the ranking, each criterion's contribution, the version in force. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'cc_member', 'staff');
	const meeting = await getMeeting(event.params.slug, user.role === 'staff');
	if (!meeting) error(404, m.del_cc_no_meeting());
	const r = await review(meeting);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title },
		view: rankingView(r),
		criteria: r.criteria.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, note: c.note })),
		gates: r.criteria.gates
	};
};
