import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { documentFiles, getDocument, getDocumentBySymbol, versionsOf } from '$lib/server/records/queries';
import { canSeeDocument } from '$lib/server/records/access';
import { formatSymbol, parseSymbol } from '$lib/server/records/symbols';
import { DOCUMENT_TYPE_LABELS, LANGUAGES } from '$lib/server/records/files';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = getDb();
	const doc = await getDocumentBySymbol(db, params.symbol);
	if (!doc) {
		// Symbols are cited in any case (ccm/msp/2019/1, …/rev.1): send those to the one canonical address.
		const parsed = parseSymbol(params.symbol);
		const canonical = parsed.ok ? formatSymbol(parsed.symbol) : null;
		if (canonical && canonical !== params.symbol) redirect(308, `/documents/${canonical}${url.search}`);
	}
	if (!doc || !canSeeDocument(doc, locals.user)) error(404, 'No document has this symbol.');
	const [files, versions, meeting, item, org, replacement] = await Promise.all([
		documentFiles(db, doc.id),
		versionsOf(db, doc.base_symbol),
		db.selectFrom('meetings').select(['slug', 'code', 'title', 'status']).where('id', '=', doc.meeting_id).executeTakeFirstOrThrow(),
		doc.agenda_item_id ? db.selectFrom('agenda_items').select(['number', 'sub_number', 'title']).where('id', '=', doc.agenda_item_id).executeTakeFirst() : undefined,
		doc.organization_id ? db.selectFrom('organizations').select('name').where('id', '=', doc.organization_id).executeTakeFirst() : undefined,
		doc.replaced_by_id ? getDocument(db, doc.replaced_by_id) : undefined
	]);
	if (meeting.status === 'draft' && locals.user?.role !== 'staff') error(404, 'No document has this symbol.');
	return {
		doc: { id: doc.id, symbol: doc.symbol, title: doc.title, type: (DOCUMENT_TYPE_LABELS as Record<string, string>)[doc.type] ?? doc.type, status: doc.status, distribution: doc.distribution, published_at: doc.published_at, withdrawn_at: doc.withdrawn_at },
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title },
		item: item ? `${item.sub_number ? `${item.number} (${item.sub_number})` : item.number}. ${item.title}` : null,
		organization: org?.name ?? null,
		replacement: replacement && canSeeDocument(replacement, locals.user) ? { symbol: replacement.symbol, title: replacement.title } : null,
		files: files.map((f) => ({ language: f.language, label: (LANGUAGES as Record<string, string>)[f.language] ?? f.language, size: f.size, mime: f.mime })),
		versions: versions.filter((v) => v.id !== doc.id && canSeeDocument({ ...v, uploaded_by: null }, locals.user))
	};
};
