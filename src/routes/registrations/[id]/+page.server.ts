import { fail, redirect } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { organizationOptionsAsAt } from '$lib/server/organizations';
import {
	personSchema,
	genderOptions,
	roleOptions,
	ROLE_LABELS,
	STATUS_LABELS,
	isLive,
	cancelRegistration,
	confirmOwnRegistration,
	updateRegistration,
	waitingListPosition
} from '$lib/server/registration';
import { releaseOnCancel, reofferAfterCancel } from '$lib/server/sponsorship';
import { visibleRegistration } from '$lib/server/web/access';
import { localizeHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { reg, relation } = await visibleRegistration(event);
	const waitPosition = reg.status === 'waitlisted' ? await waitingListPosition(reg) : null;
	return {
		reg: {
			id: reg.id,
			status: reg.status,
			statusLabel: STATUS_LABELS[reg.status],
			roleLabel: ROLE_LABELS[reg.role],
			organization: reg.organization,
			name: [reg.title, reg.given_name, reg.family_name].filter(Boolean).join(' '),
			email: reg.email,
			position: reg.position,
			phone: reg.phone,
			rejection_reason: reg.rejection_reason,
			confirmed: reg.confirmed_by_person === 1,
			live: isLive(reg.status),
			meeting: { slug: reg.meeting_slug, code: reg.meeting_code, title: reg.meeting_title, participants_list: reg.participants_list }
		},
		waitPosition,
		relation,
		values: {
			organization_id: String(reg.organization_id),
			title: reg.title ?? '',
			given_name: reg.given_name ?? '',
			family_name: reg.family_name ?? '',
			gender: reg.gender ?? '',
			position: reg.position ?? '',
			email: reg.email ?? '',
			phone: reg.phone ?? '',
			role: reg.role,
			consent_published: reg.consent_published ? 'on' : '',
			access_needs: reg.access_needs ?? ''
		},
		organizations: await organizationOptionsAsAt(reg.start_date),
		roles: roleOptions,
		genders: genderOptions,
		flags: { new: event.url.searchParams.has('new'), existing: event.url.searchParams.has('existing') }
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { user, reg, relation } = await visibleRegistration(event);
		const fd = await event.request.formData();
		const parsed = parseForm(personSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// Only staff move someone to another delegation; the address is the registration's own.
		const input = {
			...parsed.data,
			email: reg.email ?? parsed.data.email,
			organization_id: relation === 'staff' ? parsed.data.organization_id : reg.organization_id
		};
		const result = await updateRegistration(reg, input, { id: user.id, email: user.email });
		if (!result.ok) return invalid(formValues(fd), result.errors, { message: result.errors._form });
		if (relation === 'self' && !reg.user_id) {
			// The person confirms their own details: the registration becomes theirs.
			await confirmOwnRegistration({ id: user.id, email: user.email }, reg.id);
		}
		return {
			saved: result.reapproval ? m.del_regn_saved_reapproval() : m.del_regn_saved()
		};
	},
	cancel: async (event) => {
		const { user, reg } = await visibleRegistration(event);
		// Two steps, with or without JavaScript: the first press only asks; the confirmation carries confirm=yes.
		if ((await event.request.formData()).get('confirm') !== 'yes') return { askCancel: true };
		if (!(await cancelRegistration({ ...reg }, { id: user.id, email: user.email }, event.url.origin, releaseOnCancel(event.url.origin)))) {
			return fail(400, { message: m.del_regn_not_active() });
		}
		// The money of a released offer goes to the next in line, once offers have begun.
		await reofferAfterCancel({ id: reg.meeting_id }, event.url.origin);
		redirect(303, localizeHref(`/registrations/${reg.id}?cancelled=1`));
	}
};
