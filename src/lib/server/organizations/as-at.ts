import type { CcmStatus, StateFactKind } from '../db';

/*
 * A state's facts as at a day (a meeting's start date): pure functions over its dated entries, no database.
 * Dates are text: YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no more. A partial date that spans the day asked
 * about leaves the fact unknown rather than guessed.
 */

export interface FactEntry {
	id: number;
	kind: StateFactKind;
	event: string;
	article: number | null;
	on_date: string | null;
	deadline: string | null;
	outcome: 'confirmed' | 'unknown';
	granted_at: string | null;
	confidence: 'high' | 'medium' | 'low' | null;
	source: string;
	note: string | null;
	replaces_id: number | null;
}

/** What a fact rests on: shown beside each score. */
export interface FactBasis {
	what: string;
	date: string | null;
	source: string;
}

export type Known<T> = { known: true; value: T; basis: FactBasis } | { known: false; reason: string; basis: FactBasis | null };

/** The Convention was adopted on 30 May 2008 and entered into force on 1 August 2010 (Article 17(1)). */
export const CONVENTION_ADOPTED = '2008-05-30';
export const CONVENTION_IN_FORCE = '2010-08-01';

export const LDC_LIST_SOURCE = 'UN DESA list of least developed countries (ldc_list.pdf, via openclimatedata/countrygroups)';
export const VICTIM_LISTS_SOURCE = 'ISU victim assistance page (two versions), Cluster Munition Monitor 2011 and 2017';

function lastDayOfMonth(ym: string): string {
	const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate();
	return `${ym}-${String(d).padStart(2, '0')}`;
}

export const earliestDay = (p: string) => (p.length === 4 ? `${p}-01-01` : p.length === 7 ? `${p}-01` : p);
export const latestDay = (p: string) => (p.length === 4 ? `${p}-12-31` : p.length === 7 ? lastDayOfMonth(p) : p);

/** Had something dated `p` happened by the end of `day`? `unknown` when a year or month given by the source spans it. */
export function happenedBy(p: string, day: string): 'yes' | 'no' | 'unknown' {
	if (latestDay(p) <= day) return 'yes';
	if (earliestDay(p) > day) return 'no';
	return 'unknown';
}

/** Entries still in force: those no later entry replaces. */
export function current(entries: FactEntry[]): FactEntry[] {
	const replaced = new Set(entries.flatMap((e) => (e.replaces_id === null ? [] : [e.replaces_id])));
	return entries.filter((e) => !replaced.has(e.id));
}

const byDate = (a: FactEntry, b: FactEntry) => (a.on_date ?? '').localeCompare(b.on_date ?? '') || a.id - b.id;
const basis = (e: FactEntry, what: string, date = e.on_date): FactBasis => ({ what, date, source: e.source });

// ---- CCM status ------------------------------------------------------------------------------------------------

const JOINING = new Set(['ratification', 'accession', 'deposit']);
const EVENT_WORDS: Record<string, string> = {
	signature: 'signed',
	ratification: 'ratified',
	accession: 'acceded',
	deposit: 'ratified or acceded',
	entry_into_force: 'in force',
	withdrawal_notified: 'withdrawal notified',
	withdrawal_effective: 'withdrawal took effect'
};

/** Article 17: in force on the first day of the sixth month after the month of deposit, and not before 1 August 2010. */
export function entryIntoForceAfter(deposit: string): string {
	const y = Number(deposit.slice(0, 4));
	const m0 = Number(deposit.slice(5, 7)) - 1 + 6;
	const d = `${y + Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}-01`;
	return d < CONVENTION_IN_FORCE ? CONVENTION_IN_FORCE : d;
}

export interface StatusAsAt {
	status: CcmStatus;
	/** The day the Convention is (or will be) in force for a State Party; null otherwise. */
	inForceFrom: string | null;
	/** A notified withdrawal not yet effective. */
	withdrawalEffective: string | null;
	basis: FactBasis;
}

/**
 * A State Party from the deposit of its instrument (as the ISU counts them), not party again from the day its
 * withdrawal takes effect; a Signatory from its signature. No entry at all: a state that never signed nor joined.
 */
export function statusAsAt(entries: FactEntry[], day: string): StatusAsAt {
	const all = current(entries)
		.filter((e) => e.kind === 'status' && e.on_date !== null)
		.sort(byDate);
	const done = all.filter((e) => happenedBy(e.on_date!, day) === 'yes');
	const last = (pred: (e: FactEntry) => boolean) => [...done].reverse().find(pred);
	const joined = last((e) => JOINING.has(e.event));
	const withdrawn = last((e) => e.event === 'withdrawal_effective');
	if (withdrawn && (!joined || withdrawn.on_date! >= joined.on_date!)) {
		return { status: 'not_party', inForceFrom: null, withdrawalEffective: null, basis: basis(withdrawn, 'withdrawal took effect') };
	}
	if (joined) {
		const eif = all.find((e) => e.event === 'entry_into_force' && e.on_date! >= joined.on_date!);
		const pending = all.find((e) => e.event === 'withdrawal_effective' && e.on_date! > day);
		return {
			status: 'state_party',
			inForceFrom: eif?.on_date ?? entryIntoForceAfter(joined.on_date!),
			withdrawalEffective: pending?.on_date ?? null,
			basis: basis(joined, EVENT_WORDS[joined.event])
		};
	}
	const signed = last((e) => e.event === 'signature');
	if (signed) return { status: 'signatory', inForceFrom: null, withdrawalEffective: null, basis: basis(signed, 'signed') };
	const first = all[0];
	return {
		status: 'not_party',
		inForceFrom: null,
		withdrawalEffective: null,
		basis: first
			? { what: `not yet party (${EVENT_WORDS[first.event]} ${first.on_date})`, date: null, source: first.source }
			: { what: 'never signed nor joined', date: null, source: 'states-not-party.csv (no CCM instrument found in sources up to early 2026)' }
	};
}

// ---- least developed countries ----------------------------------------------------------------------------------

/** On the UN list from its inclusion to its graduation; a scheduled graduation passed but not confirmed is unknown. */
export function leastDevelopedAsAt(entries: FactEntry[], day: string): Known<boolean> {
	const ldc = current(entries).filter((e) => e.kind === 'ldc' && e.on_date !== null);
	const find = (event: string) =>
		ldc
			.filter((e) => e.event === event)
			.sort(byDate)
			.at(-1);
	const inclusion = find('inclusion');
	const graduation = find('graduation');
	const scheduled = find('scheduled_graduation');
	if (!inclusion) return { known: true, value: false, basis: { what: 'not on the UN list of least developed countries', date: null, source: LDC_LIST_SOURCE } };
	if (graduation) {
		const g = happenedBy(graduation.on_date!, day);
		if (g === 'yes') return { known: true, value: false, basis: basis(graduation, 'graduated from the list') };
		if (g === 'unknown')
			return { known: false, reason: `graduated in ${graduation.on_date}: the source gives no exact day`, basis: basis(graduation, 'graduated') };
	}
	const i = happenedBy(inclusion.on_date!, day);
	if (i === 'no') return { known: true, value: false, basis: basis(inclusion, 'not yet on the list (included later)') };
	if (i === 'unknown') return { known: false, reason: `included in ${inclusion.on_date}: the source gives no exact day`, basis: basis(inclusion, 'included') };
	if (scheduled && !graduation && happenedBy(scheduled.on_date!, day) !== 'no') {
		return {
			known: false,
			reason: `graduation was scheduled for ${scheduled.on_date}; not confirmed in the sources`,
			basis: basis(scheduled, 'scheduled graduation')
		};
	}
	return { known: true, value: true, basis: basis(inclusion, 'on the list since') };
}

// ---- Article 3 / 4 deadlines -----------------------------------------------------------------------------------

export type DeadlineAsAt =
	| { state: 'none'; basis: FactBasis | null }
	| { state: 'deadline'; deadline: string; basis: FactBasis }
	| { state: 'completed'; basis: FactBasis }
	| { state: 'unknown'; reason: string; basis: FactBasis | null };

const ARTICLE = { 3: 'Article 3', 4: 'Article 4' } as Record<number, string>;

/**
 * The deadline in force on the day: the original, then each extension decided by then; a declared completion ends the
 * obligation. An extension decided but whose outcome or new date the sources do not give makes the deadline unknown
 * until a later confirmed extension. An extension without a decision date counts from the deadline it extends (the
 * Convention has extensions decided before the deadline lapses); its basis says so.
 */
export function deadlineAsAt(entries: FactEntry[], article: 3 | 4, day: string): DeadlineAsAt {
	const mine = current(entries).filter((e) => e.kind === 'deadline' && e.article === article);
	const name = ARTICLE[article];
	const completion = mine.filter((e) => e.event === 'completion' && e.on_date !== null).sort(byDate)[0];
	if (completion) {
		const c = happenedBy(completion.on_date!, day);
		if (c === 'yes') return { state: 'completed', basis: basis(completion, `${name} obligations fulfilled`) };
		if (c === 'unknown') return { state: 'unknown', reason: `${name} completion dated only ${completion.on_date}`, basis: basis(completion, 'completion') };
	}
	const original = mine
		.filter((e) => e.event === 'original')
		.sort(byDate)
		.at(-1);
	const extensions = mine.filter((e) => e.event === 'extension').sort(byDate);
	if (!original || original.on_date === null) {
		// An extension on record means an obligation whose deadline the sources do not give.
		if (extensions.length)
			return { state: 'unknown', reason: `${name} deadline not found in the sources`, basis: extensions[0] ? basis(extensions[0], 'extension') : null };
		return { state: 'none', basis: null };
	}
	let result: DeadlineAsAt = { state: 'deadline', deadline: original.on_date, basis: basis(original, `original ${name} deadline`) };
	let extending: string | null = original.on_date;
	for (const e of extensions) {
		const decided = e.on_date !== null ? happenedBy(e.on_date, day) : extending !== null && day > extending ? 'yes' : 'no';
		if (decided === 'no') break;
		const at = e.granted_at ? ` at ${e.granted_at}` : '';
		if (decided === 'unknown') {
			result = {
				state: 'unknown',
				reason: `${name} extension decided${at} in ${e.on_date}: the day of the decision is not in the sources`,
				basis: basis(e, 'extension')
			};
			break;
		}
		if (e.outcome === 'unknown') {
			result = { state: 'unknown', reason: `${name} extension considered${at}: outcome not found in the sources`, basis: basis(e, 'extension request') };
			extending = null;
		} else if (e.deadline === null) {
			result = { state: 'unknown', reason: `${name} extension granted${at}: the new deadline is not in the sources`, basis: basis(e, 'extension') };
			extending = null;
		} else {
			const when = e.on_date ? '' : ' (decision date not found)';
			result = { state: 'deadline', deadline: e.deadline, basis: basis(e, `${name} deadline extended${at}${when}`) };
			extending = e.deadline;
		}
	}
	return result;
}

// ---- Article 5 victims -----------------------------------------------------------------------------------------

/** Listed with high or medium confidence: yes; low confidence: unknown, for staff to settle; not listed: no. */
export function victimsAsAt(entries: FactEntry[], day: string): Known<boolean> {
	const v = current(entries)
		.filter((e) => e.kind === 'victims' && (e.on_date === null || happenedBy(e.on_date, day) === 'yes'))
		.sort(byDate)
		.at(-1);
	if (!v)
		return { known: true, value: false, basis: { what: 'not on the lists of States with cluster munition victims', date: null, source: VICTIM_LISTS_SOURCE } };
	if (v.event === 'not_listed') return { known: true, value: false, basis: basis(v, 'no cluster munition victims') };
	if (v.confidence === 'low')
		return { known: false, reason: `cluster munition victims: low confidence${v.note ? ` (${v.note})` : ''}`, basis: basis(v, 'victims (low confidence)') };
	return { known: true, value: true, basis: basis(v, `cluster munition victims (${v.confidence ?? 'confirmed'} confidence)`) };
}

// ---- all together ----------------------------------------------------------------------------------------------

export interface FactsAsAt {
	day: string;
	status: StatusAsAt;
	leastDeveloped: Known<boolean>;
	art3: DeadlineAsAt;
	art4: DeadlineAsAt;
	victims: Known<boolean>;
	/** Facts the sources leave open on this day: no points, listed for staff to settle. */
	unknown: string[];
}

export function factsAsAt(entries: FactEntry[], day: string): FactsAsAt {
	const out: FactsAsAt = {
		day,
		status: statusAsAt(entries, day),
		leastDeveloped: leastDevelopedAsAt(entries, day),
		art3: deadlineAsAt(entries, 3, day),
		art4: deadlineAsAt(entries, 4, day),
		victims: victimsAsAt(entries, day),
		unknown: []
	};
	for (const f of [out.art3, out.art4]) if (f.state === 'unknown') out.unknown.push(f.reason);
	for (const f of [out.leastDeveloped, out.victims]) if (!f.known) out.unknown.push(f.reason);
	return out;
}
