import type { Db, DocumentRow } from '../db';
import type { SessionUser } from '../auth';
import { canSeeDocument } from './access';

/**
 * A document this person may see, or undefined. Someone who may not see it gets the same answer as for a document
 * that does not exist; documents of an unpublished meeting stay with staff, whatever their own status.
 */
export async function visibleDocument(db: Db, doc: DocumentRow | undefined, user: SessionUser | null): Promise<DocumentRow | undefined> {
	if (!doc) return undefined;
	if (user?.role === 'staff') return doc;
	const meeting = await db.selectFrom('meetings').select(['status', 'kind']).where('id', '=', doc.meeting_id).executeTakeFirst();
	return meeting && meeting.status !== 'draft' && canSeeDocument(doc, user, meeting.kind) ? doc : undefined;
}

export type Download =
	{ ok: true; doc: DocumentRow; file: { sha256: string; mime: string; language: string } } | { ok: false; reason: 'no_document' | 'no_file' };

/** The file of a document in one language, for this person. */
export async function findDownload(db: Db, documentId: number, language: string, user: SessionUser | null): Promise<Download> {
	const row = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
	const doc = await visibleDocument(db, row, user);
	if (!doc) return { ok: false, reason: 'no_document' };
	const file = await db
		.selectFrom('document_files')
		.select(['sha256', 'mime', 'language'])
		.where('document_id', '=', doc.id)
		.where('language', '=', language)
		.executeTakeFirst();
	return file ? { ok: true, doc, file } : { ok: false, reason: 'no_file' };
}
