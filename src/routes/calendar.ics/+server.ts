import {
	buildMeetingCalendar,
	calendarEtag,
	listMeetings,
	CALENDAR_HOST,
	icsResponse,
	loadCalMeetings,
	programmeVersion,
	VersionedCache
} from '$lib/server/meetings';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ bytes: Uint8Array; etag: string }>(4);

export const GET: RequestHandler = async (event) => {
	// One per language: titles are the page's language's (issue 14).
	const feed = await feeds.get(`${event.url.origin}|${event.locals.locale}`, await programmeVersion(), async () => {
		const cals = await loadCalMeetings(await listMeetings(), event.url.origin);
		const text = buildMeetingCalendar(cals, { name: 'CCM meetings', host: CALENDAR_HOST });
		// Kept encoded: a feed is ~130 KB, and encoding it per request was the main cost left.
		return { bytes: new TextEncoder().encode(text), etag: calendarEtag(text) };
	});
	return icsResponse(feed.bytes, feed.etag, event.request, 'ccm-meetings.ics');
};
