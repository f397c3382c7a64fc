import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { listAgenda, formatAgendaNumber, meetingRef } from '$lib/server/meetings';
import { listOrganizationOptions } from '$lib/server/organizations';
import {
	documentFiles,
	getDocument,
	attachFile,
	publishDocument,
	updateDocument,
	withdrawDocument,
	documentMetaSchema,
	DOCUMENT_TYPE_LABELS,
	LANGUAGES
} from '$lib/server/records';
import type { Actions, PageServerLoad } from './$types';

async function staffDocument(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const actor = requireStaff(event);
	const doc = await getDocument(Number((event.params as { id: string }).id) || 0);
	if (!doc) error(404, m.adm_doc_not_found());
	return { actor: { id: actor.id, email: actor.email }, doc };
}

export const load: PageServerLoad = async (event) => {
	const { doc } = await staffDocument(event);
	const [files, meeting, agenda, organizations] = await Promise.all([
		documentFiles(doc.id),
		meetingRef(doc.meeting_id),
		listAgenda(doc.meeting_id),
		listOrganizationOptions()
	]);
	return {
		doc,
		meeting,
		files: files.map((f) => ({ language: f.language, label: (LANGUAGES as Record<string, string>)[f.language], size: f.size, name: f.original_name })),
		agenda: agenda.map((a) => ({ value: a.id, label: `${formatAgendaNumber(a.number, a.sub_number)}. ${a.title.slice(0, 70)}` })),
		organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
		types: Object.entries(DOCUMENT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
		languages: Object.entries(LANGUAGES).map(([value, label]) => ({ value, label })),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	meta: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const fd = await event.request.formData();
		const parsed = parseForm(documentMetaSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'meta' });
		const saved = await updateDocument(actor, doc, parsed.data);
		if (!saved.ok) return invalid(formValues(fd), saved.errors, { form: 'meta' });
		return { form: 'meta', done: m.adm_saved() };
	},
	upload: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const fd = await event.request.formData();
		const result = await attachFile(actor, doc, String(fd.get('language') ?? ''), fd.get('file'));
		if (!result.ok) return invalid(formValues(fd), result.errors, { form: 'upload' });
		return { form: 'upload', done: m.adm_doc_file_received() };
	},
	publish: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const r = await publishDocument(actor, doc);
		if (r === 'no_files') return fail(400, { form: 'status', message: m.adm_doc_no_files() });
		if (r === 'not_draft') return fail(400, { form: 'status', message: m.adm_doc_not_draft() });
		return { form: 'status', done: m.adm_doc_published() };
	},
	withdraw: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const fd = await event.request.formData();
		const replacedBy = String(fd.get('replaced_by') ?? '').trim() || null;
		const r = await withdrawDocument(actor, doc, replacedBy);
		if (r === 'unknown_replacement') return invalid(formValues(fd), { replaced_by: m.adm_doc_unknown_replacement() }, { form: 'status' });
		if (r === 'not_published') return fail(400, { form: 'status', message: m.adm_doc_not_published() });
		return { form: 'status', done: m.adm_doc_withdrawn_done() };
	}
};
