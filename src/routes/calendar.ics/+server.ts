import { getDb } from '$lib/server/db';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { listMeetings } from '$lib/server/meetings/queries';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import { programmeVersion, VersionedCache } from '$lib/server/meetings/cache';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ bytes: Uint8Array; etag: string }>(4);

export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const feed = await feeds.get(event.url.origin, await programmeVersion(db), async () => {
		const cals = await loadCalMeetings(db, await listMeetings(db), event.url.origin);
		const text = buildMeetingCalendar(cals, { name: 'CCM meetings', host: CALENDAR_HOST });
		// Kept encoded: a feed is ~130 KB, and encoding it per request was the main cost left.
		return { bytes: new TextEncoder().encode(text), etag: calendarEtag(text) };
	});
	return icsResponse(feed.bytes, feed.etag, event.request, 'ccm-meetings.ics');
};
