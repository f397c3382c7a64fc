import { z } from 'zod';
import { MEETING_KINDS } from '../db';
import { formObject, optionalMultilineText, optionalText, text, titleTranslationFields } from '../forms';
import { localToUtc, isValidTimeZone } from './zoned-time';
import { slugFromCode } from './rules';

const date = (label: string) =>
	z
		.string({ error: `${label} is required.` })
		.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}: use a date like 2019-09-02.`)
		.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label} is not a real date.`);

/** A `datetime-local` value, or empty. Converted to UTC with the meeting's zone after the object is read. */
export const localDateTime = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Use a date and time like 2019-08-15T18:00.')]));

/** An optional whole number of at least 1 (empty: no limit). */
const positiveCount = (label: string) =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			const t = (s ?? '').trim();
			if (!t) return null;
			const n = Number(t);
			const message = !Number.isInteger(n)
				? `${label} must be a whole number.`
				: n < 1
					? `${label} must be at least 1.`
					: n > 100_000
						? `${label} must be at most 100,000.`
						: null;
			if (message) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

export const meetingSchema = formObject(
	{
		code: z
			.string({ error: 'Code is required.' })
			.trim()
			.min(2, 'Code is required, e.g. 9MSP.')
			.max(20, 'Code must be at most 20 characters.')
			.regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Use letters, digits and dashes, e.g. 9MSP or 2RC-PM1.'),
		slug: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim().toLowerCase())
			.pipe(
				z.union([
					z.literal(''),
					z
						.string()
						.max(60, 'At most 60 characters.')
						.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. 9msp.')
				])
			),
		title: text('Title', 200),
		...titleTranslationFields(200),
		kind: z.enum(MEETING_KINDS, { error: 'Choose a kind of meeting.' }),
		start_date: date('Start date'),
		end_date: date('End date'),
		time_zone: z.string({ error: 'Time zone is required.' }).trim().refine(isValidTimeZone, 'Use an IANA time zone name, e.g. Europe/Zurich.'),
		venue: optionalText('Venue', 200),
		city: optionalText('City', 100),
		country: optionalText('Country', 100),
		description: optionalMultilineText('Description', 5000),
		registration_opens: localDateTime,
		registration_closes: localDateTime,
		capacity: positiveCount('Capacity'),
		delegation_cap: positiveCount('The limit per delegation'),
		// Never ticked in advance: an official list is a choice staff make and the form announces (issue 12, item 7).
		participants_list: z.enum(['notice', 'consent'], { error: 'Choose how the list of participants is published.' }).default('consent'),
		sponsorship_deadline: localDateTime,
		symbol_prefix: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim())
			.pipe(
				z.union([
					z.literal(''),
					z
						.string()
						.max(40)
						.regex(/^[A-Z]+(\/[A-Za-z0-9.]+)*$/, 'Write it as the UN does, e.g. CCM/MSP/2019.')
				])
			)
	},
	(d, refuse) => {
		if (d.start_date && d.end_date && d.end_date < d.start_date) refuse('end_date', 'The end date cannot be before the start date.');
		for (const key of ['registration_opens', 'registration_closes', 'sponsorship_deadline'] as const) {
			const local = d[key];
			if (local && d.time_zone && !localToUtc(local, d.time_zone)) {
				refuse(key, 'That time does not exist in the meeting’s time zone (a clock change). Choose another.');
			}
		}
		if (d.registration_opens && d.registration_closes && d.registration_closes <= d.registration_opens) {
			refuse('registration_closes', 'Registration must close after it opens.');
		}
	}
).transform((d) => {
	const utc = (local: string) => (local ? localToUtc(local, d.time_zone) : null);
	return {
		code: d.code,
		slug: d.slug || slugFromCode(d.code),
		title: d.title,
		title_fr: d.title_fr,
		title_es: d.title_es,
		kind: d.kind,
		start_date: d.start_date,
		end_date: d.end_date,
		time_zone: d.time_zone,
		venue: d.venue,
		city: d.city,
		country: d.country,
		description: d.description,
		registration_opens_at: utc(d.registration_opens),
		registration_closes_at: utc(d.registration_closes),
		capacity: d.capacity,
		delegation_cap: d.delegation_cap,
		participants_list: d.participants_list,
		sponsorship_deadline: utc(d.sponsorship_deadline),
		symbol_prefix: d.symbol_prefix || null
	};
});

export type MeetingInput = z.output<typeof meetingSchema>;

const ids = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).max(200));

export const sessionSchema = z.object({
	title: text('Title', 200),
	...titleTranslationFields(200),
	starts_at: z.string({ error: 'Start is required.' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give a date and time for the start.'),
	ends_at: z.string({ error: 'End is required.' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give a date and time for the end.'),
	room: optionalText('Room', 100),
	chair: optionalText('Chair', 200),
	agenda_item_ids: ids
});

export const agendaItemSchema = z.object({
	title: text('Title', 500),
	...titleTranslationFields(500),
	parent_id: z
		.string()
		.optional()
		.transform((s) => (s ? Number(s) : null))
		.pipe(z.number().int().positive().nullable())
});

export const agendaEditSchema = z.object({
	title: text('Title', 500),
	...titleTranslationFields(500),
	number: z
		.string({ error: 'Number is required.' })
		.trim()
		.regex(/^\d{1,3}$/, 'A whole number, like 8.'),
	sub_number: z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim().replace(/[()]/g, '').toLowerCase())
		.pipe(z.union([z.literal('').transform(() => null), z.string().regex(/^[a-z]{1,2}$/, 'A letter, like a.')]))
});

export const agendaImportSchema = z.object({
	text: z
		.string({ error: 'Paste the agenda.' })
		.max(50_000, 'That is too long for an agenda.')
		.refine((s) => s.trim() !== '', 'Paste the agenda.'),
	mode: z.enum(['preview', 'save']).default('preview')
});

export const idSchema = z.object({ id: z.coerce.number().int().positive() });
