import { error, redirect } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import { deleteOutcome, deleteOutcomeSchema, getOutcome, outcomeSchema, outcomeTasks, updateOutcome } from '$lib/server/decisions';
import type { Actions, PageServerLoad } from './$types';

const outcomeId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : 0);

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const id = outcomeId(event.params.id);
	const [outcome, agenda, tasks] = await Promise.all([getOutcome(meeting.id, id), listAgenda(meeting.id), outcomeTasks([id])]);
	if (!outcome) error(404, 'No such outcome.');
	return {
		meeting: { slug: meeting.slug, code: meeting.code },
		outcome: {
			id: outcome.id,
			number: outcome.number,
			symbol: outcome.symbol ?? '',
			agenda_item_id: outcome.agenda_item_id ?? '',
			kind: outcome.kind,
			text: outcome.text
		},
		agenda: agenda.map((a) => ({ value: a.id, label: `${formatAgendaNumber(a.number, a.sub_number)}. ${a.title.slice(0, 70)}` })),
		tasks: tasks.map((t) => ({ id: t.id, what: t.what, owner: t.owner, due_date: t.due_date, status: t.status }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(outcomeSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'save' });
		const saved = await updateOutcome(actor, meeting, outcomeId(event.params.id), parsed.data);
		if (saved === 'not_found') error(404, 'No such outcome.');
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form: 'save' });
		return { form: 'save', done: `Saved ${parsed.data.number}.` };
	},
	delete: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(deleteOutcomeSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'delete' });
		const deleted = await deleteOutcome(actor, meeting.id, outcomeId(event.params.id), parsed.data.reason);
		if (deleted === 'not_found') error(404, 'No such outcome.');
		if ('field' in deleted) return invalid(formValues(fd), { [deleted.field]: deleted.message }, { form: 'delete' });
		redirect(303, `/admin/meetings/${meeting.slug}/decisions?deleted=${deleted.tasks}`);
	}
};
