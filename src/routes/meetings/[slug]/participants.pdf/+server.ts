import { publicMeeting } from '$lib/server/web/access';
import { listParticipants, participantsPdf, participantGroups, pdfMeeting } from '$lib/server/registration';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const rows = await listParticipants(meeting.id);
	const pdf = await participantsPdf(pdfMeeting(meeting), participantGroups(rows));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${meeting.slug}-list-of-participants.pdf"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
