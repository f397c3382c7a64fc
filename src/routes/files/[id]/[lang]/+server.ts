import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readStoredFile } from '$lib/server/files/store';
import { getDocument } from '$lib/server/records/queries';
import { canSeeDocument } from '$lib/server/records/access';
import { downloadName } from '$lib/server/records/symbols';
import { ALLOWED_DOCUMENT_TYPES, isAllowedDocumentMime } from '$lib/server/records/files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const db = getDb();
	const doc = await getDocument(db, Number(params.id) || 0);
	// Someone who may not see a document gets the same 404 as for one that does not exist.
	if (!doc || !canSeeDocument(doc, locals.user)) error(404, 'No such document.');
	// Documents of an unpublished meeting stay with staff, whatever their own status.
	const meeting = await db.selectFrom('meetings').select('status').where('id', '=', doc.meeting_id).executeTakeFirstOrThrow();
	if (meeting.status === 'draft' && locals.user?.role !== 'staff') error(404, 'No such document.');
	const file = await db.selectFrom('document_files').selectAll().where('document_id', '=', doc.id).where('language', '=', params.lang).executeTakeFirst();
	if (!file) error(404, 'This document has no file in that language.');
	const etag = `"${file.sha256}"`;
	const isPublic = doc.status !== 'draft' && doc.distribution === 'general';
	const headers: Record<string, string> = {
		etag,
		'content-type': file.mime,
		'content-disposition': `attachment; filename="${downloadName(doc.symbol, file.language, isAllowedDocumentMime(file.mime) ? ALLOWED_DOCUMENT_TYPES[file.mime].ext : 'bin')}"`,
		'cache-control': isPublic ? 'public, max-age=3600' : 'private, no-store',
		'x-content-type-options': 'nosniff'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const bytes = await readStoredFile(file.sha256);
	if (!bytes) error(404, 'The file is missing from storage.');
	return new Response(new Uint8Array(bytes), { headers: { ...headers, 'content-length': String(bytes.length) } });
};
