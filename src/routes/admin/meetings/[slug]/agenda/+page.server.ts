import { fail } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import {
	agendaEditSchema,
	agendaImportSchema,
	agendaItemSchema,
	idSchema,
	moveSchema,
	agendaUsage,
	listAgenda,
	addAgendaItem,
	deleteAgendaItem,
	editAgendaItem,
	importAgenda,
	moveAgenda,
	renumberAgenda,
	formatAgendaNumber,
	parseAgendaText
} from '$lib/server/meetings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const [items, usage] = await Promise.all([listAgenda(meeting.id), agendaUsage(meeting.id)]);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title },
		items: items.map((i) => ({
			id: i.id,
			number: i.number,
			sub_number: i.sub_number,
			label: formatAgendaNumber(i.number, i.sub_number),
			title: i.title,
			title_fr: i.title_fr,
			title_es: i.title_es,
			sessions: usage.get(i.id) ?? 0
		})),
		editing: Number(event.url.searchParams.get('edit')) || null
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const parsed = parseForm(agendaItemSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'add' });
		const item = await addAgendaItem(actor, meeting.id, parsed.data);
		if (item === 'no_parent') return invalid({ title: parsed.data.title }, { parent_id: m.mtg_agenda_choose_top() }, { form: 'add' });
		return { form: 'add', done: m.mtg_agenda_added({ label: formatAgendaNumber(item.number, item.sub_number) }) };
	},
	edit: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const id = idSchema.safeParse({ id: fd.get('id') });
		if (!id.success) return fail(400, { form: 'edit', message: m.mtg_agenda_unknown() });
		const parsed = parseForm(agendaEditSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: `edit-${id.data.id}` });
		const saved = await editAgendaItem(actor, meeting.id, id.data.id, parsed.data);
		if (saved === 'not_found') return fail(404, { form: 'edit', message: m.mtg_agenda_gone() });
		if (saved === 'duplicate') {
			const label = formatAgendaNumber(parsed.data.number, parsed.data.sub_number);
			const message = m.mtg_agenda_duplicate({ label });
			return invalid(formValues(fd), { [parsed.data.sub_number ? 'sub_number' : 'number']: message }, { form: `edit-${id.data.id}` });
		}
		return { form: 'edit', done: m.mtg_agenda_saved() };
	},
	delete: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const id = idSchema.safeParse({ id: fd.get('id') });
		if (!id.success) return fail(400, { form: 'delete', message: m.mtg_agenda_unknown() });
		const result = await deleteAgendaItem(actor, meeting.id, id.data.id, fd.get('confirm') === 'yes');
		if (!result.deleted && result.sessions > 0) return { form: 'delete', confirmId: id.data.id, sessions: result.sessions };
		return { form: 'delete', done: result.deleted ? m.mtg_agenda_deleted() : m.mtg_agenda_gone() };
	},
	move: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const parsed = moveSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { form: 'move', message: m.mtg_agenda_unknown() });
		await moveAgenda(actor, meeting.id, parsed.data.id, parsed.data.direction);
		return { form: 'move' };
	},
	renumber: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		await renumberAgenda(actor, meeting.id);
		return { form: 'renumber', done: m.mtg_agenda_renumbered() };
	},
	import: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const parsed = parseForm(agendaImportSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'import' });
		const { items, errors } = parseAgendaText(parsed.data.text);
		const values = { text: parsed.data.text };
		const preview = items.map((i) => ({ label: formatAgendaNumber(i.number, i.subNumber), title: i.title, depth: i.depth }));
		if (errors.length || !items.length) {
			const message = errors.length ? errors.map((e) => e.message).join(' ') : m.mtg_agenda_import_none();
			return invalid(values, { text: message }, { form: 'import' });
		}
		if (parsed.data.mode === 'preview') return { form: 'import', values, preview };
		const saved = await importAgenda(actor, meeting.id, items);
		if (!saved.ok) {
			return invalid(
				values,
				{
					text: m.mtg_agenda_import_in_use({ count: saved.sessions })
				},
				{ form: 'import' }
			);
		}
		return { form: 'import', done: m.mtg_agenda_import_saved({ count: items.length }) };
	}
};
