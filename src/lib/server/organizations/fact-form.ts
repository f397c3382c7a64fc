import { z } from 'zod';
import { optionalText, text, type FieldErrors, isCalendarDate } from '../forms';
import type { StateFactKind } from '../db';
import { CONVENTION_ADOPTED, deadlineAsAt, earliestDay, type FactEntry } from './as-at';

/** What staff may add, in the words of the form; `kind.event` as stored. */
export const FACT_TYPES: { value: string; label: string }[] = [
	{ value: 'status.signature', label: 'CCM: signature' },
	{ value: 'status.ratification', label: 'CCM: ratification deposited' },
	{ value: 'status.accession', label: 'CCM: accession deposited' },
	{ value: 'status.entry_into_force', label: 'CCM: entry into force' },
	{ value: 'status.withdrawal_notified', label: 'CCM: withdrawal notified' },
	{ value: 'status.withdrawal_effective', label: 'CCM: withdrawal takes effect' },
	{ value: 'ldc.inclusion', label: 'Least developed: included in the UN list' },
	{ value: 'ldc.graduation', label: 'Least developed: graduated' },
	{ value: 'ldc.scheduled_graduation', label: 'Least developed: graduation scheduled' },
	{ value: 'deadline.original', label: 'Article 3 / 4: original deadline' },
	{ value: 'deadline.extension', label: 'Article 3 / 4: extension (decision)' },
	{ value: 'deadline.completion', label: 'Article 3 / 4: completion declared' },
	{ value: 'victims.listed', label: 'Article 5: has cluster munition victims' },
	{ value: 'victims.not_listed', label: 'Article 5: no cluster munition victims' }
];

const isoDay = z.union([
	z.literal('').transform(() => null),
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2021-04-01.')
		.refine(isCalendarDate, 'Not a real date: check the day and the month.')
]);
const optionalDay = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(isoDay);

export const factSchema = z.object({
	type: z.enum(FACT_TYPES.map((t) => t.value) as [string, ...string[]], { error: 'Choose what kind of fact this is.' }),
	article: z
		.enum(['', '3', '4'])
		.optional()
		.transform((a) => (a ? Number(a) : null)),
	on_date: optionalDay,
	deadline: optionalDay,
	outcome: z.enum(['confirmed', 'unknown']).optional().default('confirmed'),
	granted_at: optionalText('The meeting', 100),
	confidence: z
		.enum(['', 'high', 'medium', 'low'])
		.optional()
		.transform((c) => (c ? (c as 'high' | 'medium' | 'low') : null)),
	source: text('The source', 500),
	note: optionalText('The note', 1000),
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
			errors[field] =
				`Between ${earliest} and ${latest} (${kind === 'ldc' ? 'the UN list began in 1971' : 'the Convention was adopted on 30 May 2008'}; at most ten years ahead).`;
	};
	inRange('on_date', input.on_date);
	inRange('deadline', input.deadline);
	if (kind !== 'victims' && !input.on_date && !(event === 'extension' && input.outcome === 'unknown')) errors.on_date = 'Give the date.';
	if (kind === 'deadline' && input.article === null) errors.article = 'Choose Article 3 or Article 4.';
	if (kind !== 'deadline' && input.article !== null) errors.article = 'Only a deadline has an article.';
	if (event !== 'extension' && input.deadline) errors.deadline = 'Only an extension has a new deadline.';
	if (kind === 'victims' && event === 'listed' && !input.confidence) errors.confidence = 'How sure is the source: high, medium or low?';
	const mine = entries.filter((e) => e.kind === kind);
	const first = (ev: string) =>
		mine
			.filter((e) => e.event === ev && e.on_date)
			.map((e) => earliestDay(e.on_date!))
			.sort()[0];
	const before = (ev: string, what: string) => {
		const start = first(ev);
		if (input.on_date && start && input.on_date < start && !errors.on_date)
			errors.on_date = `Before the ${what} (${start}): an end cannot come before its start.`;
	};
	if (event === 'graduation' || event === 'scheduled_graduation') before('inclusion', 'inclusion in the list');
	if (event === 'withdrawal_notified' || event === 'withdrawal_effective' || event === 'entry_into_force') {
		const joined = ['ratification', 'accession', 'deposit'].map(first).filter(Boolean).sort()[0];
		if (input.on_date && joined && input.on_date < joined && !errors.on_date)
			errors.on_date = `Before the deposit of the instrument (${joined}): an end cannot come before its start.`;
	}
	if (event === 'withdrawal_effective') before('withdrawal_notified', 'notice of withdrawal');
	if (event === 'extension' && input.article !== null) {
		if (input.outcome === 'confirmed' && !input.deadline) errors.deadline = 'Give the new deadline the meeting granted (or mark the outcome unknown).';
		const extended = deadlineAsAt(entries, input.article as 3 | 4, input.on_date ?? today);
		if (input.deadline && extended.state === 'deadline' && input.deadline <= extended.deadline && !errors.deadline)
			errors.deadline = `Not after the deadline it extends (${extended.deadline}): an extension must be later.`;
	}
	if (input.replaces_id !== null) {
		const old = all.find((e) => e.id === input.replaces_id);
		if (!old) errors.replaces_id = 'That entry is not one of this state’s current entries.';
		else if (old.kind !== kind) errors.replaces_id = 'An entry can only be replaced by one of the same kind.';
	}
	return errors;
}
