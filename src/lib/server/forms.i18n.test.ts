import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { runInLocale } from './i18n';
import { parseForm, text } from './forms';
import { changePasswordSchema, loginSchema, signupSchema } from './auth/forms';

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

const errorsOf = (schema: z.ZodType, entries: Record<string, string>) => {
	const r = parseForm(schema, fd(entries));
	return r.ok ? {} : r.errors;
};

describe('form messages in the language of the request', () => {
	it('a refused sign-up speaks French on a French page, English on an English one, from the same schema', () => {
		const input = { email: 'ana@example', given_name: ' ', family_name: 'Lee', password: 'long enough pw', password_confirm: 'long enough px' };
		expect(runInLocale('fr', () => errorsOf(signupSchema, input))).toEqual({
			email: 'Indiquez une adresse électronique valide, par exemple nom@example.org.',
			given_name: 'Le champ « Prénom » est obligatoire.',
			password_confirm: 'Les deux mots de passe ne correspondent pas.'
		});
		expect(runInLocale('en', () => errorsOf(signupSchema, input))).toEqual({
			email: 'Enter a valid e-mail address, like name@example.org.',
			given_name: 'Given name is required.',
			password_confirm: 'The two passwords do not match.'
		});
	});

	it('a short password is refused with the length in French', () => {
		const input = { email: 'ana@example.org', given_name: 'Ana', family_name: 'Lee', password: 'short', password_confirm: 'short' };
		expect(runInLocale('fr', () => errorsOf(signupSchema, input))).toEqual({ password: 'Utilisez au moins 10 caractères.' });
	});

	it('missing fields are asked for in Spanish', () => {
		expect(runInLocale('es', () => errorsOf(loginSchema, {}))).toEqual({
			email: 'Indique su dirección de correo electrónico.',
			password: 'Indique su contraseña.'
		});
		expect(runInLocale('es', () => errorsOf(changePasswordSchema, { password: 'long enough pw', password_confirm: 'long enough pw' }))).toEqual({
			current_password: 'Indique su contraseña actual.'
		});
	});

	it('a shared field schema names its field with the label of the page language, and keeps an English label given as text', () => {
		const schema = z.object({ name: text(m.auth_family_name, 5), city: text('City', 5) });
		expect(runInLocale('fr', () => errorsOf(schema, { name: 'Dupont-Moretti', city: 'a\u0007b' }))).toEqual({
			name: 'Le champ « Nom de famille » ne doit pas dépasser 5 caractères.',
			city: 'Le champ « City » doit tenir sur une ligne, sans saut de ligne, tabulation ni caractère de contrôle invisible.'
		});
		expect(runInLocale('es', () => errorsOf(schema, { city: 'Lima' }))).toEqual({ name: 'El campo «Apellidos» es obligatorio.' });
	});
});

describe("zod's own issues, for schemas without a message (z.config in forms.ts)", () => {
	const schema = z.object({
		places: z.coerce.number().int().min(1).max(5000),
		note: z.string().max(3).optional(),
		kind: z.enum(['a', 'b']),
		site: z.url().optional(),
		step: z.coerce.number().multipleOf(5).optional(),
		picks: z.array(z.string()).min(2).optional()
	});

	it('speaks French', () => {
		const errors = runInLocale('fr', () => errorsOf(schema, { places: 'beaucoup', note: 'trop long', kind: 'c', site: 'pas une adresse', step: '7' }));
		expect(errors).toEqual({
			places: 'Indiquez un nombre.',
			note: 'Saisissez au plus 3 caractères.',
			kind: 'Choisissez l’une des options proposées.',
			site: 'Indiquez une adresse web commençant par https://.',
			step: 'Indiquez un multiple de 5.'
		});
		const more = runInLocale('fr', () => errorsOf(schema, { places: '12000', kind: 'a', picks: 'x' }));
		expect(more.places).toMatch(/^Indiquez un nombre inférieur ou égal à 5\s000\.$/);
		expect(runInLocale('fr', () => errorsOf(schema, { places: '0', kind: 'a' })).places).toBe('Indiquez un nombre supérieur ou égal à 1.');
		expect(runInLocale('fr', () => errorsOf(schema, { places: '2.5', kind: 'a' })).places).toBe('Indiquez un nombre entier.');
		expect(runInLocale('fr', () => errorsOf(z.object({ x: z.string() }), {})).x).toBe('Remplissez ce champ.');
	});

	it('speaks Spanish and English, never zod’s developer English', () => {
		expect(runInLocale('es', () => errorsOf(schema, { places: '0', kind: 'a' }))).toEqual({ places: 'Indique un número mayor o igual que 1.' });
		expect(runInLocale('en', () => errorsOf(schema, { places: 'many', kind: 'z' }))).toEqual({ places: 'Enter a number.', kind: 'Choose one of the options.' });
		expect(runInLocale('en', () => errorsOf(z.object({ picks: z.array(z.string()).min(2) }), {})).picks).toBe('Fill in this field.');
	});
});

describe('account roles', () => {
	it('are named in the language of the page that shows them', async () => {
		const { ROLE_LABELS } = await import('./auth');
		expect(runInLocale('fr', () => ROLE_LABELS.focal_point)).toBe('point focal');
		expect(runInLocale('es', () => ({ ...ROLE_LABELS }).cc_member)).toBe('miembro del Comité de Coordinación');
		expect(runInLocale('en', () => ROLE_LABELS.staff)).toBe('ISU staff');
	});
});
