import { getDb } from '$lib/server/db';
import { staffMeeting } from '$lib/server/meetings/access';
import { checkIn } from '$lib/server/registration/check-in';
import { formatInstant } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const counts = await getDb()
		.selectFrom('registrations')
		.select([(eb) => eb.fn.countAll<number>().as('approved'), (eb) => eb.fn.count<number>('attended_at').as('attended')])
		.where('meeting_id', '=', meeting.id)
		.where('status', '=', 'approved')
		.executeTakeFirstOrThrow();
	return { meeting: { slug: meeting.slug, code: meeting.code }, approved: Number(counts.approved), attended: Number(counts.attended) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 100);
		const result = await checkIn(getDb(), { id: actor.id, email: actor.email }, meeting.id, code);
		return result.ok ? { ...result, already: result.already ? formatInstant(result.already, meeting.time_zone) : null } : result;
	}
};
