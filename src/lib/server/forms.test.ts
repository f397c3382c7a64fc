import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { email, formValues, parseForm, text } from './forms';
import { loginSchema, signupSchema } from './auth/forms';

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

describe('parseForm', () => {
	it('gives a message per field and keeps the input, never the password', () => {
		const r = parseForm(signupSchema, fd({ email: 'not-an-address', given_name: '  ', family_name: 'Lee', password: 'short', password_confirm: 'short' }));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.email).toMatch(/valid e-mail/);
		expect(r.errors.given_name).toMatch(/required/);
		expect(r.errors.password).toMatch(/at least 10/);
		expect(r.values).toEqual({ email: 'not-an-address', given_name: '  ', family_name: 'Lee' });
	});

	it('normalises e-mail and trims text', () => {
		const r = parseForm(
			signupSchema,
			fd({ email: ' Ana@Example.ORG ', given_name: ' Ana ', family_name: 'Lee', password: 'long enough pw', password_confirm: 'long enough pw' })
		);
		expect(r.ok && r.data).toMatchObject({ email: 'ana@example.org', given_name: 'Ana' });
	});

	it('says when the two passwords differ', () => {
		const r = parseForm(
			signupSchema,
			fd({ email: 'a@b.org', given_name: 'A', family_name: 'B', password: 'long enough pw', password_confirm: 'long enough px' })
		);
		expect(!r.ok && r.errors.password_confirm).toMatch(/do not match/);
	});

	it('handles missing fields and wrong types without throwing', () => {
		const r = parseForm(loginSchema, new FormData());
		expect(!r.ok && r.errors).toMatchObject({ email: expect.any(String), password: expect.any(String) });
		const f = new FormData();
		f.append('email', new Blob(['x']), 'file.txt');
		expect(parseForm(z.object({ email }), f).ok).toBe(false);
	});

	it('refuses control characters at the field, keeps the input, and limits length', () => {
		const schema = z.object({ name: text('Name', 5) });
		expect(parseForm(schema, fd({ name: 'a\u0000b\u0007c' }))).toEqual({
			ok: false,
			values: { name: 'a\u0000b\u0007c' },
			errors: { name: 'Name must be one line of text, without line breaks, tabs or invisible control characters.' }
		});
		expect(parseForm(schema, fd({ name: ' abc\n' }))).toEqual({ ok: true, data: { name: 'abc' } });
		expect(parseForm(schema, fd({ name: 'abcdefg' })).ok).toBe(false);
	});

	it('formValues leaves out secrets and internal fields', () => {
		expect(formValues(fd({ a: '1', current_password: 'x', _token: 't' }))).toEqual({ a: '1' });
	});
});
