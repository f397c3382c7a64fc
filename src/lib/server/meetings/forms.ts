import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { MEETING_KINDS } from '../db';
import { formObject, optionalMultilineText, optionalText, text, titleTranslationFields } from '../forms';
import { localToUtc, isValidTimeZone } from './zoned-time';
import { slugFromCode } from './rules';

// Labels are message functions and every message is made at parse time, so it speaks the request's language.
const date = (label: () => string) =>
	z
		.string({ error: () => m.adm_form_date_required({ label: label() }) })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.adm_form_date_format({ label: label() }) })
		.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
			error: () => m.adm_form_date_not_real({ label: label() })
		});

/** A `datetime-local` value, or empty. Converted to UTC with the meeting's zone after the object is read. */
export const localDateTime = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: () => m.adm_form_datetime_format() })]));

/** An optional whole number of at least 1 (empty: no limit). */
const positiveCount = (label: () => string) =>
	z
		.string()
		.optional()
		.transform((s, ctx) => {
			const t = (s ?? '').trim();
			if (!t) return null;
			const n = Number(t);
			const message = !Number.isInteger(n)
				? m.adm_form_count_whole({ label: label() })
				: n < 1
					? m.adm_form_count_min({ label: label() })
					: n > 100_000
						? m.adm_form_count_max({ label: label() })
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
			.string({ error: () => m.adm_form_code_required() })
			.trim()
			.min(2, { error: () => m.adm_form_code_required_example() })
			.max(20, { error: () => m.adm_form_code_max() })
			.regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: () => m.adm_form_code_chars() }),
		slug: z
			.string()
			.optional()
			.transform((s) => (s ?? '').trim().toLowerCase())
			.pipe(
				z.union([
					z.literal(''),
					z
						.string()
						.max(60, { error: () => m.adm_form_slug_max() })
						.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.adm_form_slug_chars() })
				])
			),
		title: text(m.adm_form_label_title, 200),
		...titleTranslationFields(200),
		kind: z.enum(MEETING_KINDS, { error: () => m.adm_form_kind_choose() }),
		start_date: date(m.adm_form_label_start_date),
		end_date: date(m.adm_form_label_end_date),
		time_zone: z
			.string({ error: () => m.adm_form_time_zone_required() })
			.trim()
			.refine(isValidTimeZone, { error: () => m.adm_form_time_zone_iana() }),
		venue: optionalText(m.adm_form_label_venue, 200),
		city: optionalText(m.adm_form_label_city, 100),
		country: optionalText(m.adm_form_label_country, 100),
		description: optionalMultilineText(m.adm_form_label_description, 5000),
		registration_opens: localDateTime,
		registration_closes: localDateTime,
		capacity: positiveCount(m.adm_form_label_capacity),
		delegation_cap: positiveCount(m.adm_form_label_delegation_cap),
		// Never ticked in advance: an official list is a choice staff make and the form announces (issue 12, item 7).
		participants_list: z.enum(['notice', 'consent'], { error: () => m.adm_form_list_choose() }).default('consent'),
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
						.regex(/^[A-Z]+(\/[A-Za-z0-9.]+)*$/, { error: () => m.adm_form_symbol_prefix() })
				])
			)
	},
	(d, refuse) => {
		if (d.start_date && d.end_date && d.end_date < d.start_date) refuse('end_date', m.adm_form_end_before_start());
		for (const key of ['registration_opens', 'registration_closes', 'sponsorship_deadline'] as const) {
			const local = d[key];
			if (local && d.time_zone && !localToUtc(local, d.time_zone)) {
				refuse(key, m.adm_form_time_not_exist());
			}
		}
		if (d.registration_opens && d.registration_closes && d.registration_closes <= d.registration_opens) {
			refuse('registration_closes', m.adm_form_close_after_open());
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
	title: text(m.adm_form_label_title, 200),
	...titleTranslationFields(200),
	starts_at: z
		.string({ error: () => m.adm_form_start_required() })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: () => m.adm_form_start_datetime() }),
	ends_at: z.string({ error: () => m.adm_form_end_required() }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: () => m.adm_form_end_datetime() }),
	room: optionalText(m.adm_form_label_room, 100),
	chair: optionalText(m.adm_form_label_chair, 200),
	agenda_item_ids: ids
});

export const agendaItemSchema = z.object({
	title: text(m.adm_form_label_title, 500),
	...titleTranslationFields(500),
	parent_id: z
		.string()
		.optional()
		.transform((s) => (s ? Number(s) : null))
		.pipe(z.number().int().positive().nullable())
});

export const agendaEditSchema = z.object({
	title: text(m.adm_form_label_title, 500),
	...titleTranslationFields(500),
	number: z
		.string({ error: () => m.adm_form_number_required() })
		.trim()
		.regex(/^\d{1,3}$/, { error: () => m.adm_form_number_whole() }),
	sub_number: z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim().replace(/[()]/g, '').toLowerCase())
		.pipe(z.union([z.literal('').transform(() => null), z.string().regex(/^[a-z]{1,2}$/, { error: () => m.adm_form_sub_letter() })]))
});

export const agendaImportSchema = z.object({
	text: z
		.string({ error: () => m.adm_form_paste_agenda() })
		.max(50_000, { error: () => m.adm_form_agenda_too_long() })
		.refine((s) => s.trim() !== '', { error: () => m.adm_form_paste_agenda() }),
	mode: z.enum(['preview', 'save']).default('preview')
});

export const idSchema = z.object({ id: z.coerce.number().int().positive() });

/** Moving an agenda item one place up or down. */
export const moveSchema = idSchema.extend({ direction: z.enum(['up', 'down']) });
