import { staffMeeting } from '$lib/server/web/access';
import { attendance, checkIn } from '$lib/server/registration';
import { formatInstant } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	return { meeting: { slug: meeting.slug, code: meeting.code }, ...(await attendance(meeting.id)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 100);
		const result = await checkIn({ id: actor.id, email: actor.email }, meeting.id, code);
		return result.ok ? { ...result, already: result.already ? formatInstant(result.already, meeting.time_zone) : null } : result;
	}
};
