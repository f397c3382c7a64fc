import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';

/** The signed-in user, or a redirect to the login page that comes back here. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

/** Checked in every load and action that needs it, not only in a layout. */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) error(403, 'You do not have access to this page.');
	return user;
}

export function requireStaff(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	return requireRole(event, 'staff');
}

/** Only same-site relative paths: never send a user on to another site after login. */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
	return target;
}
