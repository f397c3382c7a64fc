import type { CcmStatus, DelegationRole } from '../db';
import { ROLE_LABELS } from '../registration';
import { statusOn } from '../organizations';
import type { CriteriaSet, CriterionConfig, CriterionKind } from './criteria';
import type { DeadlineAsAt, FactBasis, FactsAsAt } from '../organizations';
import { m } from '$lib/paraglide/messages';
import { currentLocale, BASE_LOCALE } from '$lib/i18n';
import { stateName as localStateName } from '$lib/state-names';
import { GENDERS } from '../registration';

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

/**
 * " (acceded 2019-09-27; source: …)": what a score rests on, as the breakdown shows it, in the language of the page
 * (the `what` comes from organizations/as-at.ts in the same language; the source is the record's, as written).
 */
export const cite = (b: FactBasis | null | undefined) => (b ? ` ${m.why_cite({ what: b.date ? `${b.what} ${b.date}` : b.what, source: b.source })}` : '');

/*
 * Every text below is made in the language of the request being answered (English outside a request): the breakdown
 * is shown, never stored, except by sendOffers, which computes it in English for the record (store.ts).
 * The state's name follows the page (Intl.DisplayNames by ISO3, state-names.ts); English keeps the recorded name.
 */
const nameOf = (f: ApplicantFacts) => localStateName(f.stateName, f.stateIso3);

/** A gender as the person chose it: the recorded value on English pages (as always), its label in another language. */
function genderText(g: string): string {
	if (currentLocale() === BASE_LOCALE) return g;
	const key = g.trim().toLowerCase();
	return key in GENDERS ? GENDERS[key as keyof typeof GENDERS].toLowerCase() : g;
}

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
	const state = nameOf(f);
	// A State Party is always admitted: only the two other statuses can fail the gate.
	if (!admitted) out.push((f.ccmStatus === 'signatory' ? m.why_gate_signatory : m.why_gate_not_party)({ state, version: set.version }));
	if (!f.inDelegation) out.push(m.why_gate_not_in_delegation({ state }));
	if (!f.endorsedByFocalPoint) out.push(m.why_gate_not_endorsed({ state }));
	return out;
}

// ---- criteria -----------------------------------------------------------------------------------------------

/** Integer points for a whole-percent share of a weight, rounded half up: no floats reach a score. */
export const pointsOf = (weight: number, share: number) => Math.floor((weight * share + 50) / 100);

type Scored = { points: number; why: string };
type Evaluator<K extends CriterionKind> = (c: Extract<CriterionConfig, { kind: K }>, f: ApplicantFacts, meetingDay: string) => Scored;

/** All of the weight when met, none otherwise; `why` is made for the case that holds only (one message, not two). */
const all = (c: CriterionConfig, met: boolean, why: string): Scored => ({ points: met ? c.weight : 0, why });

const ARTICLE_NUMBER = { art3: 3, art4: 4 } as const;
type Deadline = { article: number; date: string };

const STATUS_WHY = { state_party: m.why_status_state_party, signatory: m.why_status_signatory, not_party: m.why_status_not_party } as const;

/** "No Article 3 or Article 4 deadline on record", naming the articles the criterion reads, in its order. */
function noDeadline(articles: readonly ('art3' | 'art4')[]): string {
	const [first, second] = articles.map((a) => ARTICLE_NUMBER[a]);
	return second === undefined ? m.why_no_deadline_one({ article: first }) : m.why_no_deadline_two({ first, second });
}

const EVALUATORS: { [K in CriterionKind]: Evaluator<K> } = {
	ccm_status: (c, f) => ({
		points: pointsOf(c.weight, c.share[f.ccmStatus] ?? 0),
		why: STATUS_WHY[f.ccmStatus]({ state: nameOf(f) }) + cite(f.asAt?.status.basis)
	}),
	open_obligation: (c, f, meetingDay) => {
		if (f.ccmStatus !== 'state_party') return { points: 0, why: m.why_obligations_parties_only() };
		if (f.asAt) return obligationAsAt(c, f.asAt, meetingDay);
		// The nearest deadline not passed by the meeting counts; else the latest passed one is named.
		let open = null as Deadline | null;
		let passed = null as Deadline | null;
		for (const a of c.articles) {
			const date = a === 'art3' ? f.art3Deadline : f.art4Deadline;
			if (date === null) continue;
			if (date >= meetingDay) open = open && open.date <= date ? open : { article: ARTICLE_NUMBER[a], date };
			else passed = passed && passed.date >= date ? passed : { article: ARTICLE_NUMBER[a], date };
		}
		if (!open) {
			// A passed deadline may hide an extension we do not hold yet: say so, so staff can check.
			return {
				points: 0,
				why: passed ? m.why_deadline_passed_check({ article: passed.article, date: passed.date }) : noDeadline(c.articles)
			};
		}
		const named = { article: open.article, date: open.date, months: c.soonMonths };
		return open.date <= addMonths(meetingDay, c.soonMonths)
			? { points: pointsOf(c.weight, c.soonShare), why: m.why_deadline_soon(named) }
			: { points: pointsOf(c.weight, c.openShare), why: m.why_deadline_open(named) };
	},
	victim_assistance: (c, f) => {
		if (f.ccmStatus !== 'state_party') return { points: 0, why: m.why_victims_parties_only() };
		const v = f.asAt?.victims;
		if (v && !v.known) return unknownFact(v.reason, v.basis);
		return all(c, f.hasVictims, (f.hasVictims ? m.why_victims_yes : m.why_victims_no)({ state: nameOf(f) }) + cite(v?.basis));
	},
	least_developed: (c, f) => {
		const l = f.asAt?.leastDeveloped;
		if (l && !l.known) return unknownFact(l.reason, l.basis);
		return all(c, f.leastDeveloped, (f.leastDeveloped ? m.why_ldc_yes : m.why_ldc_no)({ state: nameOf(f) }) + cite(l?.basis));
	},
	region_balance: (c, f) => {
		if (!f.region) return { points: 0, why: m.why_no_region() };
		const hit = c.priorityRegions.some((r) => r.trim().toLowerCase() === f.region!.trim().toLowerCase());
		const region = f.region;
		return all(c, hit, hit ? m.why_region_yes({ region }) : m.why_region_no({ region, regions: c.priorityRegions.join(', ') || m.why_regions_none() }));
	},
	article7_current: (c, f, meetingDay) => {
		if (!f.lastArticle7Report) return { points: 0, why: m.why_no_article7() };
		const last = { date: day(f.lastArticle7Report), months: c.withinMonths };
		const recent = last.date >= addMonths(meetingDay, -c.withinMonths);
		return all(c, recent, (recent ? m.why_article7_recent : m.why_article7_old)(last));
	},
	previous_sponsorship: (c, f) => all(c, !f.sponsoredLastMeeting, f.sponsoredLastMeeting ? m.why_sponsored_before() : m.why_not_sponsored_before()),
	role: (c, f) => ({ points: pointsOf(c.weight, c.share[f.role] ?? 0), why: m.why_role({ role: ROLE_LABELS[f.role] ?? f.role }) }),
	gender_balance: (c, f) => {
		if (!f.gender) return { points: 0, why: m.why_no_gender() };
		const hit = c.underRepresented.some((g) => g.trim().toLowerCase() === f.gender!.trim().toLowerCase());
		const gender = genderText(f.gender);
		return all(c, hit, (hit ? m.why_gender_listed : m.why_gender_not_listed)({ gender }));
	},
	statement: (c, f) => {
		if (!f.answers.statement) return { points: 0, why: m.why_no_statement() };
		const items = f.answers.statementItems.filter((i) => i.trim() !== '');
		return items.length
			? {
					points: pointsOf(c.weight, c.withItemsShare),
					why: (items.length > 1 ? m.why_statement_items : m.why_statement_item)({ items: items.join(', ') })
				}
			: { points: pointsOf(c.weight, c.statementShare), why: m.why_statement_no_item() };
	},
	implementation_responsibility: (c, f) => {
		const yes = f.answers.implementationResponsibility;
		return all(c, yes, yes ? m.why_implementation_yes() : m.why_implementation_no());
	},
	staff_score: (c, f) => {
		const s = f.staffScore;
		if (!s) return { points: 0, why: m.why_staff_not_yet() };
		// A staff score without a reason does not count: the reason is what makes it reviewable.
		if (s.reason.trim() === '') return { points: 0, why: m.why_staff_no_reason() };
		return { points: clamp(s.points, c.weight), why: m.why_staff({ reason: s.reason.trim() }) };
	}
};

/** A fact the sources leave open: no points, and the breakdown says so for staff to settle. */
const unknownFact = (reason: string, b: FactBasis | null): Scored => ({ points: 0, why: m.why_unknown({ reason, cite: cite(b) }) });

function obligationAsAt(c: Extract<CriterionConfig, { kind: 'open_obligation' }>, asAt: FactsAsAt, meetingDay: string): Scored {
	let open = null as { article: number; date: string; basis: FactBasis } | null;
	const notes: string[] = [];
	let unknown = null as Scored | null;
	for (const a of c.articles) {
		const d = asAt[a];
		const article = ARTICLE_NUMBER[a];
		if (d.state === 'unknown') unknown ??= unknownFact(d.reason, d.basis);
		else if (d.state === 'completed') notes.push(m.why_obligations_fulfilled({ article }) + cite(d.basis));
		else if (d.state === 'deadline') {
			if (d.deadline >= meetingDay) open = open && open.date <= d.deadline ? open : { article, date: d.deadline, basis: d.basis };
			else notes.push(m.why_deadline_passed({ article, date: d.deadline }) + cite(d.basis));
		}
	}
	if (!open) return unknown ?? { points: 0, why: notes.join('; ') || noDeadline(c.articles) };
	const named = { article: open.article, date: open.date, months: c.soonMonths };
	return open.date <= addMonths(meetingDay, c.soonMonths)
		? { points: pointsOf(c.weight, c.soonShare), why: m.why_deadline_soon(named) + cite(open.basis) }
		: { points: pointsOf(c.weight, c.openShare), why: m.why_deadline_open(named) + cite(open.basis) };
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
	if (c.weight === 0) return row(c, 0, m.why_not_in_use(), false);
	// The mapped type guarantees each evaluator matches its kind; TypeScript cannot follow that through the index.
	const scored = (EVALUATORS[c.kind] as (c: CriterionConfig, f: ApplicantFacts, d: string) => Scored)(c, f, meetingDay);
	const adj = f.adjustments?.find((a) => a.criterionId === c.id && a.reason.trim() !== '');
	if (!adj) return row(c, scored.points, scored.why, false);
	const points = clamp(adj.points, c.weight);
	return row(c, points, m.why_adjusted({ why: scored.why, from: scored.points, to: points, reason: adj.reason.trim() }), true);
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
