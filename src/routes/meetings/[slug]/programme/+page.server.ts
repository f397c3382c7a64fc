import { getMeeting, loadCalMeetings, programmeVersion, VersionedCache, formatDay, formatTime, localDate, zoneAbbreviation } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

interface ProgrammeSession {
	id: number;
	title: string;
	titleLang?: string;
	start: string;
	end: string;
	zone: string;
	startsAt: string;
	endsAt: string;
	room: string | null;
	chair: string | null;
	items: { text: string; lang?: string }[];
}

interface ProgrammeDay {
	date: string;
	label: string;
	sessions: ProgrammeSession[];
}

const programmes = new VersionedCache<ProgrammeDay[]>();

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { meeting } = await parent();
	// One entry per language: titles, day names and the calendar links' texts are the page's.
	const days = await programmes.get(`${meeting.id}|${url.origin}|${locals.locale}`, await programmeVersion(), async () => {
		const m = (await getMeeting(meeting.slug, true))!;
		const [cal] = await loadCalMeetings([m], url.origin);
		const tz = m.time_zone;
		const out: ProgrammeDay[] = [];
		for (const s of cal.sessions) {
			const date = localDate(s.startsAt, tz);
			if (out.at(-1)?.date !== date) out.push({ date, label: formatDay(date, tz, locals.locale), sessions: [] });
			out.at(-1)!.sessions.push({
				id: s.id,
				title: s.title,
				titleLang: s.titleLang,
				start: formatTime(s.startsAt, tz),
				end: formatTime(s.endsAt, tz),
				zone: zoneAbbreviation(s.startsAt, tz),
				startsAt: s.startsAt,
				endsAt: s.endsAt,
				room: s.room,
				chair: s.chair,
				items: s.agendaItems.map((text, i) => ({ text, lang: s.agendaItemLangs?.[i] }))
			});
		}
		return out;
	});
	// "Now" is per request; everything else comes from the cache.
	return { days, now: new Date().toISOString() };
};
