import { getDb } from '$lib/server/db';
import { staffMeeting } from '$lib/server/meetings/access';
import { listApprovedForBadges } from '$lib/server/registration/queries';
import { badgesPdf } from '$lib/server/registration/pdf';
import { badgePeople, pdfMeeting } from '$lib/server/registration/lists';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { meeting } = await staffMeeting(event);
	const rows = await listApprovedForBadges(getDb(), meeting.id);
	const pdf = await badgesPdf(pdfMeeting(meeting), badgePeople(rows, meeting.start_date));
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${meeting.slug}-badges.pdf"`, 'cache-control': 'private, no-store' }
	});
};
