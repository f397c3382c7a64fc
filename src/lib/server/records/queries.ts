import { sql, type Kysely } from 'kysely';
import type { Database, DocumentRow } from '../db/schema';
import { escapeLike } from '../db/text';

type Db = Kysely<Database>;

/** Lower case without accents: titles and queries meet in this form on SQLite and PostgreSQL alike. */
/** Characters a title and a query may write differently: typographic apostrophes, quotes and dashes, ligatures. */
const FOLDS: [RegExp, string][] = [
	[/[\u2018\u2019\u201a\u201b\u02bc\u2032\u0060\u00b4]/g, "'"],
	[/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
	[/[\u2010-\u2015\u2212]/g, '-'],
	[/œ/g, 'oe'],
	[/æ/g, 'ae'],
	[/ß/g, 'ss'],
	[/ø/g, 'o'],
	[/ł/g, 'l'],
	[/đ/g, 'd']
];

/**
 * The form titles are stored in (`title_search`) and queries are matched in: compatibility-decomposed (ﬁ → fi,
 * full-width → ASCII), without accents, lower case, with the folds above and single spaces. Changing it means
 * recomputing `title_search` in a migration (see 0007).
 */
export function searchForm(s: string): string {
	let t = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	for (const [from, to] of FOLDS) t = t.replace(from, to);
	return t.replace(/\s+/g, ' ').trim();
}

export interface DocumentSearch {
	q?: string;
	type?: string;
	year?: number;
	lang?: string;
	page?: number;
}

export const SEARCH_PAGE_SIZE = 25;

/**
 * Published and withdrawn documents of general distribution. Each word of the query must appear in the title
 * or the symbol.
 */
export async function searchDocuments(db: Db, f: DocumentSearch) {
	let q = db
		.selectFrom('documents as d')
		.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
		.where('d.status', '!=', 'draft')
		.where('d.distribution', '=', 'general')
		.where('m.status', '!=', 'draft');
	const words = searchForm(f.q ?? '').split(' ').filter(Boolean).slice(0, 8);
	for (const w of words) {
		// No title holds NUL: PostgreSQL would refuse the parameter, SQLite would cut the pattern short there.
		if (w.includes('\u0000')) {
			q = q.where(sql<boolean>`1 = 0`);
			continue;
		}
		const pattern = `%${escapeLike(w)}%`;
		q = q.where((eb) => eb.or([sql<boolean>`d.title_search like ${pattern} escape '\\'`, sql<boolean>`lower(d.symbol) like ${pattern} escape '\\'`]));
	}
	if (f.type) q = q.where('d.type', '=', f.type);
	if (f.year) q = q.where('m.start_date', '>=', `${f.year}-01-01`).where('m.start_date', '<=', `${f.year}-12-31`);
	const lang = f.lang;
	if (lang) q = q.where((eb) => eb.exists(eb.selectFrom('document_files as f').select('f.document_id').whereRef('f.document_id', '=', 'd.id').where('f.language', '=', lang)));
	const page = Math.max(1, f.page ?? 1);
	// One read: the total comes with the page (a window count), not from a second pass over the documents.
	const rows = await q
		.select(['d.id', 'd.symbol', 'd.title', 'd.type', 'd.status', 'd.published_at', 'm.code as meeting_code', 'm.slug as meeting_slug', 'm.start_date', sql<number>`count(*) over ()`.as('total')])
		.orderBy('m.start_date', 'desc')
		.orderBy('d.base_symbol')
		.orderBy('d.symbol')
		.limit(SEARCH_PAGE_SIZE)
		.offset((page - 1) * SEARCH_PAGE_SIZE)
		.execute();
	const count = rows.length ? { n: rows[0].total } : page > 1 ? await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : { n: 0 };
	const languages = await languagesOf(db, rows.map((r) => r.id));
	return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, languages: languages.get(r.id) ?? [] })), total: Number(count.n) };
}

export async function languagesOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
	const out = new Map<number, string[]>();
	if (!ids.length) return out;
	const rows = await db.selectFrom('document_files').select(['document_id', 'language']).where('document_id', 'in', ids).orderBy('language').execute();
	for (const r of rows) out.set(r.document_id, [...(out.get(r.document_id) ?? []), r.language]);
	return out;
}

/** A meeting's documents; drafts and limited ones only for staff. */
export async function meetingDocuments(db: Db, meetingId: number, staff: boolean) {
	let q = db
		.selectFrom('documents as d')
		.leftJoin('agenda_items as a', 'a.id', 'd.agenda_item_id')
		.leftJoin('organizations as o', 'o.id', 'd.organization_id')
		.where('d.meeting_id', '=', meetingId);
	if (!staff) q = q.where('d.status', '!=', 'draft').where('d.distribution', '=', 'general');
	const rows = await q
		.select(['d.id', 'd.symbol', 'd.base_symbol', 'd.title', 'd.type', 'd.status', 'd.distribution', 'd.agenda_item_id', 'd.published_at', 'a.number as item_number', 'a.sub_number as item_sub', 'a.title as item_title', 'a.position as item_position', 'o.name as organization'])
		.orderBy('d.base_symbol')
		.orderBy('d.symbol')
		.execute();
	const languages = await languagesOf(db, rows.map((r) => r.id));
	return rows.map((r) => ({ ...r, languages: languages.get(r.id) ?? [] }));
}

export function getDocumentBySymbol(db: Db, symbol: string): Promise<DocumentRow | undefined> {
	return db.selectFrom('documents').selectAll().where('symbol', '=', symbol).executeTakeFirst();
}

export function getDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
	return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function documentFiles(db: Db, documentId: number) {
	return db.selectFrom('document_files').selectAll().where('document_id', '=', documentId).orderBy('language').execute();
}

/** Every version of a document (original, revisions, corrigenda), for the "earlier versions" list. */
export function versionsOf(db: Db, baseSymbol: string) {
	return db.selectFrom('documents').select(['id', 'symbol', 'title', 'status', 'distribution', 'published_at', 'revision', 'corrigendum']).where('base_symbol', '=', baseSymbol).orderBy('symbol').execute();
}
