import { error } from '@sveltejs/kit';
import { canRead, meetingOutcomes, outcomeAudience } from '$lib/server/decisions';
import { publicMeeting } from '$lib/server/web/access';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Checked here, not only in the layout: committee and staff-only outcomes are 404 to everyone else.
	const meeting = await publicMeeting(event);
	if (!canRead(outcomeAudience(meeting), event.locals.user?.role ?? null)) error(404, m.pub_no_such_page());
	const outcomes = await meetingOutcomes(meeting.id);
	const groups: { label: string | null; title: string | null; titleLang: string | null; outcomes: typeof outcomes }[] = [];
	for (const o of outcomes) {
		const last = groups.at(-1);
		if (last && last.label === o.agenda_label) last.outcomes.push(o);
		else groups.push({ label: o.agenda_label, title: o.agenda_title, titleLang: o.agendaTitleLang, outcomes: [o] });
	}
	return { groups, audience: outcomeAudience(meeting) };
};
