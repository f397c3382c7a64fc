import { getDb } from '$lib/server/db';
import { getMeeting } from '$lib/server/meetings/queries';
import { loadCalMeetings } from '$lib/server/meetings/public';
import { googleCalendarLink, outlookLink, sessionLinkEvent } from '$lib/server/meetings/calendar';
import { formatDay, formatTime, localDate, zoneAbbreviation } from '$lib/server/meetings/zoned-time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { meeting } = await parent();
	const db = getDb();
	const m = (await getMeeting(db, meeting.slug, true))!;
	const [cal] = await loadCalMeetings(db, [m], url.origin);
	const tz = m.time_zone;
	const now = new Date().toISOString();
	const days: { date: string; label: string; sessions: unknown[] }[] = [];
	for (const s of cal.sessions) {
		const date = localDate(s.startsAt, tz);
		if (days.at(-1)?.date !== date) days.push({ date, label: formatDay(date, tz), sessions: [] });
		const link = sessionLinkEvent(cal, s);
		days.at(-1)!.sessions.push({
			id: s.id,
			title: s.title,
			start: formatTime(s.startsAt, tz),
			end: formatTime(s.endsAt, tz),
			zone: zoneAbbreviation(s.startsAt, tz),
			startsAt: s.startsAt,
			endsAt: s.endsAt,
			room: s.room,
			chair: s.chair,
			items: s.agendaItems,
			current: s.startsAt <= now && now < s.endsAt,
			google: googleCalendarLink(link),
			outlook: outlookLink(link)
		});
	}
	return { days: days as { date: string; label: string; sessions: ProgrammeSession[] }[] };
};

interface ProgrammeSession {
	id: number;
	title: string;
	start: string;
	end: string;
	zone: string;
	startsAt: string;
	endsAt: string;
	room: string | null;
	chair: string | null;
	items: string[];
	current: boolean;
	google: string;
	outlook: string;
}
