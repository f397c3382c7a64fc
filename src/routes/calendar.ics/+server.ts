import { getDb } from '$lib/server/db';
import { buildMeetingCalendar, calendarEtag } from '$lib/server/meetings/calendar';
import { listMeetings } from '$lib/server/meetings/queries';
import { CALENDAR_HOST, icsResponse, loadCalMeetings } from '$lib/server/meetings/public';
import { programmeVersion, VersionedCache } from '$lib/server/meetings/cache';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ text: string; etag: string }>(4);

export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const feed = await feeds.get(event.url.origin, await programmeVersion(db), async () => {
		const cals = await loadCalMeetings(db, await listMeetings(db), event.url.origin);
		const text = buildMeetingCalendar(cals, { name: 'CCM meetings', host: CALENDAR_HOST });
		return { text, etag: calendarEtag(text) };
	});
	return icsResponse(feed.text, feed.etag, event.request, 'ccm-meetings.ics');
};
