import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ROLES } from '../db';
import { email, formObject, text } from '../forms';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

export const newPassword = z
	.string({ error: () => m.auth_choose_password() })
	.min(PASSWORD_MIN, { error: () => m.auth_password_min({ min: String(PASSWORD_MIN) }) })
	.max(PASSWORD_MAX, { error: () => m.auth_password_max({ max: String(PASSWORD_MAX) }) });

// The check that both passwords match runs even when another field (the e-mail) is wrong: every error in one answer.
const passwordConfirmed = <T extends z.ZodRawShape>(shape: T) =>
	formObject({ ...shape, password: newPassword, password_confirm: z.string().optional() }, (d, refuse) => {
		const { password, password_confirm } = d as { password?: string; password_confirm?: string };
		if (password !== undefined && password_confirm !== undefined && password_confirm !== password) refuse('password_confirm', m.auth_passwords_differ());
	});

export const signupSchema = passwordConfirmed({
	email,
	given_name: text(m.auth_given_name, 100),
	family_name: text(m.auth_family_name, 100)
});

export const loginSchema = z.object({
	email,
	password: z
		.string({ error: () => m.auth_enter_password() })
		.min(1, { error: () => m.auth_enter_password() })
		.max(PASSWORD_MAX)
});

export const forgotSchema = z.object({ email });

export const resetSchema = passwordConfirmed({});

export const changePasswordSchema = passwordConfirmed({
	current_password: z
		.string({ error: () => m.auth_enter_current_password() })
		.min(1, { error: () => m.auth_enter_current_password() })
		.max(PASSWORD_MAX)
});

export const changeEmailSchema = z.object({
	new_email: email,
	current_password: z
		.string({ error: () => m.auth_enter_current_password() })
		.min(1, { error: () => m.auth_enter_current_password() })
		.max(PASSWORD_MAX)
});

export const acceptInviteSchema = passwordConfirmed({
	given_name: text(m.auth_given_name, 100),
	family_name: text(m.auth_family_name, 100)
});

const organizationId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.pipe(
		z
			.number()
			.int()
			.positive({ error: () => m.auth_choose_organization() })
			.nullable()
	);

const focalPointNeedsOrganization = (d: { role?: string; organization_id?: number | null }, refuse: (field: 'organization_id', message: string) => void) => {
	if (d.role === 'focal_point' && d.organization_id === null) refuse('organization_id', m.auth_focal_point_needs_organization());
};

export const inviteSchema = formObject(
	{
		email,
		role: z.enum(ROLES, { error: () => m.auth_choose_role() }),
		organization_id: organizationId
	},
	focalPointNeedsOrganization
);

export const setRoleSchema = formObject(
	{
		user_id: z.coerce.number().int().positive(),
		role: z.enum(ROLES, { error: () => m.auth_choose_role() }),
		organization_id: organizationId
	},
	focalPointNeedsOrganization
);
