import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { listOrganizationOptions } from '$lib/server/organizations/queries';
import { personSchema } from '$lib/server/registration/forms';
import { genderOptions, roleOptions } from '$lib/server/registration/options';
import { ROLE_LABELS, STATUS_LABELS } from '$lib/server/registration/rules';
import { visibleRegistration } from '$lib/server/registration/access';
import { isLive } from '$lib/server/registration/live';
import { cancelRegistration, updateRegistration } from '$lib/server/registration/store';
import { nowIso } from '$lib/server/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { reg, relation } = await visibleRegistration(event);
	const waitPosition =
		reg.status === 'waitlisted'
			? Number(
					(await getDb().selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', reg.meeting_id).where('status', '=', 'waitlisted').where('id', '<=', reg.id).executeTakeFirstOrThrow()).n
				)
			: null;
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
			meeting: { slug: reg.meeting_slug, code: reg.meeting_code, title: reg.meeting_title }
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
		organizations: await listOrganizationOptions(getDb()),
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
		const input = { ...parsed.data, email: reg.email ?? parsed.data.email, organization_id: relation === 'staff' ? parsed.data.organization_id : reg.organization_id };
		const result = await updateRegistration(getDb(), reg, input, { id: user.id, email: user.email });
		if (!result.ok) return invalid(formValues(fd), result.errors, { message: result.errors._form });
		if (relation === 'self' && !reg.user_id) {
			// The person confirms their own details: the registration becomes theirs.
			await getDb().updateTable('registrations').set({ user_id: user.id, confirmed_by_person: 1, updated_at: nowIso() }).where('id', '=', reg.id).where('user_id', 'is', null).execute();
		}
		return { saved: result.reapproval ? 'Saved. Because the name, delegation or role changed, the registration needs the ISU’s approval again.' : 'Your changes are saved.' };
	},
	cancel: async (event) => {
		const { user, reg } = await visibleRegistration(event);
		if (!(await cancelRegistration(getDb(), { ...reg }, { id: user.id, email: user.email }, event.url.origin))) {
			return fail(400, { message: 'This registration is no longer active.' });
		}
		redirect(303, `/registrations/${reg.id}?cancelled=1`);
	}
};
