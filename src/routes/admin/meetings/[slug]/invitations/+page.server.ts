import { formValues, invalid, parseForm } from '$lib/server/forms';
import { staffMeeting } from '$lib/server/web/access';
import { invitationList, invitationSchema, inviteMembers } from '$lib/server/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	const committee = meeting.kind === 'coordination_committee';
	const members = committee ? await invitationList(meeting.id) : [];
	return {
		meeting: { slug: meeting.slug, code: meeting.code, title: meeting.title, start_date: meeting.start_date, end_date: meeting.end_date },
		committee,
		members: members.map((m) => ({
			id: m.id,
			name: [m.given_name, m.family_name].filter(Boolean).join(' ') || m.email,
			email: m.email,
			invited_at: m.invited_at,
			// Invited before the meeting last changed: the calendar entry they have is out of date.
			outdated: m.sequence !== null && m.sequence < meeting.sequence
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
		if (result === 'not_found') return invalid(formValues(fd), { members: 'Invitations are for Coordination Committee meetings.' });
		if ('field' in result) return invalid(formValues(fd), { [result.field]: result.message });
		return { sent: { invited: result.invited.length, updated: result.updated.length, unchanged: result.unchanged.length } };
	}
};
