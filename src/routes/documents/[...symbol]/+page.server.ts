import { error, redirect } from '@sveltejs/kit';
import { documentBySymbol, DOCUMENT_TYPE_LABELS, LANGUAGES } from '$lib/server/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await documentBySymbol(params.symbol, locals.user);
	if (!page.found) {
		if (page.canonical) redirect(308, `/documents/${page.canonical}${url.search}`);
		error(404, 'No document has this symbol.');
	}
	const { doc, files, versions, meeting, item, organization, replacement } = page;
	return {
		doc: {
			id: doc.id,
			symbol: doc.symbol,
			title: doc.title,
			titleLang: doc.titleLang,
			type: (DOCUMENT_TYPE_LABELS as Record<string, string>)[doc.type] ?? doc.type,
			status: doc.status,
			distribution: doc.distribution,
			published_at: doc.published_at,
			withdrawn_at: doc.withdrawn_at
		},
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, titleLang: meeting.titleLang },
		item: item ? `${item.sub_number ? `${item.number} (${item.sub_number})` : item.number}. ${item.title}` : null,
		itemLang: item?.titleLang ?? null,
		organization,
		replacement: replacement ? { symbol: replacement.symbol, title: replacement.title, titleLang: replacement.titleLang } : null,
		files: files.map((f) => ({ language: f.language, label: (LANGUAGES as Record<string, string>)[f.language] ?? f.language, size: f.size, mime: f.mime })),
		versions
	};
};
