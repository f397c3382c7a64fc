import { describe, expect, it } from 'vitest';
import type { ApplicationStatus, CcmStatus, SponsorshipProgramme } from '../db/schema';
import { allocate, type AllocationStatus } from './allocation';
import { defaultCriteria, type CriteriaSet } from './criteria';
import { evaluate } from './evaluate';
import { rank } from './ranking';
import { ccmStatusOf, chfDecimal, reportCsvRows, sponsorshipReport, REPORT_CSV_COLUMNS } from './report';
import type { Review, ReviewRow } from './store';
import { applicant, MSP9 } from '../../../../tests/fixtures/sponsorship';
import { registrationsCsv } from '../registration/csv';

const DSA = 30_000; // CHF 300.00 a night

interface Spec {
	id: number;
	iso3: string;
	region: string | null;
	gender: string | null;
	ccm: CcmStatus;
	status: ApplicationStatus;
	/** Airfare in centimes; with 2 nights of DSA the cost is airfare + 60,000. */
	airfare: number;
	art4?: string | null;
	endorsed?: boolean;
}

const programme = (budget: number): SponsorshipProgramme => ({
	meeting_id: 1,
	budget_centimes: budget,
	committed_centimes: 0,
	dsa_centimes: DSA,
	default_nights: 2,
	places_per_state: 1,
	opens_at: null,
	closes_at: null,
	offer_response_days: 14,
	criteria_version: null,
	updated_at: '2019-06-01T00:00:00.000Z'
});

const ALLOC: Record<ApplicationStatus, AllocationStatus> = {
	draft: 'withdrawn',
	submitted: 'applied',
	offered: 'offered',
	accepted: 'accepted',
	declined: 'declined',
	expired: 'expired',
	withdrawn: 'withdrawn'
};

/** What `review(db, meeting)` gives, built from the pure modules the same way. */
function reviewOf(specs: Spec[], budget: number | null, criteria: CriteriaSet = defaultCriteria()): Review {
	const evaluations = specs.map((s) =>
		evaluate(
			criteria,
			applicant({
				applicationId: s.id,
				stateIso3: s.iso3,
				stateName: s.iso3,
				ccmStatus: s.ccm,
				region: s.region,
				gender: s.gender,
				art4Deadline: s.art4 ?? null,
				endorsedByFocalPoint: s.endorsed ?? true,
				airfareCentimes: s.airfare,
				nights: 2
			}),
			MSP9
		)
	);
	const bySpec = new Map(specs.map((s) => [s.id, s]));
	const rows: ReviewRow[] = rank(evaluations).map((r) => {
		const s = bySpec.get(r.evaluation.applicationId)!;
		return {
			ranked: r,
			applicationId: s.id,
			name: `Person ${s.id}`,
			state: s.iso3,
			region: s.region,
			gender: s.gender,
			status: s.status,
			endorsement: 'endorsed',
			airfareCentimes: s.airfare,
			nights: 2,
			obligations: !!s.art4
		};
	});
	const allocation =
		budget === null
			? null
			: allocate({
					budgetCentimes: budget,
					dsaCentimes: DSA,
					placesPerState: 1,
					ranked: rows.map((r) => ({
						applicationId: r.applicationId,
						stateIso3: r.state,
						airfareCentimes: r.airfareCentimes,
						nights: r.nights,
						status: ALLOC[r.status],
						eligible: r.ranked.evaluation.eligible
					}))
				});
	return { criteria, programme: budget === null ? null : programme(budget), rows, allocation, factsDay: '2019-09-02', unknownFacts: [] };
}

// Costs: airfare + 60,000 (two nights of DSA).
const SPECS: Spec[] = [
	{ id: 1, iso3: 'AFG', region: 'Asia-Pacific', gender: 'female', ccm: 'state_party', status: 'accepted', airfare: 100_000, art4: '2021-03-01' },
	{ id: 2, iso3: 'BIH', region: 'Europe', gender: 'male', ccm: 'state_party', status: 'offered', airfare: 40_000, art4: '2020-03-01' },
	{ id: 3, iso3: 'TCD', region: 'Africa', gender: 'undisclosed', ccm: 'signatory', status: 'submitted', airfare: 20_000 },
	{ id: 4, iso3: 'LAO', region: 'Asia-Pacific', gender: null, ccm: 'not_party', status: 'submitted', airfare: 500_000 },
	{ id: 5, iso3: 'COL', region: 'Americas', gender: 'female', ccm: 'state_party', status: 'declined', airfare: 80_000 },
	{ id: 6, iso3: 'HRV', region: 'Europe', gender: 'other', ccm: 'state_party', status: 'expired', airfare: 10_000 },
	{ id: 7, iso3: 'NGA', region: null, gender: 'female', ccm: 'signatory', status: 'withdrawn', airfare: 10_000 },
	{ id: 8, iso3: 'KEN', region: 'Africa', gender: 'male', ccm: 'state_party', status: 'submitted', airfare: 10_000, endorsed: false }
];

const pick = (groups: { group: string; applications: number; funded: number; accepted: number; costCentimes: number }[]) =>
	groups.map((g) => `${g.group}: ${g.applications}/${g.funded}/${g.accepted}/${g.costCentimes}`);

describe('sponsorshipReport', () => {
	// Budget 400,000: accepted 160,000 + offered 100,000 committed; TCD (80,000) fits, LAO (560,000) does not.
	const report = sponsorshipReport(reviewOf(SPECS, 400_000));

	it('totals the statuses, the budget and the commitments', () => {
		expect(report.totals).toEqual({
			applications: 8,
			eligible: 7,
			offered: 1,
			accepted: 1,
			declined: 1,
			expired: 1,
			withdrawn: 1,
			toOffer: 1,
			notFunded: 2,
			budgetCentimes: 400_000,
			committedCentimes: 260_000,
			acceptedCostCentimes: 160_000,
			leftCentimes: 140_000
		});
		const t = report.totals;
		expect(t.accepted + t.offered + t.toOffer + t.notFunded + t.declined + t.expired + t.withdrawn).toBe(t.applications);
		expect(report.criteria).toEqual({ version: 1, adoptedAt: null });
		expect(report.hasProgramme).toBe(true);
	});

	it('groups by region alphabetically, with no region last', () => {
		expect(pick(report.byRegion)).toEqual([
			'Africa: 2/0/0/0',
			'Americas: 1/0/0/0',
			'Asia-Pacific: 2/1/1/160000',
			'Europe: 2/1/0/100000',
			'Not stated: 1/0/0/0'
		]);
	});

	it('groups by gender in a fixed order, with the undisclosed and the unknown as not stated', () => {
		expect(pick(report.byGender)).toEqual(['Female: 3/1/1/160000', 'Male: 2/1/0/100000', 'Other: 1/0/0/0', 'Not stated: 2/0/0/0']);
		const noneMissing = sponsorshipReport(reviewOf(SPECS.slice(0, 2), 400_000));
		expect(noneMissing.byGender.map((g) => g.group)).toEqual(['Female', 'Male', 'Other']);
	});

	it('groups by CCM status at the meeting date, read back from the evaluation', () => {
		expect(pick(report.byCcmStatus)).toEqual(['State Party: 5/2/1/260000', 'Signatory: 2/0/0/0', 'State not party: 1/0/0/0']);
	});

	it('finds the CCM status from a failed gate when the status criterion is switched off, or takes it from the row', () => {
		const set = defaultCriteria();
		set.gates = { admitSignatories: false, admitNotParty: false };
		set.criteria = set.criteria.map((c) => (c.kind === 'ccm_status' ? { ...c, weight: 0 } : c));
		const r = reviewOf(SPECS, 400_000, set);
		const statuses = r.rows.map((row) => [row.applicationId, ccmStatusOf(row, set)]);
		expect(Object.fromEntries(statuses)).toEqual({
			1: 'state_party',
			2: 'state_party',
			3: 'signatory',
			4: 'not_party',
			5: 'state_party',
			6: 'state_party',
			7: 'signatory',
			8: 'state_party'
		});
		// Everything admitted and the criterion off: nothing says, unless the row does.
		const open = { ...set, gates: { admitSignatories: true, admitNotParty: true } };
		const row = reviewOf(SPECS, 400_000, open).rows.find((x) => x.applicationId === 3)!;
		expect(ccmStatusOf(row, open)).toBeNull();
		expect(ccmStatusOf({ ...row, ccmStatus: 'signatory' }, open)).toBe('signatory');
		const unknown = sponsorshipReport(reviewOf(SPECS, 400_000, open));
		expect(unknown.byCcmStatus.map((g) => g.group)).toEqual(['State Party', 'Signatory', 'State not party', 'Not known']);
		expect(unknown.byCcmStatus.at(-1)!.applications).toBe(8);
	});

	it('groups by obligations', () => {
		expect(pick(report.byObligations)).toEqual(['Article 3 or 4 deadline: 2/2/1/260000', 'No open deadline: 6/0/0/0']);
	});

	it('groups by outcome in the order of the decision, showing only outcomes that occur', () => {
		expect(pick(report.byOutcome)).toEqual([
			'Accepted: 1/1/1/160000',
			'Offered, awaiting an answer: 1/1/0/100000',
			'Funded within the budget, offer to be sent: 1/0/0/0',
			'The budget left when their turn came did not cover the cost: 1/0/0/0',
			'Not eligible (see the gates): 1/0/0/0',
			'Declined the offer: 1/0/0/0',
			'The offer expired without an answer: 1/0/0/0',
			'Withdrew the application: 1/0/0/0'
		]);
	});

	it('every dimension adds up to the totals', () => {
		const t = report.totals;
		for (const groups of [report.byRegion, report.byGender, report.byCcmStatus, report.byObligations, report.byOutcome]) {
			const sum = (k: 'applications' | 'funded' | 'accepted' | 'costCentimes') => groups.reduce((s, g) => s + g[k], 0);
			expect([sum('applications'), sum('funded'), sum('accepted'), sum('costCentimes')]).toEqual([
				t.applications,
				t.offered + t.accepted,
				t.accepted,
				t.committedCentimes
			]);
		}
	});

	it('does not depend on the order of the rows', () => {
		const r = reviewOf(SPECS, 400_000);
		expect(sponsorshipReport({ ...r, rows: [...r.rows].reverse() })).toEqual(report);
	});

	it('holds no names, states or application numbers', () => {
		const text = JSON.stringify(report) + registrationsCsv(reportCsvRows(report), REPORT_CSV_COLUMNS);
		for (const s of SPECS) {
			expect(text).not.toContain(`Person ${s.id}`);
			expect(text).not.toContain(s.iso3);
		}
	});

	it('without a programme: nothing allocated, no budget', () => {
		const r = sponsorshipReport(
			reviewOf(
				SPECS.filter((s) => s.status === 'submitted'),
				null
			)
		);
		expect(r.hasProgramme).toBe(false);
		expect(r.totals).toMatchObject({ applications: 3, notFunded: 3, toOffer: 0, budgetCentimes: 0, committedCentimes: 0, leftCentimes: 0 });
		expect(pick(r.byOutcome)).toEqual(['Not yet allocated (no budget set): 3/0/0/0']);
	});

	it('on no applications: fixed categories at zero, nothing else', () => {
		const r = sponsorshipReport(reviewOf([], 100_000));
		expect(r.totals).toMatchObject({ applications: 0, budgetCentimes: 100_000, leftCentimes: 100_000 });
		expect([r.byRegion, r.byOutcome]).toEqual([[], []]);
		expect(pick(r.byCcmStatus)).toEqual(['State Party: 0/0/0/0', 'Signatory: 0/0/0/0', 'State not party: 0/0/0/0']);
	});
});

describe('report CSV rows', () => {
	it('one section per dimension, then the total, cost in decimal CHF', () => {
		const rows = reportCsvRows(sponsorshipReport(reviewOf(SPECS, 400_000)));
		expect([...new Set(rows.map((r) => r.dimension))]).toEqual([
			'Region',
			'Gender',
			'CCM status at the meeting date',
			'Article 3 / 4 obligations',
			'Outcome',
			'Total'
		]);
		expect(rows[2]).toEqual({ dimension: 'Region', group: 'Asia-Pacific', applications: 2, funded: 1, accepted: 1, cost_chf: '1600.00' });
		expect(rows.at(-1)).toEqual({ dimension: 'Total', group: 'All applications', applications: 8, funded: 2, accepted: 1, cost_chf: '2600.00' });
		const csv = registrationsCsv(rows, REPORT_CSV_COLUMNS);
		expect(csv.startsWith('\uFEFFdimension,group,applications,funded,accepted,cost_chf\r\n')).toBe(true);
	});

	it('formats centimes as decimal francs without a float', () => {
		expect([chfDecimal(0), chfDecimal(5), chfDecimal(123_450), chfDecimal(-1), chfDecimal(9_007_199_254_740_991)]).toEqual([
			'0.00',
			'0.05',
			'1234.50',
			'-0.01',
			'90071992547409.91'
		]);
	});
});
