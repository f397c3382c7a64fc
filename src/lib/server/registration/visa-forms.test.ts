import { describe, expect, it } from 'vitest';
import { parseForm } from '../forms';
import { visaLetterSchema } from './visa-forms';

const form = (v: Record<string, string>) => {
	const fd = new FormData();
	for (const [k, x] of Object.entries(v)) fd.set(k, x);
	return fd;
};

describe('the letter of invitation form', () => {
	it('refuses an empty passport number, control characters and more than 64 characters at the field, keeping the input', () => {
		const r = parseForm(visaLetterSchema, form({ passport_name: 'NDIAYE\u202eAwa', nationality: 'x'.repeat(65), passport_number: '  ' }));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.passport_number).toBe('Passport number is required.');
		expect(r.errors.passport_name).toMatch(/one line of text/);
		expect(r.errors.nationality).toBe('Nationality must be at most 64 characters.');
		expect(r.values.passport_name).toBe('NDIAYE\u202eAwa');
	});
	it('takes a name, nationality and number', () => {
		const r = parseForm(visaLetterSchema, form({ passport_name: 'NDIAYE Awa', nationality: 'Senegalese', passport_number: 'A1234567' }));
		expect(r.ok && r.data).toEqual({ passport_name: 'NDIAYE Awa', nationality: 'Senegalese', passport_number: 'A1234567' });
	});
});
