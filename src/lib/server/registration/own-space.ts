// The delegate's own space (issue 12, item 5): every registration of the signed-in person, with what to do next.
import type { Db, ApplicationStatus, RegistrationStatus } from '../db';
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import { localized } from './rules';

/**
 * The person's registrations, newest meeting first: theirs by account, or by address while nobody has claimed them
 * (as visibleRegistration decides "self"). Waiting-list position and sponsorship come in the same query.
 */
export async function listOwnRegistrations(db: Db, person: { id: number; email: string }) {
	return db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
		.leftJoin('sponsorship_applications as a', 'a.registration_id', 'r.id')
		.where((eb) => eb.or([eb('r.user_id', '=', person.id), eb.and([eb('r.user_id', 'is', null), eb('r.email', '=', person.email)])]))
		.where('r.erased_at', 'is', null)
		.select([
			'r.id',
			'r.status',
			'r.role',
			'r.user_id',
			'r.confirmed_by_person',
			'o.name as organization',
			'm.slug',
			'm.code',
			'm.title',
			'm.start_date',
			'm.end_date',
			'm.sponsorship_deadline',
			'a.status as sponsorship',
			'a.offer_deadline',
			sql<
				number | null
			>`case when r.status = 'waitlisted' then (select count(*) from registrations w where w.meeting_id = r.meeting_id and w.status = 'waitlisted' and w.id <= r.id) end`.as(
				'wait_position'
			)
		])
		.orderBy('m.start_date', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
}

export interface NextStepFacts {
	status: RegistrationStatus;
	confirmed: boolean;
	sponsorship: ApplicationStatus | null;
	offerDeadline: string | null;
	waitPosition: number | null;
	meetingOver: boolean;
}

/** The one next thing the person should do for this registration, or null when nothing is asked of them. */
export function nextStep(f: NextStepFacts): { text: string; where: 'registration' | 'badge' | 'sponsorship' } | null {
	if (f.meetingOver || f.status === 'cancelled' || f.status === 'rejected') return null;
	if (f.sponsorship === 'offered') return { text: m.del_next_answer_offer(), where: 'sponsorship' };
	if (f.sponsorship === 'draft') return { text: m.del_next_finish_application(), where: 'sponsorship' };
	if (!f.confirmed) return { text: m.del_next_confirm_details(), where: 'registration' };
	if (f.status === 'approved') return { text: m.del_next_badge(), where: 'badge' };
	if (f.status === 'waitlisted') return { text: m.del_next_waitlisted({ n: f.waitPosition ?? '?' }), where: 'registration' };
	return { text: m.del_next_wait_approval(), where: 'registration' };
}

export const SPONSORSHIP_LABELS: Record<ApplicationStatus, string> = localized({
	draft: m.del_my_sp_draft,
	submitted: m.del_my_sp_submitted,
	offered: m.del_my_sp_offered,
	accepted: m.del_my_sp_accepted,
	declined: m.del_my_sp_declined,
	expired: m.del_my_sp_expired,
	withdrawn: m.del_my_sp_withdrawn
});
