import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import { requireStaff } from '$lib/server/auth/guards';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { meetingSchema, createMeeting } from '$lib/server/meetings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireStaff(event);
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaff(event);
		const fd = await event.request.formData();
		const parsed = parseForm(meetingSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await createMeeting(actor, parsed.data);
		if (!result.ok) return invalid(formValues(fd), result.errors);
		redirect(303, localizeHref(`/admin/meetings/${result.meeting.slug}?created=1`));
	}
};
