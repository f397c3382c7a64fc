import { z } from 'zod';
import { MEETING_KINDS, listMeetings, meetingYears, meetingPhase, titleIn } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	kind: z.enum(MEETING_KINDS).optional().catch(undefined),
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ url }) => {
	const filter = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
	const [meetings, years] = await Promise.all([listMeetings(filter), meetingYears()]);
	const rows = meetings.map((m) => ({
		slug: m.slug,
		code: m.code,
		...titleIn(m),
		kind: m.kind,
		start_date: m.start_date,
		end_date: m.end_date,
		place: [m.city, m.country].filter(Boolean).join(', '),
		phase: meetingPhase(m)
	}));
	// Upcoming and ongoing first, soonest first; then past ones, latest first.
	const current = rows.filter((r) => r.phase !== 'past').sort((a, b) => a.start_date.localeCompare(b.start_date));
	const past = rows.filter((r) => r.phase === 'past');
	return { current, past, years, filter };
};
