import { error, redirect } from '@sveltejs/kit';
import { publicMeeting } from '$lib/server/web/access';
import { googleCalendarLink, outlookLink, sessionLinkEvent, loadCalMeetings } from '$lib/server/meetings';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** "Add to calendar" for web calendars: a redirect, so programme pages do not carry 200 long links. */
export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const locale = event.locals.locale;
	const [cal] = await loadCalMeetings([meeting], event.url.origin, locale);
	const session = cal.sessions.find((s) => s.id === Number(event.params.id));
	if (!session) error(404, m.pub_no_such_session());
	const link = sessionLinkEvent(cal, session, locale);
	const to = event.url.searchParams.get('to');
	if (to === 'google') redirect(302, googleCalendarLink(link));
	if (to === 'outlook') redirect(302, outlookLink(link));
	error(404, m.pub_unknown_calendar_service());
};
