import { staffMeeting } from '$lib/server/web/access';
import { exportRegistrationsCsv } from '$lib/server/registration';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { actor, meeting } = await staffMeeting(event);
	const p = event.url.searchParams;
	const csv = await exportRegistrationsCsv({ id: actor.id, email: actor.email }, meeting.id, {
		status: (p.get('status') || undefined) as never,
		role: (p.get('role') || undefined) as never,
		region: p.get('region') || undefined,
		ccmStatus: p.get('ccmStatus') || undefined,
		organizationId: Number(p.get('organizationId')) || undefined,
		q: p.get('q') || undefined
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meeting.slug}-registrations.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
