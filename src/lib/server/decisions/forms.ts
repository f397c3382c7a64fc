// The decisions area's forms (zod): messages a person can act on, at the field.
import { z } from 'zod';
import { multilineText, optionalText, text } from '../forms';
import { OUTCOME_KINDS, OWNER_KINDS, TASK_STATUSES } from './rules';

const optionalId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.refine((n) => n === null || (Number.isSafeInteger(n) && n > 0), 'Choose from the list.');

const isoDate = (label: string) =>
	z
		.string({ error: `${label} is required.` })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: enter a date as YYYY-MM-DD.`)
		.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label} is not a real date.`);

export const outcomeSchema = z.object({
	number: text('Number', 40),
	symbol: optionalText('Document symbol', 60).transform((s) => s || null),
	agenda_item_id: optionalId,
	kind: z.enum(OUTCOME_KINDS as [string, ...string[]], { error: 'Choose the kind.' }).transform((k) => k as (typeof OUTCOME_KINDS)[number]),
	text: multilineText('Text', 4000)
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const deleteOutcomeSchema = z.object({ reason: optionalText('Reason', 300).transform((s) => s || null) });

export const taskSchema = z.object({
	outcome_id: z.coerce.number({ error: 'Choose the outcome.' }).int().positive('Choose the outcome.'),
	what: multilineText('What', 1000),
	owner_kind: z.enum(OWNER_KINDS as [string, ...string[]], { error: 'Choose who does it.' }).transform((k) => k as (typeof OWNER_KINDS)[number]),
	owner_organization_id: optionalId,
	owner_user_id: optionalId,
	owner_label: optionalText('Owner detail', 120).transform((s) => s || null),
	due_date: isoDate('Due date')
});
export type TaskInput = z.output<typeof taskSchema>;

export const noteSchema = z.object({
	task_id: z.coerce.number().int().positive(),
	text: multilineText('Progress note', 2000),
	status: z
		.enum(['', ...TASK_STATUSES] as [string, ...string[]])
		.optional()
		.transform((s) => (s ? (s as (typeof TASK_STATUSES)[number]) : null)),
	drop_reason: optionalText('Reason', 300).transform((s) => s || null)
});
export type NoteInput = z.output<typeof noteSchema>;

export const minutesSchema = z.object({ text: multilineText('Minutes', 20000) });

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
		.union([z.string(), z.array(z.string()).max(500, 'Too many members chosen.')], { error: 'Choose at least one member.' })
		.transform((v) => (Array.isArray(v) ? v : [v]))
		.pipe(
			z
				.array(
					z
						.string()
						.regex(/^\d{1,9}$/, 'Choose members from the list.')
						.transform(Number)
				)
				.min(1, 'Choose at least one member.')
		)
});
