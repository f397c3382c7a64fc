import { staffMeeting } from '$lib/server/web/access';
import { DELEGATION_STATE_LABELS, listDelegations, registrationsCsv } from '$lib/server/registration';
import { readFilter } from '../delegations/filter';
import type { RequestHandler } from './$types';

const COLUMNS = [
	{ key: 'organization', header: 'Delegation' },
	{ key: 'region', header: 'Region' },
	{ key: 'state', header: 'State' },
	{ key: 'head', header: 'Head' },
	{ key: 'approved', header: 'Approved' },
	{ key: 'pending', header: 'Pending' },
	{ key: 'waitlisted', header: 'Waiting list' },
	{ key: 'cancelled', header: 'Cancelled' },
	{ key: 'rejected', header: 'Not accepted' },
	{ key: 'credentials_name', header: 'Credentials letter' },
	{ key: 'credentials_uploaded_at', header: 'Credentials uploaded (UTC)' },
	{ key: 'credentials_reason', header: 'Reason for refusal' },
	{ key: 'submitted_by_email', header: 'Submitted by' },
	{ key: 'submitted_at', header: 'Submitted (UTC)' }
];

export const GET: RequestHandler = async (event) => {
	const { meeting } = await staffMeeting(event);
	const rows = await listDelegations(meeting.id, readFilter(event.url));
	const csv = registrationsCsv(
		rows.map((r) => ({ ...r, state: DELEGATION_STATE_LABELS[r.state] })),
		COLUMNS
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meeting.slug}-delegations.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
