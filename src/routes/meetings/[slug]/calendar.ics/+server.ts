import { publicMeeting } from '$lib/server/web/access';
import { buildMeetingCalendar, calendarEtag, CALENDAR_HOST, icsResponse, loadCalMeetings, programmeVersion, VersionedCache } from '$lib/server/meetings';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ bytes: Uint8Array; etag: string }>();

export const GET: RequestHandler = async (event) => {
	const meeting = await publicMeeting(event);
	// Building a feed costs ~150 ms (ical-generator's line folding); the result depends only on the data.
	// `/fr/meetings/x/calendar.ics` describes events in French and links to the French pages: one entry per language.
	const locale = event.locals.locale;
	const feed = await feeds.get(`${meeting.id}|${event.url.origin}|${locale}`, await programmeVersion(), async () => {
		const [cal] = await loadCalMeetings([meeting], event.url.origin, locale);
		const text = buildMeetingCalendar([cal], { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST, locale });
		// Kept encoded: a feed is ~130 KB, and encoding it per request was the main cost left.
		return { bytes: new TextEncoder().encode(text), etag: calendarEtag(text) };
	});
	return icsResponse(feed.bytes, feed.etag, event.request, `${meeting.slug}.ics`);
};
