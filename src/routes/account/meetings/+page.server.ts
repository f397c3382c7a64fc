import { listOwnRegistrations, nextStep, ROLE_LABELS, SPONSORSHIP_LABELS, STATUS_LABELS } from '$lib/server/registration';
import { requireUser } from '$lib/server/auth/guards';
import { titleIn } from '$lib/server/meetings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const today = new Date().toISOString().slice(0, 10);
	const rows = await listOwnRegistrations({ id: user.id, email: user.email });
	return {
		registrations: rows.map((r) => {
			const waitPosition = r.wait_position === null ? null : Number(r.wait_position);
			return {
				id: r.id,
				meeting: { slug: r.slug, code: r.code, ...titleIn(r), start_date: r.start_date, end_date: r.end_date },
				organization: r.organization,
				role: ROLE_LABELS[r.role],
				status: r.status,
				statusLabel: STATUS_LABELS[r.status],
				waitPosition,
				sponsorship: r.sponsorship ? SPONSORSHIP_LABELS[r.sponsorship] : null,
				offerDeadline: r.sponsorship === 'offered' ? r.offer_deadline : null,
				next: nextStep({
					status: r.status,
					// Registered by someone else and not yet claimed: the person is asked to confirm.
					confirmed: r.user_id !== null || r.confirmed_by_person === 1,
					sponsorship: r.sponsorship,
					offerDeadline: r.offer_deadline,
					waitPosition,
					meetingOver: r.end_date < today
				})
			};
		})
	};
};
