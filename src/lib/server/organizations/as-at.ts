import type { CcmStatus, StateFactKind } from '../db';
import { m } from '$lib/paraglide/messages';

/*
 * A state's facts as at a day (a meeting's start date): pure functions over its dated entries, no database.
 * Dates are text: YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no more. A partial date that spans the day asked
 * about leaves the fact unknown rather than guessed.
 *
 * The texts (a basis' `what`, an unknown fact's `reason`) are made in the language of the request being answered,
 * English outside one: they are shown beside scores and facts, never stored. Sources and notes are the records', as
 * written; dates stay as the sources give them (YYYY, YYYY-MM or YYYY-MM-DD).
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

/** The sources of the two lists, in English (as a record would cite them); the basis shows them in the page's language. */
export const LDC_LIST_SOURCE = m.why_source_ldc_list({}, { locale: 'en' });
export const VICTIM_LISTS_SOURCE = m.why_source_victim_lists({}, { locale: 'en' });

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
const EVENT_WORDS: Record<string, () => string> = {
	signature: m.why_event_signature,
	ratification: m.why_event_ratification,
	accession: m.why_event_accession,
	deposit: m.why_event_deposit,
	entry_into_force: m.why_event_entry_into_force,
	withdrawal_notified: m.why_event_withdrawal_notified,
	withdrawal_effective: m.why_event_withdrawal_effective
};
const eventWord = (event: string) => EVENT_WORDS[event]?.() ?? event;

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
		return { status: 'not_party', inForceFrom: null, withdrawalEffective: null, basis: basis(withdrawn, m.why_event_withdrawal_effective()) };
	}
	if (joined) {
		const eif = all.find((e) => e.event === 'entry_into_force' && e.on_date! >= joined.on_date!);
		const pending = all.find((e) => e.event === 'withdrawal_effective' && e.on_date! > day);
		return {
			status: 'state_party',
			inForceFrom: eif?.on_date ?? entryIntoForceAfter(joined.on_date!),
			withdrawalEffective: pending?.on_date ?? null,
			basis: basis(joined, eventWord(joined.event))
		};
	}
	const signed = last((e) => e.event === 'signature');
	if (signed) return { status: 'signatory', inForceFrom: null, withdrawalEffective: null, basis: basis(signed, m.why_event_signature()) };
	const first = all[0];
	return {
		status: 'not_party',
		inForceFrom: null,
		withdrawalEffective: null,
		basis: first
			? { what: m.why_not_yet_party({ event: eventWord(first.event), date: first.on_date ?? '' }), date: null, source: first.source }
			: { what: m.why_never_joined(), date: null, source: m.why_source_states_not_party() }
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
	if (!inclusion) return { known: true, value: false, basis: { what: m.why_ldc_not_listed(), date: null, source: m.why_source_ldc_list() } };
	if (graduation) {
		const g = happenedBy(graduation.on_date!, day);
		if (g === 'yes') return { known: true, value: false, basis: basis(graduation, m.why_ldc_graduated_from_list()) };
		if (g === 'unknown')
			return { known: false, reason: m.why_ldc_graduated_no_day({ date: graduation.on_date! }), basis: basis(graduation, m.why_ldc_graduated()) };
	}
	const i = happenedBy(inclusion.on_date!, day);
	if (i === 'no') return { known: true, value: false, basis: basis(inclusion, m.why_ldc_included_later()) };
	if (i === 'unknown') return { known: false, reason: m.why_ldc_included_no_day({ date: inclusion.on_date! }), basis: basis(inclusion, m.why_ldc_included()) };
	if (scheduled && !graduation && happenedBy(scheduled.on_date!, day) !== 'no') {
		return {
			known: false,
			reason: m.why_ldc_scheduled_unconfirmed({ date: scheduled.on_date! }),
			basis: basis(scheduled, m.why_ldc_scheduled())
		};
	}
	return { known: true, value: true, basis: basis(inclusion, m.why_ldc_on_list_since()) };
}

// ---- Article 3 / 4 deadlines -----------------------------------------------------------------------------------

export type DeadlineAsAt =
	| { state: 'none'; basis: FactBasis | null }
	| { state: 'deadline'; deadline: string; basis: FactBasis }
	| { state: 'completed'; basis: FactBasis }
	| { state: 'unknown'; reason: string; basis: FactBasis | null };

/**
 * The deadline in force on the day: the original, then each extension decided by then; a declared completion ends the
 * obligation. An extension decided but whose outcome or new date the sources do not give makes the deadline unknown
 * until a later confirmed extension. An extension without a decision date counts from the deadline it extends (the
 * Convention has extensions decided before the deadline lapses); its basis says so.
 */
export function deadlineAsAt(entries: FactEntry[], article: 3 | 4, day: string): DeadlineAsAt {
	const mine = current(entries).filter((e) => e.kind === 'deadline' && e.article === article);
	const completion = mine.filter((e) => e.event === 'completion' && e.on_date !== null).sort(byDate)[0];
	if (completion) {
		const c = happenedBy(completion.on_date!, day);
		if (c === 'yes') return { state: 'completed', basis: basis(completion, m.why_obligations_fulfilled({ article })) };
		if (c === 'unknown')
			return { state: 'unknown', reason: m.why_completion_partial_date({ article, date: completion.on_date! }), basis: basis(completion, m.why_completion()) };
	}
	const original = mine
		.filter((e) => e.event === 'original')
		.sort(byDate)
		.at(-1);
	const extensions = mine.filter((e) => e.event === 'extension').sort(byDate);
	if (!original || original.on_date === null) {
		// An extension on record means an obligation whose deadline the sources do not give.
		if (extensions.length)
			return { state: 'unknown', reason: m.why_deadline_not_found({ article }), basis: extensions[0] ? basis(extensions[0], m.why_extension()) : null };
		return { state: 'none', basis: null };
	}
	let result: DeadlineAsAt = { state: 'deadline', deadline: original.on_date, basis: basis(original, m.why_original_deadline({ article })) };
	let extending: string | null = original.on_date;
	for (const e of extensions) {
		const decided = e.on_date !== null ? happenedBy(e.on_date, day) : extending !== null && day > extending ? 'yes' : 'no';
		if (decided === 'no') break;
		// Where the decision was taken (a meeting's code, such as 9MSP), when the sources say.
		const at = e.granted_at ? { article, meeting: e.granted_at } : null;
		if (decided === 'unknown') {
			const date = e.on_date ?? '';
			result = {
				state: 'unknown',
				reason: at ? m.why_extension_day_unknown_at({ ...at, date }) : m.why_extension_day_unknown({ article, date }),
				basis: basis(e, m.why_extension())
			};
			break;
		}
		if (e.outcome === 'unknown') {
			const reason = at ? m.why_extension_outcome_unknown_at(at) : m.why_extension_outcome_unknown({ article });
			result = { state: 'unknown', reason, basis: basis(e, m.why_extension_request()) };
			extending = null;
		} else if (e.deadline === null) {
			const reason = at ? m.why_extension_new_deadline_unknown_at(at) : m.why_extension_new_deadline_unknown({ article });
			result = { state: 'unknown', reason, basis: basis(e, m.why_extension()) };
			extending = null;
		} else {
			const extended = at ? m.why_deadline_extended_at(at) : m.why_deadline_extended({ article });
			const what = e.on_date ? extended : `${extended} ${m.why_decision_date_not_found()}`;
			result = { state: 'deadline', deadline: e.deadline, basis: basis(e, what) };
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
	if (!v) return { known: true, value: false, basis: { what: m.why_victims_not_listed(), date: null, source: m.why_source_victim_lists() } };
	if (v.event === 'not_listed') return { known: true, value: false, basis: basis(v, m.why_victims_none()) };
	if (v.confidence === 'low')
		return { known: false, reason: v.note ? m.why_victims_low_note({ note: v.note }) : m.why_victims_low(), basis: basis(v, m.why_victims_low_basis()) };
	return {
		known: true,
		value: true,
		basis: basis(v, (v.confidence === 'high' ? m.why_victims_high : v.confidence === 'medium' ? m.why_victims_medium : m.why_victims_confirmed)())
	};
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
