import { error } from '@sveltejs/kit';
import { publicMeeting } from '$lib/server/web/access';
import { buildSessionCalendar, calendarEtag, CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const [cal] = await loadCalMeetings([meeting], event.url.origin);
	const text = buildSessionCalendar(cal, Number(event.params.id), { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
	if (!text) error(404, 'No such session.');
	return icsResponse(text, calendarEtag(text), event.request, `${meeting.slug}-session-${event.params.id}.ics`);
};
