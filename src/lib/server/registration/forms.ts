import { z } from 'zod';
import { DELEGATION_ROLES } from '../db/schema';
import { email, optionalText, text } from '../forms';

export const GENDERS = { female: 'Female', male: 'Male', other: 'Other', undisclosed: 'Prefer not to say' } as const;
export const TITLES = ['H.E. Mr.', 'H.E. Ms.', 'Mr.', 'Ms.', 'Mx.', 'Dr.', 'Prof.'] as const;

export const personSchema = z.object({
	organization_id: z.coerce.number({ error: 'Choose your state or organisation from the list.' }).int().positive('Choose your state or organisation from the list.'),
	title: optionalText('Title', 30),
	given_name: text('Given name', 100),
	family_name: text('Family name', 100),
	gender: z
		.string()
		.optional()
		.transform((s) => (s ? s : null))
		.pipe(z.enum(Object.keys(GENDERS) as [keyof typeof GENDERS], { error: 'Choose one of the options.' }).nullable()),
	position: optionalText('Position', 200),
	email,
	phone: optionalText('Phone', 40).refine((p) => p === null || /^[+0-9 ()./-]{5,40}$/.test(p), 'Use digits, spaces and + ( ) - only, e.g. +41 22 917 00 00.'),
	role: z.enum(DELEGATION_ROLES, { error: 'Choose a role in the delegation.' }),
	consent_published: z
		.string()
		.optional()
		.transform((v) => v === 'on' || v === 'yes' || v === 'true'),
	access_needs: optionalText('Access needs', 1000)
});

export type PersonForm = z.output<typeof personSchema>;

export const decisionSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('approve'), ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).min(1, 'Select at least one registration.').max(2000)) }),
	z.object({
		decision: z.literal('reject'),
		ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).min(1, 'Select at least one registration.').max(2000)),
		reason: text('A reason', 1000)
	})
]);
