import { decideVisaLetter, listVisaLetters, visaDecisionSchema } from '$lib/server/registration';
import { invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const rows = await listVisaLetters(meeting.id);
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, time_zone: meeting.time_zone, approval: meeting.visa_letters_approval === 1 },
		rows
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const id = Number(fd.get('letter_id')) || 0;
		const parsed = parseForm(visaDecisionSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: `letter-${id}` });
		const result = await decideVisaLetter({ id: actor.id, email: actor.email }, meeting.id, parsed.data, event.url.origin);
		if (!result.ok) return invalid({}, {}, { form: `letter-${id}`, message: result.message });
		const said = parsed.data.decision === 'approve' ? m.mtg_visa_approved_done : m.mtg_visa_refused_done;
		return { form: `letter-${id}`, done: said({ reference: result.letter.reference }) };
	}
};
