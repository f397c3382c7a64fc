import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { generateToken } from '$lib/server/auth';
import { windowState } from '$lib/server/meetings';
import { getOrganization, listOrganizationOptions } from '$lib/server/organizations';
import { checkUpload } from '$lib/server/files';
import {
	formToken,
	personSchema,
	registerFailure,
	genderOptions,
	roleOptions,
	getDelegation,
	listDelegation,
	ROLE_LABELS,
	STATUS_LABELS,
	isLive,
	cancelRegistration,
	register,
	setHead,
	uploadCredentials,
	submitDelegation,
	confirmMember
} from '$lib/server/registration';
import { endorse, listForEndorsement, formatChf, releaseOnCancel, reofferAfterCancel } from '$lib/server/sponsorship';
import { formValues, invalid, parseForm } from '$lib/server/forms';
import { publicMeeting } from '$lib/server/web/access';
import type { Actions, PageServerLoad } from './$types';

const CREDENTIALS_MAX = 10 * 1024 * 1024;

/** The focal point and their organisation: every load and action asks again. */
async function focal(event: RequestEvent) {
	const user = requireRole(event, 'focal_point');
	if (!user.organizationId) error(403, 'Your account is not linked to an organisation yet. Ask the ISU.');
	const meeting = await publicMeeting(event);
	const org = await getOrganization(user.organizationId);
	if (!org) error(403, 'Your organisation no longer exists. Ask the ISU.');
	return { user, meeting, org, actor: { id: user.id, email: user.email } };
}

export const load: PageServerLoad = async (event) => {
	const { meeting, org } = await focal(event);
	const [delegation, members, organizations, applications] = await Promise.all([
		getDelegation(meeting.id, org.id),
		listDelegation(meeting.id, org.id),
		listOrganizationOptions(),
		listForEndorsement(meeting.id, org.id)
	]);
	return {
		org: { id: org.id, name: org.name },
		delegation: delegation
			? {
					status: delegation.status,
					submitted_at: delegation.submitted_at,
					credentials_name: delegation.credentials_name,
					credentials_uploaded_at: delegation.credentials_uploaded_at,
					credentials_decision: delegation.credentials_decision,
					credentials_reason: delegation.credentials_reason
				}
			: null,
		members: members.map((m) => ({
			id: m.id,
			name: [m.title, m.given_name, m.family_name].filter(Boolean).join(' '),
			email: m.email,
			role: m.role,
			roleLabel: ROLE_LABELS[m.role],
			status: m.status,
			statusLabel: STATUS_LABELS[m.status],
			confirmed: m.confirmed_by_person === 1,
			member: m.unconfirmed_since === null,
			live: isLive(m.status)
		})),
		window: windowState(meeting.registration_opens_at, meeting.registration_closes_at),
		organizations,
		roles: roleOptions,
		genders: genderOptions,
		formToken: generateToken(),
		applications: applications.map((a) => ({
			id: a.id,
			name: [a.given_name, a.family_name].filter(Boolean).join(' '),
			status: a.status,
			endorsement: a.endorsement,
			cost: a.airfare_centimes ? `${formatChf(a.airfare_centimes)} airfare, ${a.nights} nights` : '',
			justification: a.justification
		}))
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, meeting, org, actor } = await focal(event);
		const fd = await event.request.formData();
		fd.set('organization_id', String(org.id));
		const parsed = parseForm(personSchema, fd);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors, { form: 'add' });
		const result = await register(parsed.data, {
			meetingId: meeting.id,
			userId: null,
			createdBy: user.id,
			byStaff: false,
			formToken: formToken(fd),
			origin: event.url.origin,
			actor
		});
		if (result.ok) return { form: 'add', done: `${parsed.data.given_name} ${parsed.data.family_name} is added; an e-mail asks them to confirm their details.` };
		const failure = registerFailure(result);
		return invalid(formValues(fd), failure.errors, { form: 'add', message: failure.message });
	},
	remove: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const reg = (await listDelegation(meeting.id, org.id)).find((m) => m.id === id);
		if (!reg) return fail(404, { form: 'members', message: 'That person is not in your delegation.' });
		await cancelRegistration(reg, actor, event.url.origin, releaseOnCancel(event.url.origin));
		await reofferAfterCancel(meeting, event.url.origin);
		return { form: 'members', done: 'Removed from the delegation; the place is freed.' };
	},
	confirm: async (event) => {
		const { user, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const result = await confirmMember({ ...actor, role: user.role, organizationId: user.organizationId }, id, event.url.origin);
		if (!result.ok) return fail(400, { form: 'members', message: result.message });
		return { form: 'members', done: 'Confirmed as a member of the delegation; they are told by e-mail.' };
	},
	head: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const delegation = await getDelegation(meeting.id, org.id);
		if (!delegation || !(await setHead(actor, delegation.id, id)))
			return fail(404, { form: 'members', message: 'That person is not a confirmed member of your delegation: confirm them first.' });
		return { form: 'members', done: 'Head of delegation named.' };
	},
	credentials: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const check = await checkUpload((await event.request.formData()).get('file'), ['application/pdf'], CREDENTIALS_MAX);
		if (!check.ok) return invalid({}, { file: check.message }, { form: 'credentials' });
		const stored = await uploadCredentials(actor, meeting.id, org.id, check, event.url.origin);
		if (!stored.ok) return invalid({}, { file: stored.message }, { form: 'credentials' });
		return { form: 'credentials', done: `Credentials received (${check.name}).` };
	},
	endorse: async (event) => {
		const { user, actor } = await focal(event);
		const fd = await event.request.formData();
		const ok = await endorse({ ...actor, organizationId: user.organizationId }, Number(fd.get('id')), fd.get('endorse') === 'yes');
		if (!ok) return fail(404, { form: 'endorse', message: 'That application is not from your delegation.' });
		return { form: 'endorse', done: fd.get('endorse') === 'yes' ? 'Application endorsed.' : 'Recorded: not endorsed.' };
	},
	submit: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const delegation = await getDelegation(meeting.id, org.id);
		if (!delegation) return fail(400, { form: 'submit', message: 'Add at least one member before submitting the delegation.' });
		const result = await submitDelegation(actor, delegation.id, event.url.origin);
		if (!result.ok) return fail(400, { form: 'submit', message: result.message });
		return { form: 'submit', done: 'The delegation is submitted to the ISU. You can still add or change members.' };
	}
};
