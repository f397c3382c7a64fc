import type { Kysely } from 'kysely';
import { titleIn, type Database, type Meeting } from '../db';
import { currentLocale, localizeHref, type Locale } from '$lib/i18n';
import { formatAgendaNumber } from './agenda';
import type { CalMeeting } from './calendar';

/** UIDs end in this fixed name, not the site's host, so a move to another domain does not duplicate events. */
export const CALENDAR_HOST = 'ccm-meetings';

/** Calendar data for many meetings in three queries, whatever their number; titles in `locale` (English where not translated), links to the pages in `locale`. */
export async function loadCalMeetings(db: Kysely<Database>, meetings: Meeting[], origin: string, locale: Locale = currentLocale()): Promise<CalMeeting[]> {
	if (!meetings.length) return [];
	const ids = meetings.map((m) => m.id);
	const [sessions, links] = await Promise.all([
		db.selectFrom('meeting_sessions').selectAll().where('meeting_id', 'in', ids).orderBy('starts_at').orderBy('id').execute(),
		db
			.selectFrom('session_agenda_items')
			.innerJoin('agenda_items', 'agenda_items.id', 'session_agenda_items.agenda_item_id')
			.select([
				'session_agenda_items.session_id',
				'agenda_items.number',
				'agenda_items.sub_number',
				'agenda_items.title',
				'agenda_items.title_fr',
				'agenda_items.title_es'
			])
			.where('agenda_items.meeting_id', 'in', ids)
			.orderBy('agenda_items.position')
			.execute()
	]);
	const itemsBySession = new Map<number, { labels: string[]; langs: string[] }>();
	for (const l of links) {
		const shown = titleIn(l, locale);
		const items = itemsBySession.get(l.session_id) ?? { labels: [], langs: [] };
		items.labels.push(`${formatAgendaNumber(l.number, l.sub_number)} ${shown.title}`);
		items.langs.push(shown.titleLang);
		itemsBySession.set(l.session_id, items);
	}
	return meetings.map((m) => {
		const url = `${origin}${localizeHref(`/meetings/${m.slug}`, locale)}`;
		return {
			slug: m.slug,
			code: m.code,
			...titleIn(m, locale),
			startDate: m.start_date,
			endDate: m.end_date,
			timeZone: m.time_zone,
			venue: m.venue,
			city: m.city,
			country: m.country,
			updatedAt: m.updated_at,
			sequence: m.sequence,
			url,
			sessions: sessions
				.filter((s) => s.meeting_id === m.id)
				.map((s) => ({
					id: s.id,
					...titleIn(s, locale),
					startsAt: s.starts_at,
					endsAt: s.ends_at,
					room: s.room,
					chair: s.chair,
					agendaItems: itemsBySession.get(s.id)?.labels ?? [],
					agendaItemLangs: itemsBySession.get(s.id)?.langs ?? [],
					updatedAt: s.updated_at,
					sequence: s.sequence,
					url: `${url}/programme#session-${s.id}`
				}))
		};
	});
}

/** An .ics response with an ETag; a matching If-None-Match gets 304. Takes the text or its UTF-8 bytes. */
export function icsResponse(text: string | Uint8Array, etag: string, request: Request, filename: string): Response {
	const headers = {
		etag,
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `inline; filename="${filename}"`,
		// Calendar clients poll; let them revalidate cheaply instead of caching stale programmes.
		'cache-control': 'public, max-age=300, must-revalidate'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(typeof text === 'string' ? text : (text as Uint8Array<ArrayBuffer>), { headers });
}
