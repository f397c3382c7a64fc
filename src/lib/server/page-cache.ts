import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { Handle } from '@sveltejs/kit';
import { getDb, contentVersion, type ContentName } from './db';
import { SESSION_COOKIE } from './auth/session';
import { delocalizePath } from '$lib/i18n';

/**
 * Public pages that are the same for every visitor without a session — the meeting list, agendas, programmes,
 * calendar feeds and the document search — are kept once rendered, keyed by their URL and checked against the
 * version of the content they show (kept by database triggers) and the minute (for "now" and "upcoming").
 *
 * Two ways in: the `publicPageCache` hook (inside SvelteKit, fills the cache and serves from it), and
 * `servePublicPageFromCache`, which the production server (server.js) asks before SvelteKit so a kept page costs one
 * indexed read and a socket write. Only requests without a session cookie are ever answered from here, and only
 * responses that set no cookie are kept, so no page with a person's data is cached. CSP runs in hash mode
 * (svelte.config.js): a kept page carries no per-request nonce.
 */

const ROUTES: { pattern: RegExp; content: ContentName; params?: Set<string> }[] = [
	// Matched on the path without its language; each language's page is its own entry (`/fr/meetings` beside `/meetings`).
	{ pattern: /^\/meetings$/, content: 'programme', params: new Set(['kind', 'year']) },
	{ pattern: /^\/meetings\/[a-z0-9-]+\/(agenda|programme)$/, content: 'programme' },
	{ pattern: /^\/(meetings\/[a-z0-9-]+\/)?calendar\.ics$/, content: 'programme' },
	{ pattern: /^\/documents$/, content: 'records', params: new Set(['q', 'type', 'year', 'lang', 'page']) }
];
const MAX_KEY_LENGTH = 400;
const MAX_BYTES = 48 * 1024 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript))/;

interface Entry {
	version: string;
	headers: Record<string, string>;
	etag: string;
	identity: Buffer;
	gzip?: Buffer;
	br?: Buffer;
	bytes: number;
}

const entries = new Map<string, Entry>();
let totalBytes = 0;

/**
 * What a URL shows, when it may be kept. A query with a parameter the page does not read is never kept, so that
 * made-up URLs cannot push real pages out of the cache.
 */
function routeOf(pathname: string, search: string): ContentName | null {
	const path = delocalizePath(pathname);
	for (const r of ROUTES) {
		if (!r.pattern.test(path)) continue;
		if (search && search !== '?') {
			if (!r.params) return null;
			for (const k of new URLSearchParams(search).keys()) if (!r.params.has(k)) return null;
		}
		return r.content;
	}
	return null;
}

function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
	return !!cookieHeader && cookieHeader.includes(`${SESSION_COOKIE}=`);
}

async function currentVersion(content: ContentName): Promise<string> {
	return `${await contentVersion(getDb(), content)}|${Math.floor(Date.now() / 60_000)}`;
}

function remember(key: string, entry: Entry): void {
	forget(key);
	entries.set(key, entry);
	totalBytes += entry.bytes;
	while (totalBytes > MAX_BYTES && entries.size > 1) forget(entries.keys().next().value!);
}

function forget(key: string): void {
	const old = entries.get(key);
	if (!old) return;
	entries.delete(key);
	totalBytes -= old.bytes;
}

/** The kept answer in the encoding the client takes best (compressed once, on first demand). */
function reply(entry: Entry, acceptEncoding: string, ifNoneMatch: string | null): { status: number; headers: Record<string, string>; body: Buffer | null } {
	const opaque = entry.etag.replace(/^W\//, '');
	// Weak comparison (RFC 9110 §13.1.2): the compressed forms carry a weak tag of the same value.
	if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque || t.trim() === '*')) {
		return { status: 304, headers: { etag: entry.etag, vary: 'Accept-Encoding' }, body: null };
	}
	const headers = { ...entry.headers };
	let body = entry.identity;
	if (COMPRESSIBLE.test(headers['content-type'] ?? '') && body.length > 1024) {
		const accepts = (name: string) => new RegExp(`\\b${name}\\b(?!;q=0(\\.0*)?\\b)`).test(acceptEncoding);
		if (accepts('br')) {
			entry.br ??= grow(
				entry,
				brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
			);
			body = entry.br;
			headers['content-encoding'] = 'br';
		} else if (accepts('gzip')) {
			entry.gzip ??= grow(entry, gzipSync(body, { level: 6 }));
			body = entry.gzip;
			headers['content-encoding'] = 'gzip';
		}
		headers.vary = 'Accept-Encoding';
		if (headers['content-encoding']) headers.etag = `W/${opaque}`;
	}
	headers['content-length'] = String(body.length);
	return { status: 200, headers, body };
}

function grow(entry: Entry, b: Buffer): Buffer {
	entry.bytes += b.length;
	totalBytes += b.length;
	return b;
}

/**
 * For the production server, before SvelteKit: answers a GET for a kept public page and returns true, or returns false
 * (nothing written) so that SvelteKit handles the request.
 */
export async function servePublicPageFromCache(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
	if (req.method !== 'GET' || !req.url || req.url.length > MAX_KEY_LENGTH) return false;
	const q = req.url.indexOf('?');
	const content = q === -1 ? routeOf(req.url, '') : routeOf(req.url.slice(0, q), req.url.slice(q));
	if (!content || hasSessionCookie(req.headers.cookie)) return false;
	const entry = entries.get(req.url);
	if (!entry || entry.version !== (await currentVersion(content))) return false;
	const r = reply(entry, String(req.headers['accept-encoding'] ?? ''), (req.headers['if-none-match'] as string | undefined) ?? null);
	res.writeHead(r.status, r.headers);
	res.end(r.body ?? undefined);
	return true;
}

/** The hook: serves kept pages inside SvelteKit (e.g. under `vite preview`) and keeps what it renders. */
export const publicPageCache: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const key = url.pathname + url.search;
	const content = request.method === 'GET' && !event.isDataRequest && key.length <= MAX_KEY_LENGTH ? routeOf(url.pathname, url.search) : null;
	if (!content || hasSessionCookie(request.headers.get('cookie'))) return resolve(event);

	const version = await currentVersion(content);
	const hit = entries.get(key);
	if (hit && hit.version === version) {
		const r = reply(hit, request.headers.get('accept-encoding') ?? '', request.headers.get('if-none-match'));
		return new Response(r.body ? new Uint8Array(r.body) : null, { status: r.status, headers: r.headers });
	}
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie') || response.headers.has('content-encoding')) return response;
	const identity = Buffer.from(await response.arrayBuffer());
	const headers: Record<string, string> = {};
	for (const [k, v] of response.headers) if (k !== 'content-length') headers[k] = v;
	const etag = headers.etag ?? `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
	headers.etag = etag;
	const entry: Entry = { version, headers, etag, identity, bytes: identity.length };
	remember(key, entry);
	const r = reply(entry, request.headers.get('accept-encoding') ?? '', null);
	return new Response(r.body ? new Uint8Array(r.body) : null, { status: r.status, headers: r.headers });
};
