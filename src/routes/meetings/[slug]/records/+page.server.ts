import { listAgenda, formatAgendaNumber, titleIn } from '$lib/server/meetings';
import { meetingDocuments, type MeetingDocument } from '$lib/server/records';
import { attendance } from '$lib/server/registration';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const [agenda, docs, participants] = await Promise.all([listAgenda(meeting.id), meetingDocuments(meeting.id, false), attendance(meeting.id)]);
	const slim = (d: MeetingDocument) => ({
		id: d.id,
		symbol: d.symbol,
		title: d.title,
		titleLang: d.titleLang,
		organization: d.organization,
		status: d.status,
		languages: d.languages
	});
	return {
		items: agenda.map((a) => ({
			id: a.id,
			label: formatAgendaNumber(a.number, a.sub_number),
			sub: !!a.sub_number,
			...titleIn(a),
			documents: docs.filter((d) => d.agenda_item_id === a.id && d.type !== 'statement').map(slim),
			statements: docs.filter((d) => d.agenda_item_id === a.id && d.type === 'statement').map(slim)
		})),
		reports: docs.filter((d) => d.type === 'report' || d.type === 'decision').map(slim),
		unassigned: docs.filter((d) => !d.agenda_item_id && d.type !== 'report' && d.type !== 'decision').map(slim),
		hasParticipants: participants.approved > 0
	};
};
