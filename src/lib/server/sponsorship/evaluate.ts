import type { CcmStatus, DelegationRole } from '../db';
import { ROLE_LABELS } from '../registration';
import { statusOn } from '../organizations';
import type { CriteriaSet, CriterionConfig, CriterionKind } from './criteria';
import type { DeadlineAsAt, FactBasis, FactsAsAt } from '../organizations';

/** Everything one application is scored on: the state's facts at the meeting date, the person, their answers. */
export interface ApplicantFacts {
	applicationId: number;
	stateIso3: string;
	stateName: string;
	/** At the meeting's date: use `stateFacts`, never today's status. */
	ccmStatus: CcmStatus;
	region: string | null;
	art3Deadline: string | null;
	art4Deadline: string | null;
	hasVictims: boolean;
	leastDeveloped: boolean;
	lastArticle7Report: string | null;
	sponsoredLastMeeting: boolean;
	role: DelegationRole;
	gender: string | null;
	answers: { statement: boolean; statementItems: string[]; implementationResponsibility: boolean };
	staffScore: { points: number; reason: string } | null;
	/** Staff corrections of a computed criterion, each with its reason (audited where they are saved). */
	adjustments?: Adjustment[];
	endorsedByFocalPoint: boolean;
	inDelegation: boolean;
	/** ISO-8601 UTC instant. */
	submittedAt: string;
	airfareCentimes: number;
	nights: number;
	/** The state's dated facts as at the meeting (organizations/as-at.ts): when given, scores name each fact's date and source, and an unknown fact gives no points. */
	asAt?: FactsAsAt;
}

export interface Adjustment {
	criterionId: string;
	points: number;
	reason: string;
}

export interface BreakdownRow {
	criterionId: string;
	label: string;
	points: number;
	max: number;
	why: string;
	adjusted: boolean;
}

export interface Evaluation {
	applicationId: number;
	stateIso3: string;
	submittedAt: string;
	/** The criteria version the scores were computed with: store it beside them. */
	version: number;
	eligible: boolean;
	gateFailures: string[];
	/** One row per criterion, in the set's order. */
	breakdown: BreakdownRow[];
	total: number;
}

export const CCM_STATUS_TEXT: Record<CcmStatus, string> = {
	state_party: 'State Party',
	signatory: 'Signatory',
	not_party: 'State not party'
};

/** The state part of `ApplicantFacts`, with the CCM status as at the meeting date (from the date joined). */
export function stateFacts(
	org: {
		iso3: string | null;
		name: string;
		ccm_status: CcmStatus | null;
		joined: string | null;
		region: string | null;
		art3_deadline: string | null;
		art4_deadline: string | null;
	},
	meetingStart: string
): Pick<ApplicantFacts, 'stateIso3' | 'stateName' | 'ccmStatus' | 'region' | 'art3Deadline' | 'art4Deadline'> {
	return {
		stateIso3: org.iso3 ?? '',
		stateName: org.name,
		ccmStatus: statusOn({ kind: 'state', ccm_status: org.ccm_status, joined: org.joined }, day(meetingStart)) ?? 'not_party',
		region: org.region,
		art3Deadline: org.art3_deadline,
		art4Deadline: org.art4_deadline
	};
}

/** The state part of `ApplicantFacts` from its dated facts as at the meeting's date. */
export function stateFactsAsAt(
	org: { iso3: string | null; name: string; region: string | null },
	asAt: FactsAsAt
): Pick<ApplicantFacts, 'stateIso3' | 'stateName' | 'ccmStatus' | 'region' | 'art3Deadline' | 'art4Deadline' | 'hasVictims' | 'leastDeveloped' | 'asAt'> {
	const deadline = (d: DeadlineAsAt) => (d.state === 'deadline' ? d.deadline : null);
	return {
		stateIso3: org.iso3 ?? '',
		stateName: org.name,
		ccmStatus: asAt.status.status,
		region: org.region,
		art3Deadline: deadline(asAt.art3),
		art4Deadline: deadline(asAt.art4),
		hasVictims: asAt.victims.known && asAt.victims.value,
		leastDeveloped: asAt.leastDeveloped.known && asAt.leastDeveloped.value,
		asAt
	};
}

/** " (accession 2019-09-27; source: …)": what a score rests on, as the breakdown shows it. */
export const cite = (b: FactBasis | null | undefined) => (b ? ` (${b.what}${b.date ? ` ${b.date}` : ''}; source: ${b.source})` : '');

// ---- dates, as YYYY-MM-DD text (sorts correctly; no time zone can shift a day) -----------------------------

const day = (iso: string) => iso.slice(0, 10);

/** Same day of month N months later (or earlier), clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
	const y = Number(date.slice(0, 4));
	const m0 = Number(date.slice(5, 7)) - 1 + months;
	const year = y + Math.floor(m0 / 12);
	const month = ((m0 % 12) + 12) % 12;
	const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	const d = Math.min(Number(date.slice(8, 10)), last);
	return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---- gates --------------------------------------------------------------------------------------------------

export function gateFailures(set: CriteriaSet, f: ApplicantFacts): string[] {
	const out: string[] = [];
	const admitted =
		f.ccmStatus === 'state_party' || (f.ccmStatus === 'signatory' && set.gates.admitSignatories) || (f.ccmStatus === 'not_party' && set.gates.admitNotParty);
	if (!admitted)
		out.push(
			`${f.stateName} is a ${CCM_STATUS_TEXT[f.ccmStatus]} at the meeting date, and the criteria (version ${set.version}) do not admit ${f.ccmStatus === 'signatory' ? 'Signatories' : 'States not party'}.`
		);
	if (!f.inDelegation) out.push(`The applicant is not in ${f.stateName}'s delegation to this meeting.`);
	if (!f.endorsedByFocalPoint) out.push(`${f.stateName}'s focal point has not endorsed the application.`);
	return out;
}

// ---- criteria -----------------------------------------------------------------------------------------------

/** Integer points for a whole-percent share of a weight, rounded half up: no floats reach a score. */
export const pointsOf = (weight: number, share: number) => Math.floor((weight * share + 50) / 100);

type Scored = { points: number; why: string };
type Evaluator<K extends CriterionKind> = (c: Extract<CriterionConfig, { kind: K }>, f: ApplicantFacts, meetingDay: string) => Scored;

const all = (c: CriterionConfig, met: boolean, yes: string, no: string): Scored => ({ points: met ? c.weight : 0, why: met ? yes : no });

const ARTICLE_NAME = { art3: 'Article 3', art4: 'Article 4' } as const;
type Deadline = { name: string; date: string };

const EVALUATORS: { [K in CriterionKind]: Evaluator<K> } = {
	ccm_status: (c, f) => ({
		points: pointsOf(c.weight, c.share[f.ccmStatus] ?? 0),
		why: `${f.stateName} is a ${CCM_STATUS_TEXT[f.ccmStatus]} at the meeting date${cite(f.asAt?.status.basis)}`
	}),
	open_obligation: (c, f, meetingDay) => {
		if (f.ccmStatus !== 'state_party') return { points: 0, why: 'Article 3 and 4 obligations apply to States Parties only' };
		if (f.asAt) return obligationAsAt(c, f.asAt, meetingDay);
		// The nearest deadline not passed by the meeting counts; else the latest passed one is named.
		let open = null as Deadline | null;
		let passed = null as Deadline | null;
		for (const a of c.articles) {
			const date = a === 'art3' ? f.art3Deadline : f.art4Deadline;
			if (date === null) continue;
			if (date >= meetingDay) open = open && open.date <= date ? open : { name: ARTICLE_NAME[a], date };
			else passed = passed && passed.date >= date ? passed : { name: ARTICLE_NAME[a], date };
		}
		if (!open) {
			// A passed deadline may hide an extension we do not hold yet: say so, so staff can check.
			return {
				points: 0,
				why: passed
					? `${passed.name} deadline ${passed.date} had passed by the meeting (check for an extension)`
					: `No ${c.articles.map((a) => ARTICLE_NAME[a]).join(' or ')} deadline on record`
			};
		}
		return open.date <= addMonths(meetingDay, c.soonMonths)
			? { points: pointsOf(c.weight, c.soonShare), why: `${open.name} deadline ${open.date} is within ${c.soonMonths} months of the meeting` }
			: { points: pointsOf(c.weight, c.openShare), why: `${open.name} deadline ${open.date} is open, more than ${c.soonMonths} months after the meeting` };
	},
	victim_assistance: (c, f) => {
		if (f.ccmStatus !== 'state_party') return { points: 0, why: 'Article 5 (victim assistance) applies to States Parties only' };
		const v = f.asAt?.victims;
		if (v && !v.known) return unknownFact(v.reason, v.basis);
		return all(
			c,
			f.hasVictims,
			`${f.stateName} has cluster munition victims (Article 5)${cite(v?.basis)}`,
			`No cluster munition victims recorded for ${f.stateName}${cite(v?.basis)}`
		);
	},
	least_developed: (c, f) => {
		const l = f.asAt?.leastDeveloped;
		if (l && !l.known) return unknownFact(l.reason, l.basis);
		return all(
			c,
			f.leastDeveloped,
			`${f.stateName} is a least developed country (UN list)${cite(l?.basis)}`,
			`${f.stateName} is not recorded as a least developed country${cite(l?.basis)}`
		);
	},
	region_balance: (c, f) => {
		if (!f.region) return { points: 0, why: 'No region recorded' };
		const hit = c.priorityRegions.some((r) => r.trim().toLowerCase() === f.region!.trim().toLowerCase());
		return all(c, hit, `${f.region} is a priority region`, `${f.region} is not a priority region (${c.priorityRegions.join(', ') || 'none listed'})`);
	},
	article7_current: (c, f, meetingDay) => {
		if (!f.lastArticle7Report) return { points: 0, why: 'No Article 7 report on record' };
		const since = addMonths(meetingDay, -c.withinMonths);
		return all(
			c,
			day(f.lastArticle7Report) >= since,
			`Last Article 7 report ${day(f.lastArticle7Report)}, within ${c.withinMonths} months before the meeting`,
			`Last Article 7 report ${day(f.lastArticle7Report)} is older than ${c.withinMonths} months`
		);
	},
	previous_sponsorship: (c, f) => all(c, !f.sponsoredLastMeeting, 'Not sponsored at the previous meeting (rotation)', 'Sponsored at the previous meeting'),
	role: (c, f) => ({ points: pointsOf(c.weight, c.share[f.role] ?? 0), why: `Role in the delegation: ${ROLE_LABELS[f.role] ?? f.role}` }),
	gender_balance: (c, f) => {
		if (!f.gender) return { points: 0, why: 'Gender not given' };
		const hit = c.underRepresented.some((g) => g.trim().toLowerCase() === f.gender!.trim().toLowerCase());
		return all(c, hit, `Gender ${f.gender} is listed as under-represented`, `Gender ${f.gender} is not listed as under-represented`);
	},
	statement: (c, f) => {
		if (!f.answers.statement) return { points: 0, why: 'Will not deliver a statement' };
		const items = f.answers.statementItems.filter((i) => i.trim() !== '');
		return items.length
			? { points: pointsOf(c.weight, c.withItemsShare), why: `Will deliver a statement on agenda item${items.length > 1 ? 's' : ''} ${items.join(', ')}` }
			: { points: pointsOf(c.weight, c.statementShare), why: 'Will deliver a statement (no agenda item named)' };
	},
	implementation_responsibility: (c, f) =>
		all(
			c,
			f.answers.implementationResponsibility,
			'Responsible for implementation at home (own answer)',
			'Not responsible for implementation at home (own answer)'
		),
	staff_score: (c, f) => {
		const s = f.staffScore;
		if (!s) return { points: 0, why: 'Not scored by staff yet' };
		// A staff score without a reason does not count: the reason is what makes it reviewable.
		if (s.reason.trim() === '') return { points: 0, why: 'Staff score ignored: no reason given' };
		return { points: clamp(s.points, c.weight), why: `Staff: ${s.reason.trim()}` };
	}
};

/** A fact the sources leave open: no points, and the breakdown says so for staff to settle. */
const unknownFact = (reason: string, b: FactBasis | null): Scored => ({ points: 0, why: `Unknown: ${reason}${cite(b)}; counts 0 until staff settle it` });

function obligationAsAt(c: Extract<CriterionConfig, { kind: 'open_obligation' }>, asAt: FactsAsAt, meetingDay: string): Scored {
	let open = null as { name: string; date: string; basis: FactBasis } | null;
	const notes: string[] = [];
	let unknown = null as Scored | null;
	for (const a of c.articles) {
		const d = asAt[a];
		const name = ARTICLE_NAME[a];
		if (d.state === 'unknown') unknown ??= unknownFact(d.reason, d.basis);
		else if (d.state === 'completed') notes.push(`${name} obligations fulfilled${cite(d.basis)}`);
		else if (d.state === 'deadline') {
			if (d.deadline >= meetingDay) open = open && open.date <= d.deadline ? open : { name, date: d.deadline, basis: d.basis };
			else notes.push(`${name} deadline ${d.deadline} had passed by the meeting${cite(d.basis)}`);
		}
	}
	if (!open) return unknown ?? { points: 0, why: notes.join('; ') || `No ${c.articles.map((a) => ARTICLE_NAME[a]).join(' or ')} deadline on record` };
	const soon = open.date <= addMonths(meetingDay, c.soonMonths);
	return soon
		? { points: pointsOf(c.weight, c.soonShare), why: `${open.name} deadline ${open.date} is within ${c.soonMonths} months of the meeting${cite(open.basis)}` }
		: {
				points: pointsOf(c.weight, c.openShare),
				why: `${open.name} deadline ${open.date} is open, more than ${c.soonMonths} months after the meeting${cite(open.basis)}`
			};
}

const clamp = (points: number, max: number) => Math.max(0, Math.min(max, Math.trunc(points)));

// Module-level helpers, not closures: the hot path runs 12 × 1,000 times per ranking (and tsx names every closure).
const row = (c: CriterionConfig, points: number, why: string, adjusted: boolean): BreakdownRow => ({
	criterionId: c.id,
	label: c.label,
	points,
	max: c.weight,
	why,
	adjusted
});

function scoreOne(c: CriterionConfig, f: ApplicantFacts, meetingDay: string): BreakdownRow {
	if (c.weight === 0) return row(c, 0, 'Not in use (weight 0)', false);
	// The mapped type guarantees each evaluator matches its kind; TypeScript cannot follow that through the index.
	const scored = (EVALUATORS[c.kind] as (c: CriterionConfig, f: ApplicantFacts, d: string) => Scored)(c, f, meetingDay);
	const adj = f.adjustments?.find((a) => a.criterionId === c.id && a.reason.trim() !== '');
	if (!adj) return row(c, scored.points, scored.why, false);
	const points = clamp(adj.points, c.weight);
	return row(c, points, `${scored.why}. Adjusted by staff from ${scored.points} to ${points}: ${adj.reason.trim()}`, true);
}

/** Scores one application with a valid set (check it with `validateCriteria` when it is saved). */
export function evaluate(set: CriteriaSet, f: ApplicantFacts, meetingStart: string): Evaluation {
	const meetingDay = day(meetingStart);
	const breakdown = set.criteria.map((c) => scoreOne(c, f, meetingDay));
	const failures = gateFailures(set, f);
	return {
		applicationId: f.applicationId,
		stateIso3: f.stateIso3,
		submittedAt: f.submittedAt,
		version: set.version,
		eligible: failures.length === 0,
		gateFailures: failures,
		breakdown,
		total: breakdown.reduce((sum, r) => sum + r.points, 0)
	};
}
