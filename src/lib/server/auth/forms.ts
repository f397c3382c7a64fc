import { z } from 'zod';
import { ROLES } from '../db';
import { email, formObject, text } from '../forms';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

export const newPassword = z
	.string({ error: 'Choose a password.' })
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
	.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

// The check that both passwords match runs even when another field (the e-mail) is wrong: every error in one answer.
const passwordConfirmed = <T extends z.ZodRawShape>(shape: T) =>
	formObject({ ...shape, password: newPassword, password_confirm: z.string().optional() }, (d, refuse) => {
		const { password, password_confirm } = d as { password?: string; password_confirm?: string };
		if (password !== undefined && password_confirm !== undefined && password_confirm !== password)
			refuse('password_confirm', 'The two passwords do not match.');
	});

export const signupSchema = passwordConfirmed({
	email,
	given_name: text('Given name', 100),
	family_name: text('Family name', 100)
});

export const loginSchema = z.object({
	email,
	password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX)
});

export const forgotSchema = z.object({ email });

export const resetSchema = passwordConfirmed({});

export const changePasswordSchema = passwordConfirmed({
	current_password: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX)
});

export const changeEmailSchema = z.object({
	new_email: email,
	current_password: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(PASSWORD_MAX)
});

export const acceptInviteSchema = passwordConfirmed({
	given_name: text('Given name', 100),
	family_name: text('Family name', 100)
});

const organizationId = z
	.string()
	.optional()
	.transform((s) => (s ? Number(s) : null))
	.pipe(z.number().int().positive('Choose an organization from the list.').nullable());

const focalPointNeedsOrganization = (d: { role?: string; organization_id?: number | null }, refuse: (field: 'organization_id', message: string) => void) => {
	if (d.role === 'focal_point' && d.organization_id === null) refuse('organization_id', 'A focal point needs an organization.');
};

export const inviteSchema = formObject(
	{
		email,
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		organization_id: organizationId
	},
	focalPointNeedsOrganization
);

export const setRoleSchema = formObject(
	{
		user_id: z.coerce.number().int().positive(),
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		organization_id: organizationId
	},
	focalPointNeedsOrganization
);
