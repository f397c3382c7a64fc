import type { Db, DocumentRow } from '../db';
import { contentVersion, localized, titleIn } from '../db';
import { stateName } from '$lib/state-names';
import { compareSymbols } from './symbols';
import { buildSearchIndex, matchDocuments, type SearchIndex } from './search-index';
import { searchForm } from './search-form';

export { searchForm } from './search-form';

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
 * or the symbol. Answered from the in-process index (search-index.ts), rebuilt when the records' version moves.
 */
export async function searchDocuments(db: Db, f: DocumentSearch) {
	const words = searchForm(f.q ?? '')
		.split(' ')
		.filter(Boolean)
		.slice(0, 8);
	const index = await searchIndex(db);
	const { rows, total } = matchDocuments(index, { words, type: f.type, year: f.year, lang: f.lang, page: f.page ?? 1, pageSize: SEARCH_PAGE_SIZE });
	// Found in any language, listed in the page's (or in English, marked, where there is no translation).
	return { rows: rows.map((r) => localized(r)), total };
}

/** Per database (tests open several), the index of the version last seen; one build at a time per version. */
const indexes = new WeakMap<Db, { version: string; index: Promise<SearchIndex> }>();

async function searchIndex(db: Db): Promise<SearchIndex> {
	// The version is read before the documents: a change in between makes the index newer than its label, and the
	// next search rebuilds it; never older.
	const version = await contentVersion(db, 'records');
	const kept = indexes.get(db);
	if (kept && kept.version === version) return kept.index;
	const index = loadSearchIndex(db);
	indexes.set(db, { version, index });
	index.catch(() => indexes.get(db)?.index === index && indexes.delete(db));
	return index;
}

async function loadSearchIndex(db: Db): Promise<SearchIndex> {
	const docs = await db
		.selectFrom('documents as d')
		.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
		.where('d.status', '!=', 'draft')
		.where('d.distribution', '=', 'general')
		.where('m.status', '!=', 'draft')
		.select([
			'd.id',
			'd.symbol',
			'd.base_symbol',
			'd.title',
			'd.title_fr',
			'd.title_es',
			'd.title_search',
			'd.type',
			'd.status',
			'd.published_at',
			'm.code as meeting_code',
			'm.slug as meeting_slug',
			'm.start_date'
		])
		.execute();
	const languages = new Map<number, string[]>();
	for (const f of await db.selectFrom('document_files').select(['document_id', 'language']).orderBy('language').execute()) {
		const list = languages.get(f.document_id);
		if (list) list.push(f.language);
		else languages.set(f.document_id, [f.language]);
	}
	return buildSearchIndex(docs.map((d) => ({ ...d, languages: languages.get(d.id) ?? [] })));
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
		.select([
			'd.id',
			'd.symbol',
			'd.base_symbol',
			'd.title',
			'd.title_fr',
			'd.title_es',
			'd.type',
			'd.status',
			'd.distribution',
			'd.agenda_item_id',
			'd.published_at',
			'a.number as item_number',
			'a.sub_number as item_sub',
			'a.title as item_title',
			'a.title_fr as item_title_fr',
			'a.title_es as item_title_es',
			'a.position as item_position',
			'o.name as organization',
			'o.iso3 as organization_iso3',
			'o.kind as organization_kind'
		])
		.execute();
	// By the symbol's numbers (CCM/MSP/2019/2 before /10), which text order in SQL cannot give.
	rows.sort((a, b) => compareSymbols(a.symbol, b.symbol));
	const languages = await languagesOf(
		db,
		rows.map((r) => r.id)
	);
	// Titles in the page's language (English where not translated), each with its language.
	return rows.map(({ item_title, item_title_fr, item_title_es, organization_iso3, organization_kind, ...r }) => {
		const item = item_title === null ? null : titleIn({ title: item_title, title_fr: item_title_fr, title_es: item_title_es });
		const organization = r.organization && organization_kind === 'state' ? stateName(r.organization, organization_iso3) : r.organization;
		return { ...localized(r), organization, item_title: item?.title ?? null, itemTitleLang: item?.titleLang ?? null, languages: languages.get(r.id) ?? [] };
	});
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
export async function versionsOf(db: Db, baseSymbol: string) {
	const rows = await db
		.selectFrom('documents')
		.select(['id', 'symbol', 'title', 'title_fr', 'title_es', 'status', 'distribution', 'published_at', 'revision', 'corrigendum'])
		.where('base_symbol', '=', baseSymbol)
		.execute();
	return rows.sort((a, b) => compareSymbols(a.symbol, b.symbol)).map((r) => localized(r));
}
