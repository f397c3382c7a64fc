/**
 * Bounds on what a form may carry, checked once for every request with a form body before any action reads it.
 * The body is read (up to a byte limit), its fields counted by a linear scan of the bytes, then parsed once; the action's
 * `await event.request.formData()` gets that parsed form. A body that breaks a bound or cannot be read is answered here
 * with a short plain 4xx, so no action ever sees it.
 */
import type { Handle } from '@sveltejs/kit';

/** Fields (urlencoded) or parts (multipart) in one form. The largest real form, a registration list with every box
 * ticked, sends at most a few thousand (the bulk decision takes 2,000 ids). */
export const MAX_FORM_FIELDS = 10_000;
/** Repeats of one name: above every list a schema accepts (2,000 ids), so a person still gets the form's own message. */
export const MAX_REPEATS_OF_ONE_NAME = 5_000;
/** Bytes of a form that carries no file: every urlencoded form, and any form of a visitor without a session (no page
 * open to them takes a file). The longest text field is 50,000 characters, at most ~450 KB percent-encoded. */
export const MAX_TEXT_FORM_BYTES = 1_000_000;
/** RFC 2046: a multipart boundary is 1 to 70 characters. */
const MAX_BOUNDARY_LENGTH = 70;

export type FormCheck = { ok: true; form: FormData; body: Uint8Array<ArrayBuffer> } | { ok: false; status: 400 | 413; message: string; unread?: boolean };

type Kind = 'urlencoded' | 'multipart' | 'text' | null;

/** Which form encoding a content type names (text/plain is one for browsers and for SvelteKit's CSRF check). */
export function formKind(contentType: string | null): Kind {
	const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
	if (type === 'multipart/form-data') return 'multipart';
	if (type === 'text/plain') return 'text';
	return null;
}

/** The boundary parameter of a multipart content type, or null when it is missing or not a valid one. */
export function multipartBoundary(contentType: string): string | null {
	const m = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]*))/i.exec(contentType);
	const b = m ? (m[1] ?? m[2]) : '';
	return b && b.length <= MAX_BOUNDARY_LENGTH && /^[0-9A-Za-z'()+_,./:=? -]*[0-9A-Za-z'()+_,./:=?-]$/.test(b) ? b : null;
}

/** Fields of an urlencoded body: one more than its '&' separators. Stops counting past `limit`. */
export function countUrlencodedFields(body: Uint8Array, limit = Infinity): number {
	if (body.length === 0) return 0;
	let n = 1;
	for (let i = body.indexOf(0x26); i !== -1 && n <= limit; i = body.indexOf(0x26, i + 1)) n++;
	return n;
}

/** Parts of a multipart body: its boundary delimiters less the closing one. Stops counting past `limit`. */
export function countMultipartParts(body: Uint8Array, boundary: string, limit = Infinity): number {
	const delimiter = Buffer.from(`--${boundary}`);
	const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	let n = 0;
	for (let i = bytes.indexOf(delimiter); i !== -1 && n <= limit + 1; i = bytes.indexOf(delimiter, i + delimiter.length)) n++;
	return Math.max(0, n - 1);
}

/** Reads a body up to `limit` bytes; past it, or past BODY_SIZE_LIMIT (adapter-node), the rest is drained unread. */
async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too large' | 'unreadable'> {
	if (!body) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				drain(reader);
				return 'too large';
			}
			chunks.push(value);
		}
	} catch (e) {
		// adapter-node's own size limit errors the stream with a 413.
		return (e as { status?: number })?.status === 413 ? 'too large' : 'unreadable';
	}
	return Buffer.concat(chunks, size);
}

/** Reads and drops what is left of a refused body, so that the answer reaches a client still sending (network only:
 * adapter-node stops at BODY_SIZE_LIMIT). */
function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): void {
	if (!reader) return;
	void (async () => {
		while (!(await reader.read()).done);
	})().catch(() => {});
}

/** `unread`: the rest of the body is being drained; the connection is then closed rather than reused. */
const refuse = (status: 400 | 413, message: string, unread = false): FormCheck => ({ ok: false, status, message, unread });

/** Reads, bounds and parses a form body once. `maxBytes` is the byte limit for this request. */
export async function readForm(request: Request, maxBytes: number): Promise<FormCheck> {
	const contentType = request.headers.get('content-type') ?? '';
	const kind = formKind(contentType);
	// Browsers and SvelteKit's CSRF check count text/plain as a form, but no page or endpoint of ours reads one.
	if (kind === 'text') {
		drain(request.body?.getReader());
		return refuse(400, 'Forms are sent as application/x-www-form-urlencoded or multipart/form-data, not text/plain.', true);
	}
	const limit = kind === 'urlencoded' ? Math.min(maxBytes, MAX_TEXT_FORM_BYTES) : maxBytes;
	const boundary = kind === 'multipart' ? multipartBoundary(contentType) : null;
	if (kind === 'multipart' && !boundary) {
		drain(request.body?.getReader());
		return refuse(400, 'This form has no valid multipart boundary.', true);
	}
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > limit) {
		drain(request.body?.getReader());
		return refuse(413, 'This form is too large.', true);
	}
	const body = await readBounded(request.body, limit);
	if (body === 'too large') return refuse(413, 'This form is too large.', true);
	if (body === 'unreadable') return refuse(400, 'This form could not be read.');

	const count = boundary ? countMultipartParts(body, boundary, MAX_FORM_FIELDS) : countUrlencodedFields(body, MAX_FORM_FIELDS);
	if (count > MAX_FORM_FIELDS) return refuse(413, `This form has more than ${MAX_FORM_FIELDS} fields.`);

	let form: FormData;
	try {
		// URLSearchParams is what fetch's Request.formData() uses for urlencoded bodies, without building a Request.
		form = boundary ? await new Request(request.url, { method: request.method, headers: request.headers, body }).formData() : urlencodedForm(body);
	} catch {
		return refuse(400, 'This form could not be read: its multipart body is malformed.');
	}
	const repeats = new Map<string, number>();
	for (const [name] of form) {
		const n = (repeats.get(name) ?? 0) + 1;
		if (n > MAX_REPEATS_OF_ONE_NAME) return refuse(400, `This form repeats one field more than ${MAX_REPEATS_OF_ONE_NAME} times.`);
		repeats.set(name, n);
	}
	return { ok: true, form, body };
}

/** The request as the action sees it: its body was read here, and formData() answers the form checked here. */
function withCheckedForm(request: Request, form: FormData): Request {
	Object.defineProperty(request, 'formData', { value: () => Promise.resolve(form), configurable: true });
	return request;
}

// As Request.formData() decodes: invalid bytes become U+FFFD, and a leading byte-order mark is kept.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function urlencodedForm(body: Uint8Array): FormData {
	const form = new FormData();
	for (const [name, value] of new URLSearchParams(utf8.decode(body))) form.append(name, value);
	return form;
}

/**
 * The hook. It comes after the session (a signed-in person may upload files up to BODY_SIZE_LIMIT; anyone else sends
 * at most MAX_TEXT_FORM_BYTES). Cross-site form posts never get here: SvelteKit refuses them first (403).
 */
export const formLimits: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (request.method === 'GET' || request.method === 'HEAD' || !formKind(request.headers.get('content-type'))) return resolve(event);
	const checked = await readForm(request, event.locals.user ? Infinity : MAX_TEXT_FORM_BYTES);
	if (!checked.ok) {
		const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
		if (checked.unread) headers.connection = 'close';
		return new Response(checked.message + '\n', { status: checked.status, headers });
	}
	withCheckedForm(request, checked.form);
	return resolve(event);
};
