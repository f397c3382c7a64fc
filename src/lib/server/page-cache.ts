import type { Handle } from '@sveltejs/kit';
import { getDb } from './db';
import { programmeVersion } from './meetings/cache';

/**
 * Anonymous views of the meeting list, agendas and programmes are the same for everyone until the programme data
 * changes: keep the rendered page, keyed by the data version (and the minute, for the "now" marker). Only requests
 * without a session are served from here, so no page with a person's data is ever cached.
 * CSP runs in hash mode (svelte.config.js), so a kept page carries no per-request nonce.
 */
const CACHEABLE = /^\/meetings(\/[a-z0-9-]+\/(agenda|programme))?$/;
const MAX_ENTRIES = 200;

interface Entry {
	version: string;
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

const entries = new Map<string, Entry>();

export const publicPageCache: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'GET' || event.locals.user || !CACHEABLE.test(event.url.pathname) || event.request.headers.has('x-sveltekit-action')) {
		return resolve(event);
	}
	const key = event.url.pathname + event.url.search + (event.isDataRequest ? '#data' : '');
	const version = `${await programmeVersion(getDb())}|${Math.floor(Date.now() / 60_000)}`;
	const hit = entries.get(key);
	if (hit && hit.version === version) {
		const etag = hit.headers.find(([k]) => k === 'etag')?.[1];
		if (etag && event.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
		return new Response(hit.body, { status: hit.status, headers: hit.headers });
	}
	const response = await resolve(event);
	if (response.status !== 200 || response.headers.has('set-cookie')) return response;
	const body = await response.arrayBuffer();
	const headers = [...response.headers].filter(([k]) => k !== 'set-cookie');
	entries.delete(key);
	entries.set(key, { version, status: 200, headers, body });
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return new Response(body, { status: 200, headers });
};
