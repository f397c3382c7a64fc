import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/meetings/access';
import { listAgenda } from '$lib/server/meetings/queries';
import { formatAgendaNumber } from '$lib/server/meetings/agenda';
import { listOrganizationOptions } from '$lib/server/organizations/queries';
import { meetingDocuments } from '$lib/server/records/queries';
import { createDocument, proposedSymbol } from '$lib/server/records/store';
import { newDocumentSchema } from '$lib/server/records/forms';
import { DOCUMENT_TYPE_LABELS } from '$lib/server/records/files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const db = getDb();
	const [docs, agenda, organizations, proposed] = await Promise.all([meetingDocuments(db, meeting.id, true), listAgenda(db, meeting.id), listOrganizationOptions(db), proposedSymbol(db, meeting)]);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, symbol_prefix: meeting.symbol_prefix },
		docs,
		proposed,
		agenda: agenda.map((a) => ({ value: a.id, label: `${formatAgendaNumber(a.number, a.sub_number)}. ${a.title.slice(0, 70)}` })),
		organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
		types: Object.entries(DOCUMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(newDocumentSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await createDocument(getDb(), { id: actor.id, email: actor.email }, meeting, parsed.data);
		if (!result.ok) return invalid(formValues(fd), result.errors);
		redirect(303, `/admin/documents/${result.document.id}?created=1`);
	}
};
