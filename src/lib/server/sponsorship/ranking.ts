import type { Evaluation } from './evaluate';
import { m } from '$lib/paraglide/messages';

const RULES = [m.del_tie_break_eligible, m.del_tie_break_total, m.del_tie_break_criteria, m.del_tie_break_earlier, m.del_tie_break_number];

/** The order, as shown to staff and the Coordination Committee beside the ranked table (its English text). */
export const TIE_BREAK_RULES = RULES.map((rule) => rule({}, { locale: 'en' }));

export const TIE_BREAK_TEXT = TIE_BREAK_RULES.join(' ');

/** The same rules in the language of the page being answered. */
export const tieBreakText = (): string => RULES.map((rule) => rule()).join(' ');

/** A total order (application numbers are unique), so the same data always gives the same ranking. */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
	if (a.eligible !== b.eligible) return a.eligible ? -1 : 1;
	if (a.total !== b.total) return b.total - a.total;
	const i = firstDifference(a, b);
	if (i >= 0) return b.breakdown[i].points - a.breakdown[i].points;
	// ISO-8601 UTC instants in one format compare correctly as text.
	if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
	return a.applicationId - b.applicationId;
}

/** Index of the first criterion, in set order, on which the two differ; -1 if none. */
function firstDifference(a: Evaluation, b: Evaluation): number {
	const n = Math.min(a.breakdown.length, b.breakdown.length);
	for (let i = 0; i < n; i++) if (a.breakdown[i].points !== b.breakdown[i].points) return i;
	return -1;
}

/** Which tie-break put `b` below `a`, for two evaluations with the same eligibility and total (in the page's language). */
function tieBreakBetween(a: Evaluation, b: Evaluation): string {
	const i = firstDifference(a, b);
	if (i >= 0) return m.why_tie_more_points({ label: a.breakdown[i].label });
	return a.submittedAt !== b.submittedAt ? m.why_tie_earlier() : m.why_tie_number();
}

export interface Ranked<T extends Evaluation = Evaluation> {
	/** 1-based place in the ranking. */
	position: number;
	evaluation: T;
	/** Which tie-break placed this row below the one above, when their totals are equal; null otherwise. */
	tieBreak: string | null;
}

function checkComparable(evaluations: readonly Evaluation[]) {
	const versions = new Set(evaluations.map((e) => e.version));
	// Breakdowns of different versions do not line up criterion by criterion: re-evaluate first.
	if (versions.size > 1) throw new Error(`Cannot rank scores of different criteria versions (${[...versions].join(', ')}).`);
	const ids = new Set(evaluations.map((e) => e.applicationId));
	if (ids.size !== evaluations.length) throw new Error('Cannot rank: an application appears twice.');
}

export function rank<T extends Evaluation>(evaluations: readonly T[]): Ranked<T>[] {
	checkComparable(evaluations);
	const sorted = [...evaluations].sort(compareEvaluations);
	return sorted.map((evaluation, i) => {
		const above = sorted[i - 1];
		const tied = above !== undefined && above.eligible === evaluation.eligible && above.total === evaluation.total;
		return { position: i + 1, evaluation, tieBreak: tied ? tieBreakBetween(above, evaluation) : null };
	});
}
