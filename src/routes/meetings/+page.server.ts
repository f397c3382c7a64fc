import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { MEETING_KINDS } from '$lib/server/db/schema';
import { listMeetings, meetingYears } from '$lib/server/meetings/queries';
import { meetingPhase } from '$lib/server/meetings/rules';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	kind: z.enum(MEETING_KINDS).optional().catch(undefined),
	year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ url }) => {
	const filter = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
	const db = getDb();
	const [meetings, years] = await Promise.all([listMeetings(db, filter), meetingYears(db)]);
	const rows = meetings.map((m) => ({
		slug: m.slug,
		code: m.code,
		title: m.title,
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
