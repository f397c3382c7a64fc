import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { invalid, formValues, parseForm } from '$lib/server/forms';
import { addNote, noteSchema, taskNotes, tasksOwnedBy } from '$lib/server/decisions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const tasks = await tasksOwnedBy(user.id);
	const notes = await taskNotes(tasks.map((t) => t.id));
	return { tasks: tasks.map((t) => ({ ...t, notes: notes.filter((n) => n.task_id === t.id) })), today: new Date().toISOString().slice(0, 10) };
};

export const actions: Actions = {
	note: async (event) => {
		const user = requireUser(event);
		const fd = await event.request.formData();
		const form = `note-${String(fd.get('task_id') ?? '').slice(0, 12)}`;
		const parsed = parseForm(noteSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form });
		// addNote checks that the task is this person's: someone else's task is "not found".
		const saved = await addNote(user, parsed.data);
		if (saved === 'not_found') return fail(404, { form, message: m.del_task_not_found() });
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form });
		return { form, done: parsed.data.status === 'done' ? m.del_task_marked_done() : m.del_task_note_added() };
	}
};
