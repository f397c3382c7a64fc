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
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const feeds = new VersionedCache<{ bytes: Uint8Array; etag: string }>(4);

export const GET: RequestHandler = async (event) => {
	// One per language: titles and texts are the page's language's (issue 14).
	const locale = event.locals.locale;
	const feed = await feeds.get(`${event.url.origin}|${locale}`, await programmeVersion(), async () => {
		const cals = await loadCalMeetings(await listMeetings(), event.url.origin, locale);
		const text = buildMeetingCalendar(cals, { name: m.pub_cal_all_name(), host: CALENDAR_HOST, locale });
		// Kept encoded: a feed is ~130 KB, and encoding it per request was the main cost left.
		return { bytes: new TextEncoder().encode(text), etag: calendarEtag(text) };
	});
	return icsResponse(feed.bytes, feed.etag, event.request, 'ccm-meetings.ics');
};
