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
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const CREDENTIALS_MAX = 10 * 1024 * 1024;

/** The focal point and their organisation: every load and action asks again. */
async function focal(event: RequestEvent) {
	const user = requireRole(event, 'focal_point');
	if (!user.organizationId) error(403, m.del_dlg_no_org());
	const meeting = await publicMeeting(event);
	const org = await getOrganization(user.organizationId);
	if (!org) error(403, m.del_dlg_org_gone());
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
		members: members.map((p) => ({
			id: p.id,
			name: [p.title, p.given_name, p.family_name].filter(Boolean).join(' '),
			email: p.email,
			role: p.role,
			roleLabel: ROLE_LABELS[p.role],
			status: p.status,
			statusLabel: STATUS_LABELS[p.status],
			confirmed: p.confirmed_by_person === 1,
			member: p.unconfirmed_since === null,
			live: isLive(p.status)
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
			cost: a.airfare_centimes ? m.del_dlg_app_cost({ airfare: formatChf(a.airfare_centimes), nights: a.nights ?? 0 }) : '',
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
		if (result.ok) return { form: 'add', done: m.del_dlg_added({ name: `${parsed.data.given_name} ${parsed.data.family_name}` }) };
		const failure = registerFailure(result);
		return invalid(formValues(fd), failure.errors, { form: 'add', message: failure.message });
	},
	remove: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const reg = (await listDelegation(meeting.id, org.id)).find((p) => p.id === id);
		if (!reg) return fail(404, { form: 'members', message: m.del_dlg_not_in_delegation() });
		await cancelRegistration(reg, actor, event.url.origin, releaseOnCancel(event.url.origin));
		await reofferAfterCancel(meeting, event.url.origin);
		return { form: 'members', done: m.del_dlg_removed() };
	},
	confirm: async (event) => {
		const { user, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const result = await confirmMember({ ...actor, role: user.role, organizationId: user.organizationId }, id, event.url.origin);
		if (!result.ok) return fail(400, { form: 'members', message: result.message });
		return { form: 'members', done: m.del_dlg_confirmed() };
	},
	head: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const id = Number((await event.request.formData()).get('id'));
		const delegation = await getDelegation(meeting.id, org.id);
		if (!delegation || !(await setHead(actor, delegation.id, id))) return fail(404, { form: 'members', message: m.del_dlg_head_not_member() });
		return { form: 'members', done: m.del_dlg_head_named() };
	},
	credentials: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const check = await checkUpload((await event.request.formData()).get('file'), ['application/pdf'], CREDENTIALS_MAX);
		if (!check.ok) return invalid({}, { file: check.message }, { form: 'credentials' });
		const stored = await uploadCredentials(actor, meeting.id, org.id, check, event.url.origin);
		if (!stored.ok) return invalid({}, { file: stored.message }, { form: 'credentials' });
		return { form: 'credentials', done: m.del_dlg_credentials_received({ name: check.name }) };
	},
	endorse: async (event) => {
		const { user, actor } = await focal(event);
		const fd = await event.request.formData();
		const ok = await endorse({ ...actor, organizationId: user.organizationId }, Number(fd.get('id')), fd.get('endorse') === 'yes');
		if (!ok) return fail(404, { form: 'endorse', message: m.del_dlg_app_not_yours() });
		return { form: 'endorse', done: fd.get('endorse') === 'yes' ? m.del_dlg_app_endorsed() : m.del_dlg_app_not_endorsed() };
	},
	submit: async (event) => {
		const { meeting, org, actor } = await focal(event);
		const delegation = await getDelegation(meeting.id, org.id);
		if (!delegation) return fail(400, { form: 'submit', message: m.del_refuse_submit_empty() });
		const result = await submitDelegation(actor, delegation.id, event.url.origin);
		if (!result.ok) return fail(400, { form: 'submit', message: result.message });
		return { form: 'submit', done: m.del_dlg_submitted() };
	}
};
