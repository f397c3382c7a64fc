import { publicMeeting } from '$lib/server/web/access';
import { keptParticipantsPdf } from '$lib/server/registration';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	// Made once per change to the list (content version), not per download.
	const { pdf, etag } = await keptParticipantsPdf(meeting, event.locals.locale);
	const cache = { etag, 'cache-control': 'public, max-age=300' };
	if (
		event.request.headers
			.get('if-none-match')
			?.split(',')
			.some((t) => t.trim() === etag || t.trim() === '*')
	)
		return new Response(null, { status: 304, headers: cache });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${meeting.slug}-list-of-participants.pdf"`,
			...cache
		}
	});
};
