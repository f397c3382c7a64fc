import { redirect } from '@sveltejs/kit';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { getVisaLetter, requestVisaLetter, visaLetterSchema, VISA_REFUSALS, VISA_STATUS_LABELS } from '$lib/server/registration';
import { visibleRegistration } from '$lib/server/web/access';
import { localizeHref } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { reg, relation } = await visibleRegistration(event);
	const letter = await getVisaLetter(reg.id);
	return {
		reg: {
			id: reg.id,
			approved: reg.status === 'approved',
			name: [reg.given_name, reg.family_name].filter(Boolean).join(' '),
			organization: reg.organization,
			meeting: { slug: reg.meeting_slug, code: reg.meeting_code, title: reg.meeting_title }
		},
		relation,
		refusal: reg.status === 'approved' ? null : VISA_REFUSALS.notApproved,
		letter: letter && {
			reference: letter.reference,
			status: letter.status,
			statusLabel: VISA_STATUS_LABELS[letter.status],
			refusalReason: letter.refusal_reason
		},
		values: {
			passport_name: letter?.passport_name ?? [reg.given_name, reg.family_name].filter(Boolean).join(' ').toUpperCase(),
			nationality: letter?.nationality ?? '',
			passport_number: letter?.passport_number ?? ''
		}
	};
};

export const actions: Actions = {
	request: async (event) => {
		const { user, reg, relation } = await visibleRegistration(event);
		const fd = await event.request.formData();
		const parsed = parseForm(visaLetterSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const result = await requestVisaLetter({ id: user.id, email: user.email }, relation, reg.id, parsed.data, event.url.origin);
		if (!result.ok) return invalid(formValues(fd), {}, { message: result.message });
		redirect(303, localizeHref(`/registrations/${reg.id}/visa-letter?${result.letter.status === 'issued' ? 'issued' : 'requested'}=1`));
	}
};
