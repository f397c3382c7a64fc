import { error } from '@sveltejs/kit';
import { publicMeeting } from '$lib/server/web/access';
import { buildSessionCalendar, calendarEtag, CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const locale = event.locals.locale;
	const [cal] = await loadCalMeetings([meeting], event.url.origin, locale);
	const text = buildSessionCalendar(cal, Number(event.params.id), { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST, locale });
	if (!text) error(404, m.pub_no_such_session());
	return icsResponse(text, calendarEtag(text), event.request, `${meeting.slug}-session-${event.params.id}.ics`);
};
