import { m } from '$lib/paraglide/messages';
import { givenTranslations, type Db, type DocumentRow, type Meeting } from '../db';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { checkUpload, storeFile } from '../files';
import { ALLOWED_DOCUMENT_MIMES, isLanguage, MAX_DOCUMENT_BYTES } from './files';
import { baseSymbol, formatSymbol, nextCorrigendum, nextNumber, nextRevision, parseSymbol, type ParsedSymbol, type Series } from './symbols';
import { searchForm } from './queries';

export type UploadResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Adds or replaces one language's file. The type is checked by content and the file stored before the row changes,
 * so a failed upload leaves the document as it was.
 */
export async function attachFile(db: Db, actor: Actor, doc: DocumentRow, language: string, file: unknown): Promise<UploadResult> {
	if (!isLanguage(language)) return { ok: false, errors: { language: m.pub_choose_language() } };
	const check = await checkUpload(file, ALLOWED_DOCUMENT_MIMES, MAX_DOCUMENT_BYTES);
	if (!check.ok) return { ok: false, errors: { file: check.message } };
	const sha256 = await storeFile(db, check.bytes, check.mime);
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('document_files')
			.select(['sha256', 'original_name'])
			.where('document_id', '=', doc.id)
			.where('language', '=', language)
			.executeTakeFirst();
		await trx.deleteFrom('document_files').where('document_id', '=', doc.id).where('language', '=', language).execute();
		await trx
			.insertInto('document_files')
			.values({ document_id: doc.id, language, sha256, mime: check.mime, size: check.bytes.length, original_name: check.name, uploaded_at: nowIso() })
			.execute();
		await trx.updateTable('documents').set({ updated_at: nowIso() }).where('id', '=', doc.id).execute();
		await audit(trx, actor, 'document.file', { type: 'document', id: doc.id }, before ?? null, { language, sha256, name: check.name });
	});
	return { ok: true };
}

/** draft → published (date recorded); a published or withdrawn document never goes back to draft. */
export async function publishDocument(db: Db, actor: Actor, doc: DocumentRow): Promise<'ok' | 'no_files' | 'not_draft'> {
	if (doc.status !== 'draft') return 'not_draft';
	const files = await db.selectFrom('document_files').select('language').where('document_id', '=', doc.id).execute();
	if (!files.length) return 'no_files';
	await db
		.updateTable('documents')
		.set({ status: 'published', published_at: nowIso(), updated_at: nowIso() })
		.where('id', '=', doc.id)
		.where('status', '=', 'draft')
		.execute();
	await audit(db, actor, 'document.publish', { type: 'document', id: doc.id }, { status: doc.status }, { status: 'published' });
	return 'ok';
}

/** Withdrawn documents stay, marked, and may point to what replaced them. */
export async function withdrawDocument(
	db: Db,
	actor: Actor,
	doc: DocumentRow,
	replacedBySymbol: string | null
): Promise<'ok' | 'not_published' | 'unknown_replacement'> {
	if (doc.status !== 'published') return 'not_published';
	let replacedBy: number | null = null;
	if (replacedBySymbol) {
		// Symbols are stored canonical; staff may type them in any case, as elsewhere.
		const p = parseSymbol(replacedBySymbol);
		if (!p.ok) return 'unknown_replacement';
		replacedBySymbol = formatSymbol(p.symbol);
		const r = await db.selectFrom('documents').select('id').where('symbol', '=', replacedBySymbol).executeTakeFirst();
		if (!r || r.id === doc.id) return 'unknown_replacement';
		replacedBy = r.id;
	}
	await db
		.updateTable('documents')
		.set({ status: 'withdrawn', withdrawn_at: nowIso(), replaced_by_id: replacedBy, updated_at: nowIso() })
		.where('id', '=', doc.id)
		.execute();
	await audit(
		db,
		actor,
		'document.withdraw',
		{ type: 'document', id: doc.id },
		{ status: 'published' },
		{ status: 'withdrawn', replaced_by: replacedBySymbol }
	);
	return 'ok';
}

export interface NewDocument {
	kind: 'new' | 'revision' | 'corrigendum';
	/** For a new document: the symbol (empty: the next free number). For a revision or corrigendum: the document it revises. */
	symbol: string;
	series: Series;
	title: string;
	/** Translations of the title (migration 0020); null or absent: not translated. */
	title_fr?: string | null;
	title_es?: string | null;
	type: string;
	agenda_item_id: number | null;
	organization_id: number | null;
	distribution: 'general' | 'limited';
}

export type CreateResult = { ok: true; document: DocumentRow } | { ok: false; errors: Record<string, string> };

/** The symbol a new document of the series would get, for the form to propose. */
export async function proposedSymbol(db: Db, meeting: Meeting, series: Series = 'main'): Promise<string | null> {
	if (!meeting.symbol_prefix) return null;
	const existing = (await db.selectFrom('documents').select('symbol').execute()).map((r) => r.symbol);
	const number = nextNumber(existing, meeting.symbol_prefix.toUpperCase(), series);
	return formatSymbol({ prefix: meeting.symbol_prefix.toUpperCase(), series, number, revision: null, corrigendum: null });
}

export async function createDocument(db: Db, actor: Actor, meeting: Meeting, input: NewDocument): Promise<CreateResult> {
	const existing = (await db.selectFrom('documents').select('symbol').execute()).map((r) => r.symbol);
	let symbol: ParsedSymbol;
	if (input.kind === 'new') {
		if (input.symbol.trim()) {
			const p = parseSymbol(input.symbol);
			if (!p.ok) return { ok: false, errors: { symbol: p.message } };
			if (p.symbol.revision || p.symbol.corrigendum)
				return { ok: false, errors: { symbol: 'For a revision or a corrigendum, choose “Revision of” or “Corrigendum to” and give the original symbol.' } };
			symbol = p.symbol;
		} else {
			if (!meeting.symbol_prefix)
				return { ok: false, errors: { symbol: 'This meeting has no symbol prefix: give the symbol, or set the prefix on the meeting.' } };
			const prefix = meeting.symbol_prefix.toUpperCase();
			symbol = { prefix, series: input.series, number: nextNumber(existing, prefix, input.series), revision: null, corrigendum: null };
		}
	} else {
		const target = parseSymbol(input.symbol);
		if (!target.ok) return { ok: false, errors: { symbol: target.message } };
		if (!existing.includes(formatSymbol(target.symbol)))
			return { ok: false, errors: { symbol: `There is no document ${formatSymbol(target.symbol)} to ${input.kind === 'revision' ? 'revise' : 'correct'}.` } };
		symbol = input.kind === 'revision' ? nextRevision(existing, target.symbol) : nextCorrigendum(existing, target.symbol);
	}
	const text = formatSymbol(symbol);
	if (existing.includes(text)) return { ok: false, errors: { symbol: `The symbol ${text} is already used.` } };
	// A document is filed under its own meeting: the series prefix says which.
	if (meeting.symbol_prefix && symbol.prefix !== meeting.symbol_prefix.toUpperCase()) {
		return { ok: false, errors: { symbol: `Documents of the ${meeting.code} have symbols starting ${meeting.symbol_prefix.toUpperCase()}/.` } };
	}
	if (input.agenda_item_id) {
		const item = await db
			.selectFrom('agenda_items')
			.select('id')
			.where('id', '=', input.agenda_item_id)
			.where('meeting_id', '=', meeting.id)
			.executeTakeFirst();
		if (!item) return { ok: false, errors: { agenda_item_id: 'Choose an item of this meeting’s agenda.' } };
	}
	const now = nowIso();
	try {
		const document = await db.transaction().execute(async (trx) => {
			const d = await trx
				.insertInto('documents')
				.values({
					meeting_id: meeting.id,
					symbol: text,
					base_symbol: baseSymbol(symbol),
					revision: symbol.revision,
					corrigendum: symbol.corrigendum,
					title: input.title,
					title_fr: input.title_fr ?? null,
					title_es: input.title_es ?? null,
					title_search: searchForm(input.title),
					type: input.type,
					agenda_item_id: input.agenda_item_id,
					organization_id: input.organization_id,
					distribution: input.distribution,
					status: 'draft',
					uploaded_by: actor.id,
					created_at: now,
					updated_at: now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit(trx, actor, 'document.create', { type: 'document', id: d.id }, null, {
				symbol: text,
				title: input.title,
				...givenTranslations(d),
				type: input.type
			});
			return d;
		});
		return { ok: true, document };
	} catch {
		// Two staff took the same number at once: the unique index refused the second.
		return { ok: false, errors: { symbol: `The symbol ${text} was taken a moment ago. Try again to get the next number.` } };
	}
}

export async function updateDocument(
	db: Db,
	actor: Actor,
	doc: DocumentRow,
	input: Pick<NewDocument, 'title' | 'title_fr' | 'title_es' | 'type' | 'agenda_item_id' | 'organization_id' | 'distribution'>
): Promise<UploadResult> {
	return db.transaction().execute(async (trx): Promise<UploadResult> => {
		// The database refuses an item of another meeting (migration 0010); say so at the field instead.
		if (input.agenda_item_id !== null) {
			const item = await trx
				.selectFrom('agenda_items')
				.select('id')
				.where('id', '=', input.agenda_item_id)
				.where('meeting_id', '=', doc.meeting_id)
				.executeTakeFirst();
			if (!item) return { ok: false, errors: { agenda_item_id: 'Choose an item of this meeting’s agenda.' } };
		}
		if (input.organization_id !== null) {
			const org = await trx.selectFrom('organizations').select('id').where('id', '=', input.organization_id).executeTakeFirst();
			if (!org) return { ok: false, errors: { organization_id: 'Choose an organisation from the list.' } };
		}
		await trx
			.updateTable('documents')
			.set({ ...input, title_search: searchForm(input.title), updated_at: nowIso() })
			.where('id', '=', doc.id)
			.execute();
		await audit(
			trx,
			actor,
			'document.update',
			{ type: 'document', id: doc.id },
			{ title: doc.title, title_fr: doc.title_fr, title_es: doc.title_es, type: doc.type, agenda_item_id: doc.agenda_item_id, distribution: doc.distribution },
			input
		);
		return { ok: true };
	});
}
