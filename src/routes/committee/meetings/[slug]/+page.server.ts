import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { canRead, committeeMeetings, meetingOutcomes, minutesOf, outcomeAudience, outcomeTasks } from '$lib/server/decisions';
import { getMeeting } from '$lib/server/meetings';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	// Limited records: to anyone but members and staff the page does not exist (no hint that the meeting has minutes).
	if (user.role !== 'cc_member' && user.role !== 'staff') error(404, m.del_cc_no_page());
	const meeting = await getMeeting(event.params.slug, user.role === 'staff');
	if (!meeting) error(404, m.del_cc_no_meeting());
	// Any meeting as the Committee follows it up (its own minutes, an MSP's decisions); staff-only outcomes stay hidden.
	const readable = canRead(outcomeAudience(meeting), user.role);
	const [minutes, outcomes, lists] = await Promise.all([
		minutesOf(meeting.id),
		readable ? meetingOutcomes(meeting.id) : [],
		committeeMeetings('0000-00-00', user.role === 'staff')
	]);
	const tasks = await outcomeTasks(outcomes.map((o) => o.id));
	return {
		meeting: {
			code: meeting.code,
			slug: meeting.slug,
			title: meeting.title,
			start_date: meeting.start_date,
			committee: meeting.kind === 'coordination_committee'
		},
		minutes: minutes ?? null,
		outcomes: outcomes.map((o) => ({ ...o, tasks: tasks.filter((t) => t.outcome_id === o.id) })),
		papers: [...lists.upcoming, ...lists.past].find((m) => m.id === meeting.id)?.papers ?? [],
		staff: user.role === 'staff'
	};
};
