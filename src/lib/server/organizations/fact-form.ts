import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { optionalText, text, type FieldErrors, isCalendarDate } from '../forms';
import type { StateFactKind } from '../db';
import { CONVENTION_ADOPTED, deadlineAsAt, earliestDay, type FactEntry } from './as-at';

/** What staff may add, in the words of the form; `kind.event` as stored. */
/** The message naming each kind of entry in the form (read when shown, in the page's language); `kind.event` as stored. */
const FACT_TYPE_MESSAGES: [string, () => string][] = [
	['status.signature', m.adm_fact_status_signature],
	['status.ratification', m.adm_fact_status_ratification],
	['status.accession', m.adm_fact_status_accession],
	['status.entry_into_force', m.adm_fact_status_entry_into_force],
	['status.withdrawal_notified', m.adm_fact_status_withdrawal_notified],
	['status.withdrawal_effective', m.adm_fact_status_withdrawal_effective],
	['ldc.inclusion', m.adm_fact_ldc_inclusion],
	['ldc.graduation', m.adm_fact_ldc_graduation],
	['ldc.scheduled_graduation', m.adm_fact_ldc_scheduled_graduation],
	['deadline.original', m.adm_fact_deadline_original],
	['deadline.extension', m.adm_fact_deadline_extension],
	['deadline.completion', m.adm_fact_deadline_completion],
	['victims.listed', m.adm_fact_victims_listed],
	['victims.not_listed', m.adm_fact_victims_not_listed]
];

/** What staff may add, in the words of the form; each label is read when shown, in the language of the request. */
export const FACT_TYPES: { value: string; label: string }[] = FACT_TYPE_MESSAGES.map(([value, label]) => ({
	value,
	get label() {
		return label();
	}
}));

const isoDay = z.union([
	z.literal('').transform(() => null),
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.adm_fact_err_date_format() })
		.refine(isCalendarDate, { error: () => m.adm_fact_err_date_not_real() })
]);
const optionalDay = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(isoDay);

export const factSchema = z.object({
	type: z.enum(FACT_TYPES.map((t) => t.value) as [string, ...string[]], { error: () => m.adm_fact_err_type() }),
	article: z
		.enum(['', '3', '4'])
		.optional()
		.transform((a) => (a ? Number(a) : null)),
	on_date: optionalDay,
	deadline: optionalDay,
	outcome: z.enum(['confirmed', 'unknown']).optional().default('confirmed'),
	granted_at: optionalText(m.adm_fact_label_meeting, 100),
	confidence: z
		.enum(['', 'high', 'medium', 'low'])
		.optional()
		.transform((c) => (c ? (c as 'high' | 'medium' | 'low') : null)),
	source: text(m.adm_fact_label_source, 500),
	note: optionalText(m.adm_fact_label_note, 1000),
	replaces_id: z
		.string()
		.optional()
		.transform((s) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null))
});

export type FactInput = z.output<typeof factSchema>;

const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

/**
 * Checks that need the state's other entries (pure: `entries` are the state's current ones). Each message is for the
 * field to show it beside. `today` is YYYY-MM-DD.
 */
export function checkFact(input: FactInput, all: FactEntry[], today: string): FieldErrors {
	const errors: FieldErrors = {};
	// A correction is checked against the other entries, not the one it replaces.
	const entries = all.filter((e) => e.id !== input.replaces_id);
	const [kind, event] = input.type.split('.') as [StateFactKind, string];
	const latest = addYears(today, 10);
	// The UN list of least developed countries began in 1971; everything else lives within the Convention's life.
	const earliest = kind === 'ldc' ? '1971-01-01' : CONVENTION_ADOPTED;
	const inRange = (field: 'on_date' | 'deadline', d: string | null) => {
		if (d && (d < earliest || d > latest))
			errors[field] = kind === 'ldc' ? m.adm_fact_err_range_ldc({ earliest, latest }) : m.adm_fact_err_range_ccm({ earliest, latest });
	};
	inRange('on_date', input.on_date);
	inRange('deadline', input.deadline);
	if (kind !== 'victims' && !input.on_date && !(event === 'extension' && input.outcome === 'unknown')) errors.on_date = m.adm_fact_err_give_date();
	if (kind === 'deadline' && input.article === null) errors.article = m.adm_fact_err_choose_article();
	if (kind !== 'deadline' && input.article !== null) errors.article = m.adm_fact_err_article_only_deadline();
	if (event !== 'extension' && input.deadline) errors.deadline = m.adm_fact_err_deadline_only_extension();
	if (kind === 'victims' && event === 'listed' && !input.confidence) errors.confidence = m.adm_fact_err_confidence();
	const mine = entries.filter((e) => e.kind === kind);
	const first = (ev: string) =>
		mine
			.filter((e) => e.event === ev && e.on_date)
			.map((e) => earliestDay(e.on_date!))
			.sort()[0];
	const before = (ev: string, message: (p: { date: string }) => string) => {
		const start = first(ev);
		if (input.on_date && start && input.on_date < start && !errors.on_date) errors.on_date = message({ date: start });
	};
	if (event === 'graduation' || event === 'scheduled_graduation') before('inclusion', m.adm_fact_err_before_inclusion);
	if (event === 'withdrawal_notified' || event === 'withdrawal_effective' || event === 'entry_into_force') {
		const joined = ['ratification', 'accession', 'deposit'].map(first).filter(Boolean).sort()[0];
		if (input.on_date && joined && input.on_date < joined && !errors.on_date) errors.on_date = m.adm_fact_err_before_deposit({ date: joined });
	}
	if (event === 'withdrawal_effective') before('withdrawal_notified', m.adm_fact_err_before_withdrawal_notice);
	if (event === 'extension' && input.article !== null) {
		if (input.outcome === 'confirmed' && !input.deadline) errors.deadline = m.adm_fact_err_give_deadline();
		const extended = deadlineAsAt(entries, input.article as 3 | 4, input.on_date ?? today);
		if (input.deadline && extended.state === 'deadline' && input.deadline <= extended.deadline && !errors.deadline)
			errors.deadline = m.adm_fact_err_extension_later({ date: extended.deadline });
	}
	if (input.replaces_id !== null) {
		const old = all.find((e) => e.id === input.replaces_id);
		if (!old) errors.replaces_id = m.adm_fact_err_replaces_unknown();
		else if (old.kind !== kind) errors.replaces_id = m.adm_fact_err_replaces_kind();
	}
	return errors;
}
