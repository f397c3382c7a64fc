import { z } from 'zod';
import { DELEGATION_ROLES } from '../db';
import { email, multilineText, optionalMultilineText, optionalText, text } from '../forms';
import { m } from '$lib/paraglide/messages';
import { localized } from './rules';

export const GENDERS = localized({ female: m.del_gender_female, male: m.del_gender_male, other: m.del_gender_other, undisclosed: m.del_gender_undisclosed });
export const TITLES = ['H.E. Mr.', 'H.E. Ms.', 'Mr.', 'Ms.', 'Mx.', 'Dr.', 'Prof.'] as const;

export const personSchema = z.object({
	organization_id: z.coerce
		.number({ error: () => m.del_form_choose_organization() })
		.int({ error: () => m.del_form_choose_organization() })
		.positive({ error: () => m.del_form_choose_organization() }),
	title: optionalText(m.auth_person_title, 30),
	given_name: text(m.auth_given_name, 100),
	family_name: text(m.auth_family_name, 100),
	gender: z
		.string()
		.optional()
		.transform((s) => (s ? s : null))
		.pipe(z.enum(Object.keys(GENDERS) as [keyof typeof GENDERS], { error: () => m.del_form_choose_option() }).nullable()),
	position: optionalText(m.auth_person_position, 200),
	email,
	phone: optionalText('Phone', 40).refine((p) => p === null || /^[+0-9 ()./-]{5,40}$/.test(p), { error: () => m.del_form_phone() }),
	role: z.enum(DELEGATION_ROLES, { error: () => m.del_form_choose_role() }),
	consent_published: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'yes' || v === 'true'),
	access_needs: optionalMultilineText(m.auth_person_access_needs, 1000)
});

export type PersonForm = z.output<typeof personSchema>;

export const decisionSchema = z.discriminatedUnion('decision', [
	z.object({
		decision: z.literal('approve'),
		ids: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z
				.array(z.coerce.number().int().positive())
				.min(1, { error: () => m.del_form_select_registration() })
				.max(2000)
		)
	}),
	z.object({
		decision: z.literal('reject'),
		ids: z.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z
				.array(z.coerce.number().int().positive())
				.min(1, { error: () => m.del_form_select_registration() })
				.max(2000)
		),
		reason: multilineText(m.mtg_spon_a_reason, 1000)
	})
]);

/** The one-time token of a rendered registration form, or null when it is missing or malformed. */
export function formToken(fd: FormData): string | null {
	const t = String(fd.get('_form_token') ?? '');
	return /^[a-z2-7]{32}$/.test(t) ? t : null;
}

type Failure = { reason: 'closed' | 'no_meeting' | 'unknown_org' | 'existing' } | { reason: 'field'; errors: Record<string, string> };

/** What the form shows when `register` refuses: one wording for the person, the focal point and staff. */
export function registerFailure(result: Failure): { errors: Record<string, string>; message?: string } {
	switch (result.reason) {
		case 'closed':
			return { errors: {}, message: m.del_refuse_closed() };
		case 'no_meeting':
			return { errors: {}, message: m.del_refuse_no_meeting() };
		case 'unknown_org':
			return { errors: { organization_id: m.del_refuse_unknown_org() } };
		case 'existing':
			return { errors: { email: m.del_refuse_existing() } };
		case 'field':
			return { errors: result.errors };
	}
}
