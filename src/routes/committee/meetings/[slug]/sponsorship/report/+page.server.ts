import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getMeeting } from '$lib/server/meetings';
import { formatChf, REPORT_DIMENSIONS, sponsorshipReport, review } from '$lib/server/sponsorship';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The report's groups (its own English words, which order and key it) as this page's language writes them. */
const GROUPS: Record<string, () => string> = {
	Female: m.del_gender_female,
	Male: m.del_gender_male,
	Other: m.del_gender_other,
	'Not stated': m.del_rep_not_stated,
	'Not known': m.del_rep_not_known,
	'State Party': m.del_cat_party,
	Signatory: m.del_rep_signatory,
	'State not party': m.del_rep_not_party,
	'Article 3 or 4 deadline': m.del_rep_deadline,
	'No open deadline': m.del_rep_no_deadline,
	Accepted: m.del_rep_col_accepted,
	'Offered, awaiting an answer': m.del_rep_offered,
	'Funded within the budget, offer to be sent': m.del_rep_to_offer,
	'Not yet allocated (no budget set)': m.del_rep_unallocated,
	'The budget left when their turn came did not cover the cost': m.del_reason_over_budget,
	"Their state's sponsored places were already taken": m.del_reason_state_places_taken,
	'Not eligible (see the gates)': m.del_reason_ineligible,
	'Declined the offer': m.del_reason_declined,
	'The offer expired without an answer': m.del_reason_expired,
	'Withdrew the application': m.del_reason_withdrawn,
	Africa: m.del_region_africa,
	Americas: m.del_region_americas,
	Asia: m.del_region_asia,
	Europe: m.del_region_europe,
	'Middle East': m.del_region_middle_east,
	Pacific: m.del_region_pacific
};

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
				group: GROUPS[g.group]?.() ?? g.group,
				applications: g.applications,
				funded: g.funded,
				accepted: g.accepted,
				cost: formatChf(g.costCentimes)
			}))
		}))
	};
};
