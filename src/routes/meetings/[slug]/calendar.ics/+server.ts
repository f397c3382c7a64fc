import { getDb } from '$lib/server/db';
import { publicMeeting } from '$lib/server/meetings/access';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const [cal] = await loadCalMeetings(getDb(), [meeting], event.url.origin);
	const text = buildMeetingCalendar([cal], { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
	return icsResponse(text, calendarEtag(text), event.request, `${meeting.slug}.ics`);
};
