import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/i18n';
import type { Role } from '../db';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to the login page that comes back here. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/login?redirectTo=${encodeURIComponent(back)}`));
	}
	return user;
}

/** Checked in every load and action that needs it, not only in a layout. */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, m.auth_no_access());
	return user;
}

export function requireStaff(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'staff');
}

// Relative targets resolve against this; any other origin after parsing means the target named a host of its own.
const BASE = new URL('http://app.invalid/');
/** What may go into a Location header: a path from the root, printable ASCII only (the URL serializer's output). */
const SAFE_PATH = /^\/(?![/\\])[\x21-\x7e]*$/;

/**
 * Only same-site paths: never send a user on to another site after login. The target is parsed the way a browser
 * parses a Location header (the WHATWG URL parser drops tabs and newlines, trims controls and spaces, reads `\` as
 * `/`), so what it would read as another host is refused, and what is kept is the parser's own serialization:
 * percent-encoded, with nothing that could break the header.
 */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || target.length > 2000) return fallback;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE.origin || url.username || url.password) return fallback;
	const path = url.pathname + url.search + url.hash;
	// "/.//evil.example" parses to the path "//evil.example", which a browser would read as a host.
	return SAFE_PATH.test(path) ? path : fallback;
}
