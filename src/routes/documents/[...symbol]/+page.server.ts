import { error, redirect } from '@sveltejs/kit';
import { documentBySymbol } from '$lib/server/records';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await documentBySymbol(params.symbol, locals.user);
	if (!page.found) {
		if (page.canonical) redirect(308, localizeHref(`/documents/${page.canonical}${url.search}`));
		error(404, m.pub_document_not_found());
	}
	const { doc, files, versions, meeting, item, organization, replacement } = page;
	return {
		doc: {
			id: doc.id,
			symbol: doc.symbol,
			title: doc.title,
			titleLang: doc.titleLang,
			type: doc.type,
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
		files: files.map((f) => ({ language: f.language, size: f.size, mime: f.mime })),
		versions
	};
};
