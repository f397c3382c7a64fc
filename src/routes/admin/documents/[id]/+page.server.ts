import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
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
	if (!doc) error(404, 'No such document.');
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
		return { form: 'meta', done: 'Saved.' };
	},
	upload: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const fd = await event.request.formData();
		const result = await attachFile(actor, doc, String(fd.get('language') ?? ''), fd.get('file'));
		if (!result.ok) return invalid(formValues(fd), result.errors, { form: 'upload' });
		return { form: 'upload', done: 'File received.' };
	},
	publish: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const r = await publishDocument(actor, doc);
		if (r === 'no_files') return fail(400, { form: 'status', message: 'Upload at least one language’s file before publishing.' });
		if (r === 'not_draft') return fail(400, { form: 'status', message: 'Only a draft can be published.' });
		return { form: 'status', done: 'Published.' };
	},
	withdraw: async (event) => {
		const { actor, doc } = await staffDocument(event);
		const fd = await event.request.formData();
		const replacedBy = String(fd.get('replaced_by') ?? '').trim() || null;
		const r = await withdrawDocument(actor, doc, replacedBy);
		if (r === 'unknown_replacement') return invalid(formValues(fd), { replaced_by: 'No other document has that symbol.' }, { form: 'status' });
		if (r === 'not_published') return fail(400, { form: 'status', message: 'Only a published document can be withdrawn.' });
		return { form: 'status', done: 'Withdrawn: the document stays, marked as withdrawn.' };
	}
};
