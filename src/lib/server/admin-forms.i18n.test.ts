import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runInLocale } from './i18n';
import { parseForm } from './forms';
import { meetingSchema } from './meetings/forms';
import { documentMetaSchema } from './records/forms';
import { FACT_TYPES, checkFact, factSchema } from './organizations/fact-form';
import { defaultCriteria } from './sponsorship/criteria';
import { paramFields, readParams } from './sponsorship/criteria-form';

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}
const errorsOf = (schema: z.ZodType, entries: Record<string, string>) => {
	const r = parseForm(schema, fd(entries));
	return r.ok ? {} : r.errors;
};

const meeting = { code: '9MSP', title: 'Ninth Meeting', kind: 'msp', start_date: '2019-09-04', end_date: '2019-09-02', time_zone: 'Europe/Zurich' };

describe('staff forms speak the language of the request, from the same module-level schemas', () => {
	it('a meeting that ends before it starts is refused in French, Spanish and English', () => {
		expect(runInLocale('fr', () => errorsOf(meetingSchema, meeting))).toEqual({ end_date: 'La date de fin ne peut pas précéder la date de début.' });
		expect(runInLocale('es', () => errorsOf(meetingSchema, meeting))).toEqual({
			end_date: 'La fecha de clausura no puede ser anterior a la fecha de inicio.'
		});
		expect(runInLocale('en', () => errorsOf(meetingSchema, meeting))).toEqual({ end_date: 'The end date cannot be before the start date.' });
	});

	it('a field label inside a message is in the same language as the message', () => {
		const bad = { ...meeting, start_date: '2019-02-30', end_date: '', capacity: '0' };
		expect(runInLocale('fr', () => errorsOf(meetingSchema, bad))).toMatchObject({
			start_date: 'Date de début : cette date n’existe pas.',
			end_date: 'Date de fin : indiquez une date comme 2019-09-02.',
			capacity: 'Capacité : au moins 1.'
		});
	});

	it('a document with no type is refused in Spanish', () => {
		expect(runInLocale('es', () => errorsOf(documentMetaSchema, { title: 'Agenda', distribution: 'general' }))).toMatchObject({
			type: 'Elija un tipo de documento.'
		});
	});

	it('the kinds of fact and the checks against other entries are in French on a French page', () => {
		expect(runInLocale('fr', () => FACT_TYPES.find((t) => t.value === 'status.signature')!.label)).toBe('CCM : signature');
		expect(FACT_TYPES.find((t) => t.value === 'status.signature')!.label).toBe('CCM: signature');
		const input = factSchema.parse({ type: 'deadline.original', source: 'CCM/MSP/2010/5' });
		expect(runInLocale('fr', () => checkFact(input, [], '2026-11-29'))).toEqual({
			on_date: 'Indiquez la date.',
			article: 'Choisissez l’article 3 ou l’article 4.'
		});
	});

	it('the criteria editor names its parameters and refuses a bad share in Spanish', () => {
		const c = defaultCriteria().criteria.find((x) => x.kind === 'statement')!;
		const fields = runInLocale('es', () => paramFields(c, []));
		expect(fields.map((f) => f.label)).toEqual(['Pronunciará una declaración', 'Una declaración que nombra temas del programa']);
		const posted = { get: (n: string) => (n.endsWith('statementShare') ? '101' : '50'), getAll: () => [] };
		expect(Object.values(runInLocale('es', () => readParams(c, posted, [])).errors)).toEqual(['Un número entero de 0 a 100.']);
	});
});
