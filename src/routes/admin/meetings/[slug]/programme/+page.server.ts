import { fail } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import {
	idSchema,
	sessionSchema,
	listAgenda,
	listSessions,
	deleteSession,
	saveSession,
	sessionTimes,
	roomOverlaps,
	formatAgendaNumber,
	formatDay,
	formatTime,
	localDate,
	utcToLocalInput,
	zoneAbbreviation
} from '$lib/server/meetings';
import { m as msg } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting: m } = await staffMeeting(event);
	const [sessions, agenda] = await Promise.all([listSessions(m.id), listAgenda(m.id)]);
	const overlaps = roomOverlaps(sessions.map((s) => ({ id: s.id, room: s.room, startsAt: s.starts_at, endsAt: s.ends_at })));
	const labels = new Map(agenda.map((a) => [a.id, formatAgendaNumber(a.number, a.sub_number)]));
	return {
		meeting: { slug: m.slug, code: m.code, title: m.title, time_zone: m.time_zone, start_date: m.start_date, end_date: m.end_date },
		agenda: agenda.map((a) => ({ id: a.id, label: labels.get(a.id)!, title: a.title, sub: !!a.sub_number })),
		sessions: sessions.map((s) => ({
			id: s.id,
			title: s.title,
			title_fr: s.title_fr ?? '',
			title_es: s.title_es ?? '',
			day: formatDay(localDate(s.starts_at, m.time_zone), m.time_zone),
			time: `${formatTime(s.starts_at, m.time_zone)}–${formatTime(s.ends_at, m.time_zone)} ${zoneAbbreviation(s.starts_at, m.time_zone)}`,
			room: s.room,
			chair: s.chair,
			items: s.agendaItemIds.map((id) => labels.get(id)).filter(Boolean) as string[],
			agendaItemIds: s.agendaItemIds,
			startsLocal: utcToLocalInput(s.starts_at, m.time_zone),
			endsLocal: utcToLocalInput(s.ends_at, m.time_zone),
			overlapsWith: (overlaps.get(s.id) ?? []).map((o) => sessions.find((x) => x.id === o)?.title ?? '')
		})),
		editing: Number(event.url.searchParams.get('edit')) || null
	};
};

async function save(event: Parameters<Actions[string]>[0], id: number | null) {
	const { actor, meeting } = await staffMeeting(event);
	const fd = await event.request.formData();
	const form = id === null ? 'add' : `edit-${id}`;
	const parsed = parseForm(sessionSchema, fd);
	if (!parsed.ok) {
		// Say everything at once: the times are checked even when another field is wrong.
		const { starts_at, ends_at } = parsed.values;
		const times = starts_at && ends_at ? sessionTimes(meeting, { starts_at, ends_at }) : null;
		const timeErrors = times && 'errors' in times ? times.errors : {};
		return invalid(parsed.values, { ...timeErrors, ...parsed.errors }, { form });
	}
	const result = await saveSession(actor, meeting, id, parsed.data);
	if (!result.ok) return invalid(formValues(fd), result.errors, { form, message: result.errors._form });
	return { form, done: id === null ? msg.mtg_prog_added() : msg.mtg_prog_saved() };
}

export const actions: Actions = {
	add: (event) => save(event, null),
	edit: async (event) => {
		await staffMeeting(event);
		const id = idSchema.safeParse({ id: event.url.searchParams.get('id') });
		if (!id.success) return fail(400, { form: 'edit', message: msg.mtg_prog_unknown() });
		return save(event, id.data.id);
	},
	delete: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const id = idSchema.safeParse({ id: (await event.request.formData()).get('id') });
		if (!id.success) return fail(400, { form: 'delete', message: msg.mtg_prog_unknown() });
		const ok = await deleteSession(actor, meeting.id, id.data.id);
		return { form: 'delete', done: ok ? msg.mtg_prog_deleted() : msg.mtg_prog_gone() };
	}
};
