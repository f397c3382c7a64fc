import { canRead, groupReport, outcomeAudience, previousMeeting, reportOutcomes } from '$lib/server/decisions';
import { publicMeeting } from '$lib/server/web/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const meeting = await publicMeeting(event);
	const previous = await previousMeeting(meeting);
	// The previous meeting's outcomes are shown only to those who may read them.
	const today = new Date().toISOString().slice(0, 10);
	if (!previous || !canRead(outcomeAudience(previous), event.locals.user?.role ?? null)) return { previous: null, report: null, today };
	return {
		previous: { code: previous.code, slug: previous.slug, title: previous.title },
		report: groupReport(await reportOutcomes(previous.id), today),
		today
	};
};
