import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getMeeting } from '$lib/server/meetings';
import { registrationsCsv } from '$lib/server/registration';
import { REPORT_CSV_COLUMNS, reportCsvRows, sponsorshipReport, review } from '$lib/server/sponsorship';
import type { RequestHandler } from './$types';

// Same access as the report page; aggregated counts only, so no audit entry as for personal-data exports.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'staff', 'cc_member');
	const meeting = await getMeeting(event.params.slug, user.role === 'staff');
	if (!meeting) error(404, 'No such meeting.');
	const report = sponsorshipReport(await review(meeting));
	return new Response(registrationsCsv(reportCsvRows(report), REPORT_CSV_COLUMNS), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${meeting.slug}-sponsorship-report.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
