import { getDb } from '$lib/server/db';
import { publicMeeting } from '$lib/server/meetings/access';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import { programmeVersion, VersionedCache } from '$lib/server/meetings/cache';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ text: string; etag: string }>();

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const db = getDb();
	// Building a feed costs ~150 ms (ical-generator's line folding); the result depends only on the data.
	const feed = await feeds.get(`${meeting.id}|${event.url.origin}`, await programmeVersion(db), async () => {
		const [cal] = await loadCalMeetings(db, [meeting], event.url.origin);
		const text = buildMeetingCalendar([cal], { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
		return { text, etag: calendarEtag(text) };
	});
	return icsResponse(feed.text, feed.etag, event.request, `${meeting.slug}.ics`);
};
