import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getHandle } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/startup';
import { startJobs } from '$lib/server/jobs';
import { publicPageCache, servePublicPageFromCache } from '$lib/server/page-cache';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie, validateSessionToken, warnIfProxiedWithoutAddressHeader } from '$lib/server/auth';
import { formLimits } from '$lib/server/http/form-limits';
import { HSTS } from '$lib/server/http/headers';
import { errorTitle } from '$lib/server/http/error-title';
import { localeHandle } from '$lib/server/i18n';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	const handle = getHandle();
	// With WEB_CONCURRENCY, the first process migrates and seeds before the others start (scripts/cluster.js).
	if (process.env.CCM_DATABASE_PREPARED !== '1') await prepareDatabase(handle);
	// server.js asks this before SvelteKit (see page-cache.ts).
	(globalThis as Record<symbol, unknown>)[Symbol.for('ccm.servePublicPageFromCache')] = servePublicPageFromCache;
	if (handle.sqlite) {
		// Statistics from the first start on; the job `sqlite.optimize` keeps them following the data.
		handle.sqlite.pragma('analysis_limit = 1000');
		handle.sqlite.pragma('optimize=0x10002');
	}
	// Offer expiry, the outbox and statistics run on a schedule, never inside a page view.
	startJobs(handle);
};

const session: Handle = async ({ event, resolve }) => {
	// Behind a proxy without ADDRESS_HEADER every person shares the proxy's address and its limits: say so, once.
	warnIfProxiedWithoutAddressHeader(event.request.headers);
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const secure = event.url.protocol === 'https:';
		const result = await validateSessionToken(token);
		if (result.session) {
			setSessionCookie(event.cookies, token, result.session.expiresAt, secure);
			event.locals.user = result.user;
			event.locals.session = result.session;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

/** A NUL byte is never meaningful in our URLs, and PostgreSQL refuses it in text: answer 400 before any query. */
const refuseNul: Handle = async ({ event, resolve }) => {
	const raw = event.url.pathname + event.url.search;
	if (/%00/i.test(raw) || raw.includes('\0')) return new Response('Bad request', { status: 400, headers: { 'content-type': 'text/plain' } });
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	// event.url is built from ORIGIN: only a deployment served over https asks browsers to keep to it.
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', HSTS);
	// Pages with personal data must not sit in shared caches.
	if (event.locals.user && !h.has('cache-control')) h.set('Cache-Control', 'private, no-store');
	return response;
};

// The page cache comes before the session: it answers only requests without a session cookie, and what it keeps has
// been through securityHeaders. formLimits needs the session (who may upload) and its refusals get the security headers.
export const handle = sequence(refuseNul, localeHandle, publicPageCache, session, securityHeaders, formLimits, errorTitle);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status >= 500) console.error(error);
	return { message: status >= 500 ? m.auth_error_server() : message };
};
