import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { visibleRegistration } from '$lib/server/registration/access';
import { listApprovedForBadges } from '$lib/server/registration/queries';
import { badgesPdf } from '$lib/server/registration/pdf';
import { badgePeople, pdfMeeting } from '$lib/server/registration/lists';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { reg } = await visibleRegistration(event);
	if (reg.status !== 'approved') error(404, 'A badge exists once the registration is approved.');
	const rows = await listApprovedForBadges(getDb(), reg.meeting_id, reg.id);
	const meeting = { code: reg.meeting_code, title: reg.meeting_title, start_date: reg.start_date, end_date: reg.end_date, city: reg.city };
	const pdf = await badgesPdf(pdfMeeting(meeting), badgePeople(rows, reg.start_date));
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${reg.meeting_slug}-badge-${reg.id}.pdf"`, 'cache-control': 'private, no-store' }
	});
};
