import { listMeetings, meetingPhase, titleIn, windowState } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const meetings = await listMeetings();
	const now = new Date().toISOString();
	const coming = meetings.filter((m) => meetingPhase(m) !== 'past').sort((a, b) => a.start_date.localeCompare(b.start_date));
	// The cards lead to the next meeting's delegation page and to the meeting that takes sponsorship applications now.
	const sponsorship = coming.find((m) => m.sponsorship_deadline && m.sponsorship_deadline > now);
	const next = coming[0];
	const upcoming = coming.slice(0, 3).map((m) => ({
		slug: m.slug,
		code: m.code,
		...titleIn(m),
		start_date: m.start_date,
		end_date: m.end_date,
		city: m.city,
		registrationOpen: windowState(m.registration_opens_at, m.registration_closes_at).state === 'open'
	}));
	return {
		upcoming,
		delegationOf: next ? { slug: next.slug, code: next.code } : null,
		sponsorshipOf: sponsorship ? { slug: sponsorship.slug, code: sponsorship.code } : null
	};
};
