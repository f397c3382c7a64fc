import { z } from 'zod';
import { formObject, optionalMultilineText, optionalText, text } from '../forms';
import { localDateTime, localToUtc } from '../meetings';
import { m } from '$lib/paraglide/messages';

/** "1,250.50", "1250.5", "1 250" → centimes; null when it is not a positive amount with at most two decimals. */
export function chfToCentimes(input: string): number | null {
	const s = input.replace(/[\s'’,]/g, '').replace(/^CHF/i, '');
	if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return null;
	const [whole, frac = ''] = s.split('.');
	const centimes = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	return centimes > 0 ? centimes : null;
}

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'yes' || v === 'true');

/** Why a stay is too long: the meeting's days and a travel day on each side. */
export function tooManyNights(limit: number): string {
	return m.del_spf_too_many_nights({ limit, days: limit - 2 });
}

const applicationFields = {
	departure_city: optionalText('Departure city', 100),
	airfare: z.string({ error: () => m.del_spf_airfare_required() }).transform((s, ctx) => {
		const c = chfToCentimes(s);
		if (c === null) {
			ctx.addIssue({ code: 'custom', message: m.del_spf_airfare_invalid() });
			return z.NEVER;
		}
		return c;
	}),
	nights: z.coerce
		.number({ error: () => m.del_spf_nights_required() })
		.int({ error: () => m.del_spf_nights_whole() })
		.min(1, { error: () => m.del_spf_at_least_one_night() }),
	justification: optionalMultilineText('Justification', 2000),
	statement: checkbox,
	statement_items: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(20)).max(50)),
	implementation_responsibility: checkbox,
	mode: z.enum(['draft', 'submit']).default('draft')
};

/** The application form for a meeting whose stay is at most `limit` nights (maxNights). */
export const applicationSchema = (limit: number) =>
	formObject(applicationFields, (d, refuse) => {
		if (d.nights !== undefined && d.nights > limit) refuse('nights', tooManyNights(limit));
	});

export type ApplicationInput = z.output<ReturnType<typeof applicationSchema>>;

const programmeFields = {
	budget: z.string().transform((s, ctx) => {
		if (s.trim() === '0') return 0;
		const c = chfToCentimes(s);
		if (c === null) {
			ctx.addIssue({ code: 'custom', message: m.del_spf_budget_invalid() });
			return z.NEVER;
		}
		return c;
	}),
	dsa: z.string().transform((s, ctx) => {
		const c = chfToCentimes(s);
		if (c === null) {
			ctx.addIssue({ code: 'custom', message: m.del_spf_dsa_invalid() });
			return z.NEVER;
		}
		return c;
	}),
	default_nights: z.coerce
		.number()
		.int({ error: () => m.del_spf_whole_number() })
		.min(1, { error: () => m.del_spf_at_least_one_night() })
		.max(30, { error: () => m.del_spf_at_most_30_nights() }),
	places_per_state: z
		.string()
		.optional()
		.transform((s) => (s && s.trim() ? Number(s) : null))
		.pipe(
			z
				.number()
				.int({ error: () => m.del_spf_whole_number() })
				.min(1, { error: () => m.del_spf_places_min() })
				.max(50)
				.nullable()
		),
	offer_response_days: z.coerce
		.number()
		.int({ error: () => m.del_spf_whole_number() })
		.min(1, { error: () => m.del_spf_at_least_one_day() })
		.max(60, { error: () => m.del_spf_at_most_60_days() }),
	/** When applications open and close, on the meeting's clock; empty: open now, close at the meeting's sponsorship deadline. */
	opens: localDateTime,
	closes: localDateTime
};

/** The programme settings of a meeting in `timeZone`: the application window is checked with the other fields. */
export const programmeSchema = (timeZone: string) =>
	formObject(programmeFields, (d, refuse) => {
		const window = applicationWindow({ opens: d.opens ?? '', closes: d.closes ?? '' }, timeZone);
		if (!window.ok) for (const [key, message] of Object.entries(window.errors)) refuse(key as 'opens' | 'closes', message);
	});

/** The application window of the settings form in UTC, or messages for its fields. */
export function applicationWindow(
	d: { opens: string; closes: string },
	timeZone: string
): { ok: true; opens_at: string | null; closes_at: string | null } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const utc = (key: 'opens' | 'closes') => {
		if (!d[key]) return null;
		const v = localToUtc(d[key], timeZone);
		if (!v) errors[key] = m.del_spf_time_skipped();
		return v;
	};
	const opens_at = utc('opens');
	const closes_at = utc('closes');
	if (opens_at && closes_at && closes_at <= opens_at) errors.closes = m.del_spf_close_after_open();
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, opens_at, closes_at };
}

/** Staff sending offers before applications close confirm it and say why. */
export const earlySchema = z.object({ early: z.literal('yes').optional().catch(undefined), reason: z.string().max(500).catch('') });
/** Staff endorsing (or not) for a state with no focal point, with a reason. */
export const endorseSchema = z.object({
	application_id: z.coerce.number().int().positive(),
	decision: z.enum(['endorse', 'not_endorse'], { error: () => m.mtg_spon_choose_endorse() }),
	reason: text(m.mtg_spon_a_reason, 500)
});

/** A staff adjustment of one criterion's points, with a reason (audited). */
export const adjustSchema = z.object({
	application_id: z.coerce.number().int().positive(),
	criterion_id: z
		.string({ error: () => m.mtg_spon_choose_criterion() })
		.min(1, { error: () => m.mtg_spon_choose_criterion() })
		.max(60),
	points: z.coerce
		.number({ error: () => m.mtg_spon_give_points() })
		.int({ error: () => m.mtg_spon_whole_points() })
		.min(0, { error: () => m.mtg_spon_at_least_0() }),
	reason: text(m.mtg_spon_a_reason, 500)
});
