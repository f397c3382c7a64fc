import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { storeFile } from '../files';
import { placeholderPdf, searchForm, baseSymbol, parseSymbol } from '../records';
import { nowIso } from '../time';

/** Agenda items the known 9MSP documents belong to (numbers of the demo agenda). */
const ITEM_OF: Record<string, string> = {
	'CCM/MSP/2019/1': '3',
	'CCM/MSP/2019/2': '10',
	'CCM/MSP/2019/9': '11',
	'CCM/MSP/2019/10': '9',
	'CCM/MSP/2019/11': '8',
	'CCM/MSP/2019/12': '9'
};

/** The 9MSP's known documents, published, each with a small placeholder PDF that says it is one. */
export async function seedNineMspDocuments(db: Kysely<Database>, csv: string): Promise<void> {
	const meeting = await db.selectFrom('meetings').select(['id', 'start_date']).where('code', '=', '9MSP').executeTakeFirst();
	if (!meeting) return;
	if (await db.selectFrom('documents').select('id').where('meeting_id', '=', meeting.id).limit(1).executeTakeFirst()) return;
	const items = await db.selectFrom('agenda_items').select(['id', 'number']).where('meeting_id', '=', meeting.id).where('sub_number', 'is', null).execute();
	const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	const now = nowIso();
	for (const r of rows) {
		const p = parseSymbol(r.symbol);
		if (!p.ok) continue;
		const sha256 = await storeFile(db, placeholderPdf(r.title, r.symbol), 'application/pdf');
		const doc = await db
			.insertInto('documents')
			.values({
				meeting_id: meeting.id,
				symbol: r.symbol,
				base_symbol: baseSymbol(p.symbol),
				revision: p.symbol.revision,
				corrigendum: p.symbol.corrigendum,
				title: r.title,
				title_search: searchForm(r.title),
				type: r.type,
				agenda_item_id: items.find((i) => i.number === ITEM_OF[r.symbol])?.id ?? null,
				organization_id: null,
				distribution: 'general',
				status: 'published',
				// The real publication dates are not in our sources; the opening day is the honest approximation.
				published_at: `${meeting.start_date}T00:00:00.000Z`,
				uploaded_by: null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const size = (await db.selectFrom('stored_files').select('size').where('sha256', '=', sha256).executeTakeFirstOrThrow()).size;
		await db
			.insertInto('document_files')
			.values({ document_id: doc.id, language: 'en', sha256, mime: 'application/pdf', size, original_name: 'placeholder.pdf', uploaded_at: now })
			.execute();
	}
}
