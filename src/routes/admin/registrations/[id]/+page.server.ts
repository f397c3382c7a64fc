import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { entityHistory } from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guards';
import { getRegistration, ROLE_LABELS, STATUS_LABELS, erasePerson, confirmMember, isLive } from '$lib/server/registration';
import { formatInstant } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

async function staffRegistration(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const actor = requireStaff(event);
	const id = Number((event.params as { id: string }).id);
	const reg = Number.isSafeInteger(id) && id > 0 ? await getRegistration(id) : undefined;
	if (!reg) error(404, 'No such registration.');
	return { actor, reg };
}

export const load: PageServerLoad = async (event) => {
	const { reg } = await staffRegistration(event);
	const history = await entityHistory({ type: 'registration', id: reg.id });
	return {
		reg: {
			id: reg.id,
			name: reg.erased_at ? '(identity erased)' : [reg.title, reg.given_name, reg.family_name].filter(Boolean).join(' '),
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
		return { done: 'Confirmed as a member of the delegation; the person is told by e-mail.' };
	},
	erase: async (event) => {
		const { actor, reg } = await staffRegistration(event);
		const fd = await event.request.formData();
		if (!reg.email || reg.erased_at) return fail(400, { message: 'This registration holds no identity to erase.' });
		if (
			String(fd.get('confirm') ?? '')
				.trim()
				.toLowerCase() !== reg.email
		) {
			return fail(400, { errors: { confirm: 'Type the person’s e-mail address exactly to confirm the erasure.' } });
		}
		const n = await erasePerson({ id: actor.id, email: actor.email }, reg.email);
		return { done: `Erased the identity from ${n} registration${n === 1 ? '' : 's'}. They still count in statistics.` };
	}
};
