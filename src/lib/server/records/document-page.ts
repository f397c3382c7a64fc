import type { Db } from '../db';
import type { SessionUser } from '../auth';
import { canSeeDocument } from './access';
import { documentFiles, getDocument, getDocumentBySymbol, versionsOf } from './queries';
import { visibleDocument } from './downloads';
import { formatSymbol, parseSymbol } from './symbols';

/** A document's page by its symbol, as this person may see it; or the canonical spelling of a symbol typed in another case. */
export async function documentBySymbol(db: Db, symbol: string, user: SessionUser | null) {
	const doc = await visibleDocument(db, await getDocumentBySymbol(db, symbol), user);
	if (!doc) {
		// Symbols are cited in any case (ccm/msp/2019/1, …/rev.1): the caller sends those to the one canonical address.
		const parsed = parseSymbol(symbol);
		const canonical = parsed.ok ? formatSymbol(parsed.symbol) : null;
		return canonical && canonical !== symbol ? ({ found: false, canonical } as const) : ({ found: false, canonical: null } as const);
	}
	const [files, versions, meeting, item, org, replacement] = await Promise.all([
		documentFiles(db, doc.id),
		versionsOf(db, doc.base_symbol),
		db.selectFrom('meetings').select(['slug', 'code', 'title', 'kind']).where('id', '=', doc.meeting_id).executeTakeFirstOrThrow(),
		doc.agenda_item_id
			? db.selectFrom('agenda_items').select(['number', 'sub_number', 'title']).where('id', '=', doc.agenda_item_id).executeTakeFirst()
			: undefined,
		doc.organization_id ? db.selectFrom('organizations').select('name').where('id', '=', doc.organization_id).executeTakeFirst() : undefined,
		doc.replaced_by_id ? getDocument(db, doc.replaced_by_id) : undefined
	]);
	return {
		found: true,
		doc,
		files,
		meeting,
		item,
		organization: org?.name ?? null,
		// A replacement may be of another meeting (withdrawDocument takes any symbol): the draft-meeting rule applies to it too.
		replacement: await visibleDocument(db, replacement, user),
		// Versions share the base symbol, hence the meeting, which visibleDocument has checked for this one.
		versions: versions.filter((v) => v.id !== doc.id && canSeeDocument({ ...v, uploaded_by: null }, user, meeting.kind))
	} as const;
}
