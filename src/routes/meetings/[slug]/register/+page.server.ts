import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { generateToken } from '$lib/server/auth';
import { windowState } from '$lib/server/meetings';
import { organizationOptionsAsAt } from '$lib/server/organizations';
import { formToken, personSchema, registerFailure, genderOptions, roleOptions, findLive, register } from '$lib/server/registration';
import { invalid, parseForm, formValues } from '$lib/server/forms';
import { publicMeeting } from '$lib/server/web/access';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const meeting = await publicMeeting(event);
	const mine = await findLive(meeting.id, user.email, user.id);
	if (mine) redirect(303, localizeHref(`/registrations/${mine.id}?existing=1`));
	const window = windowState(meeting.registration_opens_at, meeting.registration_closes_at);
	return {
		window,
		staff: user.role === 'staff',
		organizations: await organizationOptionsAsAt(meeting.start_date),
		roles: roleOptions,
		genders: genderOptions,
		formToken: generateToken(),
		prefill: {
			organization_id: user.organizationId ? String(user.organizationId) : '',
			given_name: user.givenName ?? '',
			family_name: user.familyName ?? '',
			email: user.email
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const meeting = await publicMeeting(event);
		const fd = await event.request.formData();
		const parsed = parseForm(personSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// A delegate registers themself: the address is the account's, whatever was posted.
		const input = { ...parsed.data, email: user.email };
		const result = await register(input, {
			meetingId: meeting.id,
			userId: user.id,
			createdBy: user.id,
			byStaff: user.role === 'staff',
			// A self-registration is an unconfirmed member unless it is staff's or the organisation's own focal point's.
			confirmedMember: user.role === 'staff' || (user.role === 'focal_point' && user.organizationId === input.organization_id),
			formToken: formToken(fd),
			origin: event.url.origin
		});
		if (result.ok) redirect(303, localizeHref(`/registrations/${result.registration.id}?new=1`));
		if (result.reason === 'existing') redirect(303, localizeHref(`/registrations/${result.registration.id}?existing=1`));
		const failure = registerFailure(result);
		return invalid(formValues(fd), failure.errors, { message: failure.message });
	}
};
