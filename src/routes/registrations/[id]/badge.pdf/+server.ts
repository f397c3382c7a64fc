import { error } from '@sveltejs/kit';
import { visibleRegistration } from '$lib/server/web/access';
import { listApprovedForBadges, badgesPdf, badgePeople, pdfMeeting } from '$lib/server/registration';
import { downloadLocale } from '$lib/server/web/locale';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { reg } = await visibleRegistration(event);
	if (reg.status !== 'approved') error(404, 'A badge exists once the registration is approved.');
	const locale = downloadLocale(event);
	const rows = await listApprovedForBadges(reg.meeting_id, reg.id);
	const meeting = { code: reg.meeting_code, title: reg.meeting_title, start_date: reg.start_date, end_date: reg.end_date, city: reg.city };
	const pdf = await badgesPdf(pdfMeeting(meeting, locale), badgePeople(rows, locale), locale);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${reg.meeting_slug}-badge-${reg.id}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
