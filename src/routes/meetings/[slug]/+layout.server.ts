import { publicMeeting } from '$lib/server/web/access';
import { meetingPhase, titleIn } from '$lib/server/meetings';
import { findLive, STATUS_LABELS } from '$lib/server/registration';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const m = await publicMeeting(event);
	const user = event.locals.user;
	// The signed-in person's own live registration: the page says "You are registered" instead of "Register".
	const own = user ? await findLive(m.id, user.email, user.id) : undefined;
	return {
		mine: own ? { id: own.id, status: own.status, statusLabel: STATUS_LABELS[own.status] } : null,
		meeting: {
			id: m.id,
			slug: m.slug,
			code: m.code,
			...titleIn(m),
			kind: m.kind,
			status: m.status,
			start_date: m.start_date,
			end_date: m.end_date,
			time_zone: m.time_zone,
			venue: m.venue,
			city: m.city,
			country: m.country,
			description: m.description,
			registration_opens_at: m.registration_opens_at,
			registration_closes_at: m.registration_closes_at,
			sponsorship_deadline: m.sponsorship_deadline,
			capacity: m.capacity,
			participants_list: m.participants_list,
			phase: meetingPhase(m)
		}
	};
};
