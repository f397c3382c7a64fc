import { describe, expect, it } from 'vitest';
import { runInLocale } from '../i18n';
import { parseForm } from '../forms';
import { formatChf } from '../../money';
import { applicationSchema } from '../sponsorship';
import { nextStep } from './own-space';
import { genderOptions, roleOptions } from './options';
import { personSchema } from './forms';
import { CATEGORY_LABELS, ROLE_LABELS, STATUS_LABELS } from './rules';

const form = (fields: Record<string, string>) => {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	return fd;
};

describe('the delegate part in the request’s language', () => {
	it('reads labels built once at start-up in the language of each request, English outside one', () => {
		expect(ROLE_LABELS.head).toBe('Head of delegation');
		expect(runInLocale('fr', () => ROLE_LABELS.head)).toBe('Chef de délégation');
		expect(runInLocale('es', () => STATUS_LABELS.waitlisted)).toBe('En la lista de espera');
		expect(runInLocale('fr', () => CATEGORY_LABELS.party)).toBe('État partie');
		expect(runInLocale('es', () => roleOptions.find((o) => o.value === 'adviser')?.label)).toBe('Asesor');
		expect(runInLocale('fr', () => genderOptions.map((o) => o.label))).toContain('Femme');
		// As a page's data is serialised: plain values, in the request's language.
		expect(runInLocale('fr', () => JSON.parse(JSON.stringify(roleOptions))[0])).toEqual({ value: 'head', label: 'Chef de délégation' });
		expect(
			runInLocale(
				'es',
				() => nextStep({ status: 'waitlisted', confirmed: true, sponsorship: null, offerDeadline: null, waitPosition: 2, meetingOver: false })?.text
			)
		).toBe('Esperar: usted es el número 2 en la lista de espera; le escribiremos');
	});

	it('refuses a form field in the language of the request that parses it', () => {
		const bad = form({ organization_id: '', given_name: 'Awa', family_name: 'Ndiaye', email: 'awa@example.org', phone: 'call me', role: 'boss' });
		const fr = runInLocale('fr', () => parseForm(personSchema, bad));
		expect(fr.ok).toBe(false);
		if (!fr.ok) {
			expect(fr.errors.phone).toMatch(/^Utilisez uniquement des chiffres/);
			expect(fr.errors.organization_id).toBe('Choisissez votre État ou votre organisation dans la liste.');
			expect(fr.errors.role).toBe('Choisissez une fonction au sein de la délégation.');
		}
		const en = parseForm(personSchema, bad);
		if (!en.ok) expect(en.errors.phone).toMatch(/^Use digits, spaces/);
		const es = runInLocale('es', () => parseForm(applicationSchema(6), form({ airfare: '-5', nights: '9' })));
		expect(es.ok).toBe(false);
		if (!es.ok) {
			expect(es.errors.airfare).toBe('Indique el pasaje como un importe positivo en CHF, por ejemplo, 1250 o 1250.50.');
			expect(es.errors.nights).toBe('Como máximo 6 noches: los 4 días de la reunión y un día de viaje antes y después.');
		}
	});

	it('writes money as each language does, and English as before', () => {
		expect(formatChf(123_450)).toBe('CHF 1,234.50');
		expect(runInLocale('fr', () => formatChf(123_450))).toMatch(/^1\s234,50\sCHF$/);
		expect(formatChf(15_000_000, 'es')).toMatch(/^150\.000,00\sCHF$/);
	});
});
