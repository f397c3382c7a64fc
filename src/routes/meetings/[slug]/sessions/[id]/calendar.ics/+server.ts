import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { publicMeeting } from '$lib/server/meetings/access';
import { buildSessionCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const [cal] = await loadCalMeetings(getDb(), [meeting], event.url.origin);
	const text = buildSessionCalendar(cal, Number(event.params.id), { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
	if (!text) error(404, 'No such session.');
	return icsResponse(text, calendarEtag(text), event.request, `${meeting.slug}-session-${event.params.id}.ics`);
};
