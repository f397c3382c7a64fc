import { meetingDocuments, DOCUMENT_TYPE_LABELS } from '$lib/server/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { meeting } = await parent();
	const docs = await meetingDocuments(meeting.id, locals.user?.role === 'staff');
	// Grouped by type in the order documents appear in UN lists, then by agenda item.
	const groups = Object.keys(DOCUMENT_TYPE_LABELS)
		.map((type) => ({
			type,
			docs: docs
				.filter((d) => d.type === type)
				.sort((a, b) => (a.item_position ?? 1e9) - (b.item_position ?? 1e9) || a.symbol.localeCompare(b.symbol, 'en', { numeric: true }))
				.map((d) => ({
					...d,
					item: d.item_number ? `${d.item_sub ? `${d.item_number} (${d.item_sub})` : d.item_number}. ${d.item_title}` : null,
					itemLang: d.itemTitleLang
				}))
		}))
		.filter((g) => g.docs.length);
	return { groups };
};
