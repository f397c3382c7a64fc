import type { CcmStatus, DelegationRole } from '../src/lib/server/db';
import { allocate, type AllocationApplicant } from '../src/lib/server/sponsorship/allocation';
import { defaultCriteria, type CriteriaSet } from '../src/lib/server/sponsorship/criteria';
import { evaluate, type ApplicantFacts } from '../src/lib/server/sponsorship/evaluate';
import { rank } from '../src/lib/server/sponsorship/ranking';

/*
 * The speed target: score, rank and allocate 1,000 applications with 12 criteria in under 100 ms.
 * Synthetic data is made before the clock starts; only the three steps are timed.
 */

export const BENCH_MEETING_START = '2026-09-07';

/** Small deterministic PRNG (mulberry32): the same seed gives the same applicants on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Middle East', 'Pacific'];
const STATUSES: CcmStatus[] = ['state_party', 'state_party', 'state_party', 'signatory', 'not_party'];
const ROLES: DelegationRole[] = ['head', 'alternate', 'adviser', 'member', 'observer'];

/** Every criterion switched on with non-empty lists, so all twelve do their full work. */
export function benchmarkCriteria(): CriteriaSet {
	const set = defaultCriteria();
	set.criteria = set.criteria.map((c) => {
		const on = { ...c, weight: c.weight || 5 };
		if (on.kind === 'region_balance') on.priorityRegions = ['Africa', 'Asia', 'Pacific'];
		if (on.kind === 'gender_balance') on.underRepresented = ['female'];
		return on;
	});
	return set;
}

export function syntheticApplicants(n: number, seed = 42): ApplicantFacts[] {
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const date = (fromYear: number, years: number) => {
		const d = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(rnd() * years * 365) * 86_400_000);
		return d.toISOString().slice(0, 10);
	};
	const states = Array.from({ length: 160 }, (_, i) => ({
		iso3: `S${String(i).padStart(2, '0')}`,
		name: `State ${i}`,
		status: pick(STATUSES),
		region: pick(REGIONS),
		art3: rnd() < 0.1 ? date(2024, 6) : null,
		art4: rnd() < 0.15 ? date(2024, 8) : null,
		victims: rnd() < 0.2,
		ldc: rnd() < 0.3
	}));
	return Array.from({ length: n }, (_, i) => {
		const s = pick(states);
		return {
			applicationId: i + 1,
			stateIso3: s.iso3,
			stateName: s.name,
			ccmStatus: s.status,
			region: s.region,
			art3Deadline: s.art3,
			art4Deadline: s.art4,
			hasVictims: s.victims,
			leastDeveloped: s.ldc,
			lastArticle7Report: rnd() < 0.8 ? date(2023, 4) : null,
			sponsoredLastMeeting: rnd() < 0.3,
			role: pick(ROLES),
			gender: pick(['female', 'male', null]),
			answers: { statement: rnd() < 0.6, statementItems: rnd() < 0.5 ? ['5', '10 (a)'] : [], implementationResponsibility: rnd() < 0.5 },
			staffScore: rnd() < 0.3 ? { points: Math.floor(rnd() * 6), reason: 'Relevant expertise' } : null,
			endorsedByFocalPoint: rnd() < 0.95,
			inDelegation: rnd() < 0.97,
			submittedAt: new Date(Date.UTC(2026, 5, 1) + Math.floor(rnd() * 30 * 86_400) * 1000).toISOString(),
			airfareCentimes: 40_000 + Math.floor(rnd() * 200_000),
			nights: 3 + Math.floor(rnd() * 4)
		};
	});
}

/** Evaluate, rank and allocate: the work the staff page does on every view. */
export function scoreRankAllocate(set: CriteriaSet, facts: ApplicantFacts[], meetingStart: string, budgetCentimes: number) {
	const byId = new Map(facts.map((f) => [f.applicationId, f]));
	const ranked = rank(facts.map((f) => evaluate(set, f, meetingStart)));
	const applicants: AllocationApplicant[] = ranked.map(({ evaluation: e }) => {
		const f = byId.get(e.applicationId)!;
		return {
			applicationId: e.applicationId,
			stateIso3: e.stateIso3,
			airfareCentimes: f.airfareCentimes,
			nights: f.nights,
			status: 'applied',
			eligible: e.eligible
		};
	});
	return { ranked, allocation: allocate({ budgetCentimes, dsaCentimes: 30_000, placesPerState: 2, ranked: applicants }) };
}

export interface BenchmarkResult {
	n: number;
	criteria: number;
	wallMs: number;
	/** This process's user + system CPU time: steadier than wall time on a shared machine. */
	cpuMs: number;
	funded: number;
}

export function benchmarkSponsorship(n = 1000): BenchmarkResult {
	const set = benchmarkCriteria();
	const facts = syntheticApplicants(n);
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const { allocation } = scoreRankAllocate(set, facts, BENCH_MEETING_START, 10_000_000);
	const wallMs = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	return {
		n,
		criteria: set.criteria.length,
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		funded: allocation.rows.filter((r) => r.decision === 'fund').length
	};
}
