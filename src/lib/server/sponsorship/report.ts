import type { CcmStatus } from '../db';
import { chfDecimal } from '../../money';

export { chfDecimal };
import { costOf, REASON_TEXT, type AllocationReason } from './allocation';
import type { CriteriaSet } from './criteria';
import { CCM_STATUS_TEXT } from './evaluate';
import type { Review, ReviewRow } from './store';

/*
 * The sponsorship report for donors and the meeting's records: counts and money per group, never a name, a state or
 * an application number, so it can be published as it is. Pure: built from `review(db, meeting)`.
 */

export interface ReportGroup {
	group: string;
	applications: number;
	/** Offered or accepted. */
	funded: number;
	accepted: number;
	/** Cost of the offered and accepted applications of the group. */
	costCentimes: number;
}

export interface ReportTotals {
	applications: number;
	eligible: number;
	offered: number;
	accepted: number;
	declined: number;
	expired: number;
	withdrawn: number;
	/** Submitted, and the allocation funds them: an offer is still to be sent. */
	toOffer: number;
	/** Submitted, and the allocation does not fund them (or there is no programme to allocate from yet). */
	notFunded: number;
	budgetCentimes: number;
	/** Cost of offered and accepted applications. */
	committedCentimes: number;
	acceptedCostCentimes: number;
	/** Budget minus commitments; negative only when commitments exceed the budget. */
	leftCentimes: number;
}

export interface SponsorshipReport {
	criteria: { version: number; adoptedAt: string | null };
	hasProgramme: boolean;
	totals: ReportTotals;
	byRegion: ReportGroup[];
	byGender: ReportGroup[];
	byCcmStatus: ReportGroup[];
	byObligations: ReportGroup[];
	byOutcome: ReportGroup[];
}

export type ReportDimension = 'byRegion' | 'byGender' | 'byCcmStatus' | 'byObligations' | 'byOutcome';

/** The tables in the order the page and the CSV show them. */
export const REPORT_DIMENSIONS: readonly { key: ReportDimension; label: string; caption: string }[] = [
	{ key: 'byRegion', label: 'Region', caption: 'By region' },
	{ key: 'byGender', label: 'Gender', caption: 'By gender' },
	{ key: 'byCcmStatus', label: 'CCM status at the meeting date', caption: 'By CCM status at the meeting date' },
	{ key: 'byObligations', label: 'Article 3 / 4 obligations', caption: 'By Article 3 / 4 obligations' },
	{ key: 'byOutcome', label: 'Outcome', caption: 'By outcome' }
];

/** A row may carry the CCM status from the facts; without it, it is read back from the evaluation. */
export type ReportRow = ReviewRow & { ccmStatus?: CcmStatus | null };
export type ReportInput = Pick<Review, 'criteria' | 'programme' | 'allocation'> & { rows: readonly ReportRow[] };

const NOT_STATED = 'Not stated';
const NOT_KNOWN = 'Not known';

const GENDER_TEXT: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', undisclosed: NOT_STATED };
const GENDER_ORDER = ['Female', 'Male', 'Other', NOT_STATED];
const CCM_ORDER = [...Object.values(CCM_STATUS_TEXT), NOT_KNOWN];
const OBLIGATIONS = { yes: 'Article 3 or 4 deadline', no: 'No open deadline' } as const;

const OUTCOME = {
	accepted: 'Accepted',
	offered: 'Offered, awaiting an answer',
	toOffer: 'Funded within the budget, offer to be sent',
	unallocated: 'Not yet allocated (no budget set)'
} as const;
const OUTCOME_ORDER: string[] = [
	OUTCOME.accepted,
	OUTCOME.offered,
	OUTCOME.toOffer,
	REASON_TEXT.over_budget,
	REASON_TEXT.state_places_taken,
	REASON_TEXT.ineligible,
	OUTCOME.unallocated,
	REASON_TEXT.declined,
	REASON_TEXT.expired,
	REASON_TEXT.withdrawn
];

const genderGroup = (g: string | null) => {
	const key = g?.trim().toLowerCase() ?? '';
	return key === '' ? NOT_STATED : (GENDER_TEXT[key] ?? 'Other');
};

const regionGroup = (r: string | null) => r?.trim() || NOT_STATED;

// evaluate() names the status at the meeting date in the ccm_status criterion's reason and in a failed status gate.
const STATUS_BY_TEXT = new Map(Object.entries(CCM_STATUS_TEXT).map(([k, v]) => [v, k as CcmStatus]));
const STATUS_IN_TEXT = new RegExp(` is an? (${[...STATUS_BY_TEXT.keys()].join('|')}) at the meeting date`);

/** The CCM status at the meeting date, or null when neither the row nor its evaluation tells. */
export function ccmStatusOf(row: ReportRow, set: CriteriaSet): CcmStatus | null {
	if (row.ccmStatus) return row.ccmStatus;
	const ev = row.ranked.evaluation;
	const statusCriteria = new Set(set.criteria.filter((c) => c.kind === 'ccm_status').map((c) => c.id));
	const texts = [...ev.breakdown.filter((b) => statusCriteria.has(b.criterionId)).map((b) => b.why), ...ev.gateFailures];
	for (const t of texts) {
		const m = STATUS_IN_TEXT.exec(t);
		if (m) return STATUS_BY_TEXT.get(m[1]) ?? null;
	}
	// The status gate passed (a failure names the status): when the set admits States Parties only, that is what it is.
	return !set.gates.admitSignatories && !set.gates.admitNotParty ? 'state_party' : null;
}

type Outcome = { text: string; funded: boolean };

function outcomeOf(row: ReportRow, reason: AllocationReason | undefined): Outcome {
	switch (row.status) {
		case 'accepted':
			return { text: OUTCOME.accepted, funded: true };
		case 'offered':
			return { text: OUTCOME.offered, funded: true };
		case 'declined':
		case 'expired':
		case 'withdrawn':
			return { text: REASON_TEXT[row.status], funded: false };
		default:
			if (!reason) return { text: OUTCOME.unallocated, funded: false };
			return { text: reason === 'funded' ? OUTCOME.toOffer : REASON_TEXT[reason], funded: false };
	}
}

interface Item {
	row: ReportRow;
	funded: boolean;
	cost: number;
}

/** Fixed categories keep their order and show even when empty; a fallback ("Not stated", "Not known") only when used. */
function groupBy(items: Item[], keyOf: (i: Item) => string, order: readonly string[] | 'alphabetical', optional: readonly string[] = []): ReportGroup[] {
	const groups = new Map<string, ReportGroup>();
	const add = (group: string) => groups.get(group) ?? groups.set(group, { group, applications: 0, funded: 0, accepted: 0, costCentimes: 0 }).get(group)!;
	if (order !== 'alphabetical') for (const g of order) if (!optional.includes(g)) add(g);
	for (const i of items) {
		const g = add(keyOf(i));
		g.applications += 1;
		if (i.funded) {
			g.funded += 1;
			g.costCentimes += i.cost;
		}
		if (i.row.status === 'accepted') g.accepted += 1;
	}
	const rank = (g: string) => {
		if (order === 'alphabetical') return g === NOT_STATED ? 1 : 0;
		const i = order.indexOf(g);
		return i < 0 ? order.length : i;
	};
	return [...groups.values()].sort((a, b) => rank(a.group) - rank(b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

export function sponsorshipReport(review: ReportInput): SponsorshipReport {
	const dsa = review.programme?.dsa_centimes ?? 0;
	const reasons = new Map(review.allocation?.rows.map((r) => [r.applicationId, r.reason]) ?? []);
	const rows = review.rows.filter((r) => r.status !== 'draft');
	const outcomes = new Map(rows.map((r) => [r.applicationId, outcomeOf(r, reasons.get(r.applicationId))]));
	const items: Item[] = rows.map((row) => ({ row, funded: outcomes.get(row.applicationId)!.funded, cost: costOf(row, dsa) }));

	const count = (p: (r: ReportRow) => boolean) => rows.filter(p).length;
	const sum = (p: (i: Item) => boolean) => items.filter(p).reduce((s, i) => s + i.cost, 0);
	const submitted = (funded: boolean) => count((r) => r.status === 'submitted' && (reasons.get(r.applicationId) === 'funded') === funded);
	const budgetCentimes = review.programme?.budget_centimes ?? 0;
	const committedCentimes = sum((i) => i.funded);

	return {
		criteria: { version: review.criteria.version, adoptedAt: review.criteria.adoptedAt },
		hasProgramme: review.programme !== null,
		totals: {
			applications: rows.length,
			eligible: count((r) => r.ranked.evaluation.eligible),
			offered: count((r) => r.status === 'offered'),
			accepted: count((r) => r.status === 'accepted'),
			declined: count((r) => r.status === 'declined'),
			expired: count((r) => r.status === 'expired'),
			withdrawn: count((r) => r.status === 'withdrawn'),
			toOffer: submitted(true),
			notFunded: submitted(false),
			budgetCentimes,
			committedCentimes,
			acceptedCostCentimes: sum((i) => i.row.status === 'accepted'),
			leftCentimes: budgetCentimes - committedCentimes
		},
		byRegion: groupBy(items, (i) => regionGroup(i.row.region), 'alphabetical'),
		byGender: groupBy(items, (i) => genderGroup(i.row.gender), GENDER_ORDER, [NOT_STATED]),
		byCcmStatus: groupBy(
			items,
			(i) => {
				const s = ccmStatusOf(i.row, review.criteria);
				return s ? CCM_STATUS_TEXT[s] : NOT_KNOWN;
			},
			CCM_ORDER,
			[NOT_KNOWN]
		),
		byObligations: groupBy(items, (i) => (i.row.obligations ? OBLIGATIONS.yes : OBLIGATIONS.no), [OBLIGATIONS.yes, OBLIGATIONS.no]),
		byOutcome: groupBy(items, (i) => outcomes.get(i.row.applicationId)!.text, OUTCOME_ORDER, OUTCOME_ORDER)
	};
}

export const REPORT_CSV_COLUMNS = ['dimension', 'group', 'applications', 'funded', 'accepted', 'cost_chf'].map((key) => ({ key, header: key }));

/** One section per dimension, then the total, as rows for `registrationsCsv(rows, REPORT_CSV_COLUMNS)`. */
export function reportCsvRows(report: SponsorshipReport): Record<string, string | number>[] {
	const t = report.totals;
	const all: ReportGroup = {
		group: 'All applications',
		applications: t.applications,
		funded: t.offered + t.accepted,
		accepted: t.accepted,
		costCentimes: t.committedCentimes
	};
	const sections = [...REPORT_DIMENSIONS.map((d) => ({ label: d.label, groups: report[d.key] })), { label: 'Total', groups: [all] }];
	return sections.flatMap((s) =>
		s.groups.map((g) => ({
			dimension: s.label,
			group: g.group,
			applications: g.applications,
			funded: g.funded,
			accepted: g.accepted,
			cost_chf: chfDecimal(g.costCentimes)
		}))
	);
}
