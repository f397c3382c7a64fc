import { redirect } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { meetingSchema, meetingFormValues, setMeetingStatus, updateMeeting } from '$lib/server/meetings';
import { staffMeeting } from '$lib/server/web/access';
import { setVisaApproval, waitlistPromoter } from '$lib/server/registration';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { meeting } = await staffMeeting(event);
	return {
		meeting: {
			slug: meeting.slug,
			code: meeting.code,
			title: meeting.title,
			status: meeting.status,
			published_at: meeting.published_at,
			visa_letters_approval: meeting.visa_letters_approval === 1,
			kind: meeting.kind
		},
		values: meetingFormValues(meeting),
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(meetingSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await updateMeeting(actor, meeting.id, parsed.data, waitlistPromoter(event.url.origin));
		if (!result.ok) return invalid(formValues(fd), result.errors);
		redirect(303, localizeHref(`/admin/meetings/${result.meeting.slug}?saved=1`));
	},
	publish: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		await setMeetingStatus(actor, meeting.id, 'published');
		return { status: m.mtg_page_published_done() };
	},
	unpublish: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		await setMeetingStatus(actor, meeting.id, 'draft');
		return { status: m.mtg_page_draft_done() };
	},
	visaApproval: async (event) => {
		const { actor, meeting } = await staffMeeting(event);
		const on = (await event.request.formData()).get('approval') === 'yes';
		await setVisaApproval(actor, meeting.id, on);
		return { status: on ? m.mtg_page_visa_wait_done() : m.mtg_page_visa_at_once_done() };
	}
};
