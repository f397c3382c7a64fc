import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { entityHistory } from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guards';
import { getRegistration, ROLE_LABELS, STATUS_LABELS, erasePerson, confirmMember, isLive } from '$lib/server/registration';
import { formatInstant } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

async function staffRegistration(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const actor = requireStaff(event);
	const id = Number((event.params as { id: string }).id);
	const reg = Number.isSafeInteger(id) && id > 0 ? await getRegistration(id) : undefined;
	if (!reg) error(404, m.adm_reg_not_found());
	return { actor, reg };
}

export const load: PageServerLoad = async (event) => {
	const { reg } = await staffRegistration(event);
	const history = await entityHistory({ type: 'registration', id: reg.id });
	return {
		reg: {
			id: reg.id,
			name: reg.erased_at ? m.adm_reg_identity_erased() : [reg.title, reg.given_name, reg.family_name].filter(Boolean).join(' '),
			email: reg.email,
			phone: reg.phone,
			gender: reg.gender,
			position: reg.position,
			organization: reg.organization,
			role: ROLE_LABELS[reg.role],
			status: STATUS_LABELS[reg.status],
			consent: reg.consent_published === 1,
			access_needs: reg.access_needs,
			rejection_reason: reg.rejection_reason,
			unconfirmed: reg.unconfirmed_since !== null && isLive(reg.status),
			erased: !!reg.erased_at,
			attended: reg.attended_at ? formatInstant(reg.attended_at, reg.time_zone) : null,
			meeting: { slug: reg.meeting_slug, code: reg.meeting_code }
		},
		history: history.map((h) => ({ ...h, at: formatInstant(h.at) }))
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		const { actor, reg } = await staffRegistration(event);
		const result = await confirmMember({ id: actor.id, email: actor.email, role: actor.role, organizationId: null }, reg.id, event.url.origin);
		if (!result.ok) return fail(400, { message: result.message });
		return { done: m.adm_reg_confirmed() };
	},
	erase: async (event) => {
		const { actor, reg } = await staffRegistration(event);
		const fd = await event.request.formData();
		if (!reg.email || reg.erased_at) return fail(400, { message: m.adm_reg_nothing_to_erase() });
		if (
			String(fd.get('confirm') ?? '')
				.trim()
				.toLowerCase() !== reg.email
		) {
			return fail(400, { errors: { confirm: m.adm_reg_erase_confirm_error() } });
		}
		const n = await erasePerson({ id: actor.id, email: actor.email }, reg.email);
		return { done: n === 1 ? m.adm_reg_erased_one() : m.adm_reg_erased_other({ count: n }) };
	}
};
