import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { dataDir } from '../db';
import { nowIso } from '../time';
import { m } from '$lib/paraglide/messages';

/** How a refusal names each type, in the language of the request being answered (names of formats stay as they are). */
export const MIME_LABELS: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
	get 'image/png'() {
		return m.why_mime_png();
	},
	get 'image/jpeg'() {
		return m.why_mime_jpeg();
	}
};

export type UploadCheck = { ok: true; bytes: Buffer; mime: string; name: string } | { ok: false; message: string };

/**
 * Checks an uploaded file by its content (magic bytes), never by its name or the browser's claimed type. A refusal is
 * in the language of the request (shown beside the file field, never stored).
 */
export async function checkUpload(file: unknown, allowed: string[], maxBytes: number): Promise<UploadCheck> {
	if (!(file instanceof File) || file.size === 0) return { ok: false, message: m.why_upload_empty() };
	const mb = Math.round(maxBytes / 1024 / 1024);
	if (file.size > maxBytes) return { ok: false, message: m.why_upload_too_large({ mb }) };
	const bytes = Buffer.from(await file.arrayBuffer());
	const type = await fileTypeFromBuffer(bytes);
	const kinds = allowed.map((m) => MIME_LABELS[m] ?? m).join(', ');
	if (!type || !allowed.includes(type.mime)) {
		return {
			ok: false,
			message: type ? m.why_upload_wrong_content({ kinds, actual: type.ext.toUpperCase() }) : m.why_upload_wrong_type({ kinds })
		};
	}
	return { ok: true, bytes, mime: type.mime, name: safeName(file.name) };
}

export function safeName(name: string): string {
	return name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120) || 'file';
}

function filePath(sha256: string): string {
	return path.join(dataDir(), 'files', sha256.slice(0, 2), sha256);
}

/** Stores content once by its SHA-256 (two uploads of the same file share it) and returns the hash. */
export async function storeFile(db: Kysely<Database>, bytes: Buffer, mime: string): Promise<string> {
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const target = filePath(sha256);
	await fs.mkdir(path.dirname(target), { recursive: true });
	try {
		await fs.access(target);
	} catch {
		// Write then rename, so a crash never leaves half a file under the final name.
		const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
		await fs.writeFile(tmp, bytes);
		await fs.rename(tmp, target);
	}
	await db
		.insertInto('stored_files')
		.values({ sha256, mime, size: bytes.length, created_at: nowIso() })
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	return sha256;
}

export async function readStoredFile(sha256: string): Promise<Buffer | null> {
	if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
	try {
		return await fs.readFile(filePath(sha256));
	} catch {
		return null;
	}
}
