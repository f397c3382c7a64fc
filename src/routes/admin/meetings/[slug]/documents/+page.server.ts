import { redirect } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { listAgenda, formatAgendaNumber } from '$lib/server/meetings';
import { listOrganizationOptions } from '$lib/server/organizations';
import { meetingDocuments, createDocument, proposedSymbol, newDocumentSchema, DOCUMENT_TYPE_LABELS } from '$lib/server/records';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const [docs, agenda, organizations, proposed] = await Promise.all([
		meetingDocuments(meeting.id, true),
		listAgenda(meeting.id),
		listOrganizationOptions(),
		proposedSymbol(meeting)
	]);
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
		const result = await createDocument({ id: actor.id, email: actor.email }, meeting, parsed.data);
		if (!result.ok) return invalid(formValues(fd), result.errors);
		redirect(303, localizeHref(`/admin/documents/${result.document.id}?created=1`));
	}
};
