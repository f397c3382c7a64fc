import { describe, expect, it } from 'vitest';
import { runInLocale } from '../i18n';
import { parseForm } from '../forms';
import { sessionTimeErrors } from '../meetings/rules';
import { noteSchema, taskSchema } from './forms';

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

const errorsOf = (entries: Record<string, string>) => {
	const r = parseForm(taskSchema, fd(entries));
	return r.ok ? {} : r.errors;
};

describe("staff forms of a meeting speak the request's language", () => {
	const task = { outcome_id: '1', what: ' ', owner_kind: 'nobody', due_date: '2031-02-31' };

	it('a refused task: the same schema in French, Spanish and English', () => {
		expect(runInLocale('fr', () => errorsOf(task))).toEqual({
			what: 'Le champ « Tâche » est obligatoire.',
			owner_kind: 'Choisissez qui en est chargé.',
			due_date: "Date d'échéance : cette date n'existe pas."
		});
		expect(runInLocale('es', () => errorsOf({ ...task, due_date: '1 March' })).due_date).toBe('Fecha límite: introduzca una fecha con el formato AAAA-MM-DD.');
		expect(runInLocale('en', () => errorsOf(task))).toEqual({
			what: 'What is required.',
			owner_kind: 'Choose who does it.',
			due_date: 'Due date is not a real date.'
		});
	});

	it('a progress note too long names its field in the language of the page', () => {
		const r = runInLocale('es', () => parseForm(noteSchema, fd({ task_id: '1', text: 'x'.repeat(2001) })));
		expect(r.ok ? null : r.errors.text).toMatch(/^.*Nota de avance.*2000/);
	});

	it('a session outside the meeting is refused in French', () => {
		const meeting = { start_date: '2031-09-01', end_date: '2031-09-03', time_zone: 'Europe/Zurich' };
		const errors = runInLocale('fr', () => sessionTimeErrors({ startsAt: '2031-08-30T08:00:00Z', endsAt: '2031-08-30T07:00:00Z' }, meeting));
		expect(errors).toEqual({
			starts_at: 'La réunion commence le 2031-09-01 : une séance ne peut pas commencer avant.',
			ends_at: 'La fin doit être postérieure au début.'
		});
	});
});
