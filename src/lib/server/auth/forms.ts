import { z } from 'zod';
import { ROLES } from '../db';
import { email, text } from '../forms';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

export const newPassword = z
	.string({ error: 'Choose a password.' })
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
	.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

const passwordConfirmed = <T extends z.ZodRawShape>(shape: T) =>
	z.object({ ...shape, password: newPassword, password_confirm: z.string().optional() }).refine(
		(d) => {
			const { password, password_confirm } = d as { password: string; password_confirm?: string };
			return password_confirm === undefined || password_confirm === password;
		},
		{
			path: ['password_confirm'],
			message: 'The two passwords do not match.'
		}
	);

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

export const inviteSchema = z
	.object({
		email,
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		organization_id: organizationId
	})
	.refine((d) => d.role !== 'focal_point' || d.organization_id !== null, {
		path: ['organization_id'],
		message: 'A focal point needs an organization.'
	});

export const setRoleSchema = z
	.object({
		user_id: z.coerce.number().int().positive(),
		role: z.enum(ROLES, { error: 'Choose a role.' }),
		organization_id: organizationId
	})
	.refine((d) => d.role !== 'focal_point' || d.organization_id !== null, {
		path: ['organization_id'],
		message: 'A focal point needs an organization.'
	});
