import { canRead, groupReport, outcomeAudience, previousMeeting, reportDay, reportOutcomes } from '$lib/server/decisions';
import { publicMeeting } from '$lib/server/web/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const meeting = await publicMeeting(event);
	const previous = await previousMeeting(meeting);
	const today = new Date().toISOString().slice(0, 10);
	// Tasks as they stood when this meeting opened (or today, before it opens): what the report put before it.
	const asAt = reportDay(meeting.start_date, today);
	// The previous meeting's outcomes are shown only to those who may read them.
	if (!previous || !canRead(outcomeAudience(previous), event.locals.user?.role ?? null)) return { previous: null, report: null, asAt, today };
	return {
		previous: { code: previous.code, slug: previous.slug, title: previous.title },
		report: groupReport(await reportOutcomes(previous.id, asAt), asAt),
		asAt,
		today
	};
};
