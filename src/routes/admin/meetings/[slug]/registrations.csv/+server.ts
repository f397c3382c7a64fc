import { getDb } from '$lib/server/db';
import { staffMeeting } from '$lib/server/meetings/access';
import { listRegistrations } from '$lib/server/registration/queries';
import { registrationsCsv } from '$lib/server/registration/csv';
import { audit } from '$lib/server/audit/audit';
import type { RequestHandler } from './$types';

const COLUMNS = [
	{ key: 'id', header: 'ID' },
	{ key: 'status', header: 'Status' },
	{ key: 'organization', header: 'Organisation' },
	{ key: 'region', header: 'Region' },
	{ key: 'role', header: 'Role' },
	{ key: 'title', header: 'Title' },
	{ key: 'given_name', header: 'Given name' },
	{ key: 'family_name', header: 'Family name' },
	{ key: 'gender', header: 'Gender' },
	{ key: 'position', header: 'Position' },
	{ key: 'email', header: 'E-mail' },
	{ key: 'phone', header: 'Phone' },
	{ key: 'consent_published', header: 'Consents to publication' },
	{ key: 'access_needs', header: 'Access needs' },
	{ key: 'attended_at', header: 'Checked in' },
	{ key: 'created_at', header: 'Registered' }
];

export const GET: RequestHandler = async (event) => {
	const { actor, meeting } = await staffMeeting(event);
	const p = event.url.searchParams;
	const rows = await listRegistrations(getDb(), meeting.id, {
		status: (p.get('status') || undefined) as never,
		role: (p.get('role') || undefined) as never,
		region: p.get('region') || undefined,
		ccmStatus: p.get('ccmStatus') || undefined,
		organizationId: Number(p.get('organizationId')) || undefined,
		q: p.get('q') || undefined
	});
	const csv = registrationsCsv(
		rows.map((r) => ({ ...r, consent_published: r.consent_published ? 'yes' : 'no' })),
		COLUMNS
	);
	// Personal data leaving the system: who took it, and when.
	await audit(getDb(), { id: actor.id, email: actor.email }, 'registration.export_csv', { type: 'meeting', id: meeting.id }, null, { rows: rows.length });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meeting.slug}-registrations.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
