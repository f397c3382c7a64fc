// The decisions area's forms (zod): messages a person can act on, at the field.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { multilineText, optionalText, text } from '../forms';
import { OUTCOME_KINDS, OWNER_KINDS, TASK_STATUSES } from './rules';

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.refine((n) => n === null || (Number.isSafeInteger(n) && n > 0), { error: () => m.mtg_dec_choose_list() });

// Messages made when a form is parsed, so they speak the request's language.
const isoDate = (label: () => string) =>
	z
		.string({ error: () => m.auth_form_required({ label: label() }) })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.mtg_dec_date_format({ label: label() }) })
		.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
			error: () => m.mtg_dec_date_real({ label: label() })
		});

export const outcomeSchema = z.object({
	number: text(m.mtg_dec_number, 40),
	symbol: optionalText(m.mtg_dec_symbol, 60).transform((s) => s || null),
	agenda_item_id: optionalId,
	kind: z.enum(OUTCOME_KINDS as [string, ...string[]], { error: () => m.mtg_dec_choose_kind() }).transform((k) => k as (typeof OUTCOME_KINDS)[number]),
	text: multilineText(m.mtg_dec_text, 4000)
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const deleteOutcomeSchema = z.object({ reason: optionalText(m.mtg_reason, 300).transform((s) => s || null) });

export const taskSchema = z.object({
	outcome_id: z.coerce
		.number({ error: () => m.mtg_dec_choose_outcome() })
		.int()
		.positive({ error: () => m.mtg_dec_choose_outcome() }),
	what: multilineText(m.mtg_dec_what, 1000),
	owner_kind: z.enum(OWNER_KINDS as [string, ...string[]], { error: () => m.mtg_dec_choose_who() }).transform((k) => k as (typeof OWNER_KINDS)[number]),
	owner_organization_id: optionalId,
	owner_user_id: optionalId,
	owner_label: optionalText(m.mtg_dec_owner_detail, 120).transform((s) => s || null),
	due_date: isoDate(m.mtg_dec_due_date)
});
export type TaskInput = z.output<typeof taskSchema>;

export const noteSchema = z.object({
	task_id: z.coerce.number().int().positive(),
	text: multilineText(m.mtg_dec_progress_note, 2000),
	status: z
		.enum(['', ...TASK_STATUSES] as [string, ...string[]])
		.optional()
		.transform((s) => (s ? (s as (typeof TASK_STATUSES)[number]) : null)),
	drop_reason: optionalText(m.mtg_reason, 300).transform((s) => s || null)
});
export type NoteInput = z.output<typeof noteSchema>;

export const minutesSchema = z.object({ text: multilineText(m.mtg_dec_minutes, 20000) });

export const followUpFilterSchema = z.object({
	owner: z.enum(['', ...OWNER_KINDS] as [string, ...string[]]).catch(''),
	meeting: z.string().max(40).catch(''),
	due_before: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.or(z.literal(''))
		.catch(''),
	overdue: z.enum(['', '1']).catch(''),
	all: z.enum(['', '1']).catch('')
});
export type FollowUpFilter = z.output<typeof followUpFilterSchema>;

/** The members ticked on the invitations page: at least one, at most as many as the page lists. */
export const invitationSchema = z.object({
	members: z
		.union([z.string(), z.array(z.string()).max(500, { error: () => m.mtg_inv_too_many() })], { error: () => m.mtg_inv_choose_one() })
		.transform((v) => (Array.isArray(v) ? v : [v]))
		.pipe(
			z
				.array(
					z
						.string()
						.regex(/^\d{1,9}$/, { error: () => m.mtg_inv_from_list() })
						.transform(Number)
				)
				.min(1, { error: () => m.mtg_inv_choose_one() })
		)
});
