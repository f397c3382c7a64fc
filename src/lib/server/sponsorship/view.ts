import type { Review } from './store';
import { formatChf } from './allocation';
import { tieBreakText } from './ranking';
import { m } from '$lib/paraglide/messages';
import { localized } from '../registration';
import type { AllocationReason } from './allocation';

/** Why an application is or is not funded, in the page's language (REASON_TEXT stays the report's English). */
const REASON_LABELS: Record<AllocationReason, string> = localized({
	funded: m.del_reason_funded,
	over_budget: m.del_reason_over_budget,
	state_places_taken: m.del_reason_state_places_taken,
	ineligible: m.del_reason_ineligible,
	declined: m.del_reason_declined,
	expired: m.del_reason_expired,
	withdrawn: m.del_reason_withdrawn
});

export interface RankingFilter {
	region?: string;
	status?: string;
	gender?: string;
	obligations?: 'yes' | 'no';
}

/** The ranked table as the staff and Committee pages show it: plain data, every number explained. */
export function rankingView(r: Review, f: RankingFilter = {}) {
	const active = r.criteria.criteria.filter((c) => c.weight > 0);
	const alloc = new Map((r.allocation?.rows ?? []).map((x) => [x.applicationId, x]));
	const rows = r.rows
		.filter(
			(x) =>
				(!f.region || x.region === f.region) &&
				(!f.status || x.status === f.status) &&
				(!f.gender || (x.gender ?? '') === f.gender) &&
				(!f.obligations || x.obligations === (f.obligations === 'yes'))
		)
		.map((x) => {
			const a = alloc.get(x.applicationId);
			const ev = x.ranked.evaluation;
			return {
				id: x.applicationId,
				position: x.ranked.position,
				tieBreak: x.ranked.tieBreak,
				name: x.name,
				state: x.state,
				region: x.region ?? '',
				gender: x.gender ?? '',
				status: x.status,
				endorsement: x.endorsement,
				eligible: ev.eligible,
				gateFailures: ev.gateFailures,
				total: ev.total,
				breakdown: active.map((c) => {
					const b = ev.breakdown.find((y) => y.criterionId === c.id);
					return { id: c.id, points: b?.points ?? 0, max: b?.max ?? c.weight, why: b?.why ?? '', adjusted: b?.adjusted ?? false };
				}),
				cost: a ? formatChf(a.costCentimes) : '',
				decision: a?.decision ?? null,
				reason: a ? REASON_LABELS[a.reason] : ''
			};
		});
	return {
		version: r.criteria.version,
		adoptedAt: r.criteria.adoptedAt,
		columns: active.map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
		allCriteria: r.criteria.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
		rows,
		tieBreak: tieBreakText(),
		budget: r.programme ? formatChf(r.programme.budget_centimes) : null,
		used: r.allocation ? formatChf(r.allocation.usedCentimes) : null,
		left: r.allocation ? formatChf(r.allocation.leftCentimes) : null,
		committed: r.programme ? formatChf(r.programme.committed_centimes) : null,
		waitingList: (r.allocation?.waitingList ?? []).map((id) => r.rows.find((x) => x.applicationId === id)?.name ?? String(id)),
		warnings: r.allocation?.warnings ?? [],
		factsDay: r.factsDay,
		unknownFacts: r.unknownFacts,
		regions: [...new Set(r.rows.map((x) => x.region).filter(Boolean))].sort() as string[]
	};
}

export type RankingView = ReturnType<typeof rankingView>;
