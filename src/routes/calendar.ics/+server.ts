import { getDb } from '$lib/server/db';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { listMeetings } from '$lib/server/meetings/queries';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const cals = await loadCalMeetings(db, await listMeetings(db), event.url.origin);
	const text = buildMeetingCalendar(cals, { name: 'CCM meetings', host: CALENDAR_HOST });
	return icsResponse(text, calendarEtag(text), event.request, 'ccm-meetings.ics');
};
