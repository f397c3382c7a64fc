import { getDb } from '$lib/server/db';
import { listAgenda } from '$lib/server/meetings/queries';
import { formatAgendaNumber } from '$lib/server/meetings/agenda';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const items = await listAgenda(getDb(), meeting.id);
	return { items: items.map((i) => ({ id: i.id, label: formatAgendaNumber(i.number, i.sub_number), sub: !!i.sub_number, title: i.title })) };
};
