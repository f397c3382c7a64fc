import { getDb } from '$lib/server/db';
import { listAgenda } from '$lib/server/meetings/queries';
import { formatAgendaNumber } from '$lib/server/meetings/agenda';
import { meetingDocuments } from '$lib/server/records/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const db = getDb();
	const [agenda, docs, participants] = await Promise.all([
		listAgenda(db, meeting.id),
		meetingDocuments(db, meeting.id, false),
		db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meeting.id).where('status', '=', 'approved').executeTakeFirstOrThrow()
	]);
	const slim = (d: (typeof docs)[number]) => ({ id: d.id, symbol: d.symbol, title: d.title, organization: d.organization, status: d.status, languages: d.languages });
	return {
		items: agenda.map((a) => ({
			id: a.id,
			label: formatAgendaNumber(a.number, a.sub_number),
			sub: !!a.sub_number,
			title: a.title,
			documents: docs.filter((d) => d.agenda_item_id === a.id && d.type !== 'statement').map(slim),
			statements: docs.filter((d) => d.agenda_item_id === a.id && d.type === 'statement').map(slim)
		})),
		reports: docs.filter((d) => d.type === 'report' || d.type === 'decision').map(slim),
		unassigned: docs.filter((d) => !d.agenda_item_id && d.type !== 'report' && d.type !== 'decision').map(slim),
		hasParticipants: Number(participants.n) > 0
	};
};
