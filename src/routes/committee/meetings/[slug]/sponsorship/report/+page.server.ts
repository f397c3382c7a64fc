import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getMeeting } from '$lib/server/meetings';
import { formatChf, REPORT_DIMENSIONS, sponsorshipReport, review } from '$lib/server/sponsorship';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

// Counts and money only (no names): fit for donors and the meeting's records, so the Coordination Committee sees it too.
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'staff', 'cc_member');
	const meeting = await getMeeting(event.params.slug, user.role === 'staff');
	if (!meeting) error(404, m.del_cc_no_meeting());
	const report = sponsorshipReport(await review(meeting));
	const t = report.totals;
	return {
		meeting: {
			slug: meeting.slug,
			code: meeting.code,
			title: meeting.title,
			start_date: meeting.start_date,
			end_date: meeting.end_date,
			city: meeting.city,
			country: meeting.country
		},
		isStaff: user.role === 'staff',
		preparedOn: new Date().toISOString().slice(0, 10),
		criteria: report.criteria,
		hasProgramme: report.hasProgramme,
		totals: t,
		money: {
			budget: formatChf(t.budgetCentimes),
			committed: formatChf(t.committedCentimes),
			accepted: formatChf(t.acceptedCostCentimes),
			left: formatChf(t.leftCentimes)
		},
		tables: REPORT_DIMENSIONS.map((d) => ({
			key: d.key,
			label: d.label,
			caption: d.caption,
			rows: report[d.key].map((g) => ({
				group: g.group,
				applications: g.applications,
				funded: g.funded,
				accepted: g.accepted,
				cost: formatChf(g.costCentimes)
			}))
		}))
	};
};
