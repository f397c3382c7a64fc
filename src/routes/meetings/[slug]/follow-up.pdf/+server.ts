import { error } from '@sveltejs/kit';
import { canRead, followUpReportPdf, groupReport, outcomeAudience, previousMeeting, reportDay, reportOutcomes } from '$lib/server/decisions';
import { publicMeeting } from '$lib/server/web/access';
import { downloadLocale } from '$lib/server/web/locale';
import type { RequestHandler } from './$types';

/** The follow-up page as a PDF, for the same readers: the previous meeting's outcomes only to those who may read them. */
export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const previous = await previousMeeting(meeting);
	if (!previous || !canRead(outcomeAudience(previous), event.locals.user?.role ?? null)) error(404, 'There is no follow-up report for this meeting.');
	const today = new Date().toISOString().slice(0, 10);
	const asAt = reportDay(meeting.start_date, today);
	const pdf = await followUpReportPdf(
		{
			meeting: { code: meeting.code, title: meeting.title },
			previous: { code: previous.code, title: previous.title },
			asAt,
			today,
			report: groupReport(await reportOutcomes(previous.id, asAt), asAt)
		},
		downloadLocale(event)
	);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${meeting.slug}-follow-up-report.pdf"`,
			// Committee outcomes are not for shared caches; the public ones change with every note.
			'cache-control': 'private, no-store'
		}
	});
};
