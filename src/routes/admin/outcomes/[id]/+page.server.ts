import { error, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import { deleteOutcome, deleteOutcomeSchema, outcomeSchema, outcomeTasks, outcomeWithMeeting, updateOutcome } from '$lib/server/decisions';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Staff only, and the outcome with its meeting, or a 404. */
async function staffOutcome(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireStaff(event);
	const id = /^\d{1,9}$/.test(event.params.id) ? Number(event.params.id) : 0;
	const outcome = id ? await outcomeWithMeeting(id) : undefined;
	if (!outcome) error(404, m.mtg_out_not_found());
	return { actor, outcome };
}

export const load: PageServerLoad = async (event) => {
	const { outcome } = await staffOutcome(event);
	const [agenda, tasks] = await Promise.all([listAgenda(outcome.meeting_id), outcomeTasks([outcome.id])]);
	return {
		meeting: { slug: outcome.meeting_slug, code: outcome.meeting_code },
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
		const { actor, outcome } = await staffOutcome(event);
		const fd = await event.request.formData();
		const parsed = parseForm(outcomeSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'save' });
		const saved = await updateOutcome(actor, { id: outcome.meeting_id }, outcome.id, parsed.data);
		if (saved === 'not_found') error(404, m.mtg_out_not_found());
		if ('field' in saved) return invalid(formValues(fd), { [saved.field]: saved.message }, { form: 'save' });
		return { form: 'save', done: m.mtg_out_saved({ number: parsed.data.number }) };
	},
	delete: async (event) => {
		const { actor, outcome } = await staffOutcome(event);
		const fd = await event.request.formData();
		const parsed = parseForm(deleteOutcomeSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'delete' });
		const deleted = await deleteOutcome(actor, outcome.meeting_id, outcome.id, parsed.data.reason);
		if (deleted === 'not_found') error(404, m.mtg_out_not_found());
		if ('field' in deleted) return invalid(formValues(fd), { [deleted.field]: deleted.message }, { form: 'delete' });
		redirect(303, localizeHref(`/admin/meetings/${outcome.meeting_slug}/decisions?deleted=${deleted.tasks}`));
	}
};
