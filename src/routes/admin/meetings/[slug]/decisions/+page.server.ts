import { fail } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import {
	addNote,
	addOutcome,
	addTask,
	meetingOutcomes,
	minutesOf,
	minutesSchema,
	noteSchema,
	outcomeSchema,
	outcomeTasks,
	ownerChoices,
	saveMinutes,
	taskSchema
} from '$lib/server/decisions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const [outcomes, agenda, owners, minutes] = await Promise.all([meetingOutcomes(meeting.id), listAgenda(meeting.id), ownerChoices(), minutesOf(meeting.id)]);
	const tasks = await outcomeTasks(outcomes.map((o) => o.id));
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, kind: meeting.kind, start_date: meeting.start_date },
		outcomes: outcomes.map((o) => ({ ...o, tasks: tasks.filter((t) => t.outcome_id === o.id) })),
		agenda: agenda.map((a) => ({ value: a.id, label: `${formatAgendaNumber(a.number, a.sub_number)}. ${a.title.slice(0, 70)}` })),
		owners,
		minutes: minutes?.text ?? '',
		// After a delete (a redirect here): how many tasks went with the outcome.
		deleted: /^\d{1,6}$/.test(event.url.searchParams.get('deleted') ?? '') ? Number(event.url.searchParams.get('deleted')) : null
	};
};

export const actions: Actions = {
	outcome: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(outcomeSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'outcome' });
		const saved = await addOutcome(actor, meeting, parsed.data);
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form: 'outcome' });
		return { form: 'outcome', done: m.mtg_dec_recorded({ number: parsed.data.number }) };
	},
	task: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const form = `task-${String(fd.get('outcome_id') ?? '').slice(0, 12)}`;
		const parsed = parseForm(taskSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form });
		const saved = await addTask(actor, meeting, parsed.data, event.url.origin);
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form });
		return { form, done: m.mtg_dec_task_recorded() };
	},
	note: async (event) => {
		const { actor } = await staffMeeting(event);
		const fd = await event.request.formData();
		const form = `note-${String(fd.get('task_id') ?? '').slice(0, 12)}`;
		const parsed = parseForm(noteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form });
		const saved = await addNote(actor, parsed.data);
		if (saved === 'not_found') return fail(404, { form, message: m.mtg_dec_task_gone() });
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form });
		return { form, done: m.mtg_dec_note_added() };
	},
	minutes: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const parsed = parseForm(minutesSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'minutes' });
		await saveMinutes(actor, meeting.id, parsed.data.text);
		return { form: 'minutes', done: m.mtg_dec_minutes_saved() };
	}
};
