import { formatChf } from '../../money';
import { m } from '$lib/paraglide/messages';
import { stateName } from '$lib/state-names';

/*
 * Allocation: walk the ranking, fund whoever fits the budget and their state's places. Pure and repeatable: after
 * a decline or an expired offer, run it again with the new statuses and offer to whoever is newly funded.
 * Money is integer centimes of CHF throughout.
 */

/** An application as the allocator sees it (`applied` = submitted and endorsed; drafts never reach it): not the stored status. */
export type AllocationStatus = 'applied' | 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
export type Decision = 'fund' | 'not_funded';
export type AllocationReason = 'funded' | 'over_budget' | 'state_places_taken' | 'ineligible' | 'declined' | 'expired' | 'withdrawn';

export interface AllocationApplicant {
	applicationId: number;
	stateIso3: string;
	airfareCentimes: number;
	nights: number;
	status: AllocationStatus;
	/** From the evaluation's gates; missing means eligible. */
	eligible?: boolean;
}

export interface AllocationInput {
	budgetCentimes: number;
	dsaCentimes: number;
	/** Funded places per state; null for no limit (the sources give no number). */
	placesPerState: number | null;
	/** In rank order. */
	ranked: AllocationApplicant[];
}

export interface AllocationRow {
	applicationId: number;
	stateIso3: string;
	status: AllocationStatus;
	decision: Decision;
	reason: AllocationReason;
	/** Airfare + DSA × nights. */
	costCentimes: number;
	/** Budget left when this applicant's turn came (after commitments), to explain an over_budget. */
	leftAtTurnCentimes: number;
}

export interface AllocationResult {
	rows: AllocationRow[];
	usedCentimes: number;
	/** Negative only when commitments already exceed the budget (see warnings). */
	leftCentimes: number;
	/** Eligible applicants not funded, still waiting (status applied), in rank order. */
	waitingList: number[];
	warnings: string[];
}

export const REASON_TEXT: Record<AllocationReason, string> = {
	funded: 'Funded',
	over_budget: 'The budget left when their turn came did not cover the cost',
	state_places_taken: "Their state's sponsored places were already taken",
	ineligible: 'Not eligible (see the gates)',
	declined: 'Declined the offer',
	expired: 'The offer expired without an answer',
	withdrawn: 'Withdrew the application'
};

const COMMITTED: readonly AllocationStatus[] = ['offered', 'accepted'];
const CLOSED: readonly AllocationStatus[] = ['declined', 'expired', 'withdrawn'];
const STATUSES: readonly AllocationStatus[] = ['applied', ...COMMITTED, ...CLOSED];

const nonNegativeInt = (v: number) => Number.isSafeInteger(v) && v >= 0;

/** Every reason the input cannot be allocated; `allocate` refuses input with any. */
export function validateAllocationInput(input: AllocationInput): string[] {
	const errors: string[] = [];
	if (!nonNegativeInt(input.budgetCentimes)) errors.push('The budget must be a whole, non-negative number of centimes.');
	if (!nonNegativeInt(input.dsaCentimes)) errors.push('The daily subsistence allowance must be a whole, non-negative number of centimes.');
	if (input.placesPerState !== null && !nonNegativeInt(input.placesPerState)) errors.push('Places per state must be a whole, non-negative number or no limit.');
	const seen = new Set<number>();
	for (const a of input.ranked) {
		const who = `Application ${a.applicationId}`;
		if (seen.has(a.applicationId)) errors.push(`${who} appears twice.`);
		seen.add(a.applicationId);
		if (!nonNegativeInt(a.airfareCentimes)) errors.push(`${who}: the airfare must be a whole, non-negative number of centimes.`);
		if (!nonNegativeInt(a.nights)) errors.push(`${who}: nights must be a whole, non-negative number.`);
		if (!STATUSES.includes(a.status)) errors.push(`${who}: unknown status "${a.status}".`);
		if (!Number.isSafeInteger(costOf(a, input.dsaCentimes))) errors.push(`${who}: the cost is too large.`);
	}
	return errors;
}

export const costOf = (a: Pick<AllocationApplicant, 'airfareCentimes' | 'nights'>, dsaCentimes: number) => a.airfareCentimes + dsaCentimes * a.nights;

const rowOf = (a: AllocationApplicant, cost: number, left: number, decision: Decision, reason: AllocationReason): AllocationRow => ({
	applicationId: a.applicationId,
	stateIso3: a.stateIso3,
	status: a.status,
	decision,
	reason,
	costCentimes: cost,
	leftAtTurnCentimes: left
});

function reasonNotToFund(a: AllocationApplicant, cost: number, left: number, taken: number, places: number | null): AllocationReason | null {
	if (a.status !== 'applied') return a.status as AllocationReason;
	if (a.eligible === false) return 'ineligible';
	if (places !== null && taken >= places) return 'state_places_taken';
	// Not a stop: the walk goes on, and a cheaper applicant further down may still fit.
	if (cost > left) return 'over_budget';
	return null;
}

export function allocate(input: AllocationInput): AllocationResult {
	const errors = validateAllocationInput(input);
	if (errors.length) throw new RangeError(errors.join(' '));
	const { budgetCentimes: budget, dsaCentimes: dsa, placesPerState: places } = input;
	const perState = new Map<string, number>();
	const warnings: string[] = [];

	// Offers already made are promises: they count first, whatever their rank, and are never withdrawn here.
	let used = 0;
	for (const a of input.ranked) {
		if (!COMMITTED.includes(a.status)) continue;
		used += costOf(a, dsa);
		perState.set(a.stateIso3, (perState.get(a.stateIso3) ?? 0) + 1);
		if (a.eligible === false) warnings.push(m.why_alloc_ineligible_offer({ id: a.applicationId }));
	}
	// Warnings are shown to staff in the page's language, never stored.
	if (used > budget) warnings.push(m.why_alloc_over_budget({ used: formatChf(used), budget: formatChf(budget) }));
	if (places !== null)
		for (const [iso3, n] of perState)
			if (n > places) warnings.push((places === 1 ? m.why_alloc_places_one : m.why_alloc_places_other)({ state: stateName(iso3, iso3), count: n, places }));

	const rows: AllocationRow[] = [];
	for (const a of input.ranked) {
		const cost = costOf(a, dsa);
		const left = budget - used;
		if (COMMITTED.includes(a.status)) {
			rows.push(rowOf(a, cost, left, 'fund', 'funded'));
			continue;
		}
		const taken = perState.get(a.stateIso3) ?? 0;
		const reason = reasonNotToFund(a, cost, left, taken, places);
		rows.push(rowOf(a, cost, left, reason ? 'not_funded' : 'fund', reason ?? 'funded'));
		if (reason) continue;
		used += cost;
		perState.set(a.stateIso3, taken + 1);
	}

	return {
		rows,
		usedCentimes: used,
		leftCentimes: budget - used,
		waitingList: rows.filter((r) => r.status === 'applied' && r.decision === 'not_funded' && r.reason !== 'ineligible').map((r) => r.applicationId),
		warnings
	};
}

/** Applicants the result funds who have no offer yet: send them one (then mark them offered). */
export function offersToMake(result: AllocationResult): number[] {
	return result.rows.filter((r) => r.decision === 'fund' && r.status === 'applied').map((r) => r.applicationId);
}

/** After a decline or an expiry: the applicants the new allocation funds that the previous one did not. */
export function nextOffers(previous: AllocationResult, next: AllocationResult): number[] {
	const before = new Set(previous.rows.filter((r) => r.decision === 'fund').map((r) => r.applicationId));
	return offersToMake(next).filter((id) => !before.has(id));
}

/** The input with one applicant's status changed, e.g. after a decline. */
export function withStatus(input: AllocationInput, applicationId: number, status: AllocationStatus): AllocationInput {
	return { ...input, ranked: input.ranked.map((a) => (a.applicationId === applicationId ? { ...a, status } : a)) };
}

/** Offers whose answer deadline has passed by `now` (ISO-8601 UTC): set them to expired, then allocate again. */
export function expiredOffers(offers: { applicationId: number; status: AllocationStatus; offerExpiresAt: string | null }[], now: string): number[] {
	return offers.filter((o) => o.status === 'offered' && o.offerExpiresAt !== null && o.offerExpiresAt <= now).map((o) => o.applicationId);
}

export { formatChf };
