import { staffMeeting } from '$lib/server/web/access';
import { listApprovedForBadges, badgesPdf, badgePeople, pdfMeeting } from '$lib/server/registration';
import { downloadLocale } from '$lib/server/web/locale';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { meeting } = await staffMeeting(event);
	const locale = downloadLocale(event);
	const rows = await listApprovedForBadges(meeting.id);
	const pdf = await badgesPdf(pdfMeeting(meeting, locale), badgePeople(rows, locale), locale);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${meeting.slug}-badges.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
