import { error } from '@sveltejs/kit';
import { readStoredFile } from '$lib/server/files';
import { findDownload, downloadName, ALLOWED_DOCUMENT_TYPES, isAllowedDocumentMime } from '$lib/server/records';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const found = await findDownload(Number(params.id) || 0, params.lang, locals.user);
	if (!found.ok) error(404, found.reason === 'no_file' ? 'This document has no file in that language.' : 'No such document.');
	const { doc, file } = found;
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
