import { getDb } from '$lib/server/db';
import { publicMeeting } from '$lib/server/meetings/access';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import { programmeVersion, VersionedCache } from '$lib/server/meetings/cache';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ bytes: Uint8Array; etag: string }>();

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	const db = getDb();
	// Building a feed costs ~150 ms (ical-generator's line folding); the result depends only on the data.
	const feed = await feeds.get(`${meeting.id}|${event.url.origin}`, await programmeVersion(db), async () => {
		const [cal] = await loadCalMeetings(db, [meeting], event.url.origin);
		const text = buildMeetingCalendar([cal], { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
		// Kept encoded: a feed is ~130 KB, and encoding it per request was the main cost left.
		return { bytes: new TextEncoder().encode(text), etag: calendarEtag(text) };
	});
	return icsResponse(feed.bytes, feed.etag, event.request, `${meeting.slug}.ics`);
};
