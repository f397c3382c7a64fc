import { listAgenda, formatAgendaNumber, titleIn } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const items = await listAgenda(meeting.id);
	return { items: items.map((i) => ({ id: i.id, label: formatAgendaNumber(i.number, i.sub_number), sub: !!i.sub_number, ...titleIn(i) })) };
};
