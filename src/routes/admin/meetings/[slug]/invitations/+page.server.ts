import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { invitationList, invitationSchema, inviteMembers } from '$lib/server/decisions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const committee = meeting.kind === 'coordination_committee';
	const members = committee ? await invitationList(meeting.id) : [];
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, start_date: meeting.start_date, end_date: meeting.end_date },
		committee,
		members: members.map((u) => ({
			id: u.id,
			name: [u.given_name, u.family_name].filter(Boolean).join(' ') || u.email,
			email: u.email,
			invited_at: u.invited_at,
			// Invited before the meeting last changed: the calendar entry they have is out of date.
			outdated: u.sequence !== null && u.sequence < meeting.sequence
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(invitationSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await inviteMembers(actor, meeting.slug, parsed.data.members, event.url.origin);
		if (result === 'not_found') return invalid(formValues(fd), { members: m.mtg_inv_only_committee() });
		if ('field' in result) return invalid(formValues(fd), { [result.field]: result.message });
		return { sent: { invited: result.invited.length, updated: result.updated.length, unchanged: result.unchanged.length } };
	}
};
