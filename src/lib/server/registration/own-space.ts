// The delegate's own space (issue 12, item 5): every registration of the signed-in person, with what to do next.
import type { Db, ApplicationStatus, RegistrationStatus } from '../db';
import { sql } from 'kysely';

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
			'm.title_fr',
			'm.title_es',
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
	if (f.sponsorship === 'offered') return { text: 'Answer the sponsorship offer', where: 'sponsorship' };
	if (f.sponsorship === 'draft') return { text: 'Finish and submit your sponsorship application', where: 'sponsorship' };
	if (!f.confirmed) return { text: 'Check and confirm your details', where: 'registration' };
	if (f.status === 'approved') return { text: 'Download your badge and bring it with an identity document', where: 'badge' };
	if (f.status === 'waitlisted')
		return { text: `Wait: you are number ${f.waitPosition ?? '?'} on the waiting list; we will e-mail you`, where: 'registration' };
	return { text: 'Wait for the ISU’s approval; we will e-mail you', where: 'registration' };
}

export const SPONSORSHIP_LABELS: Record<ApplicationStatus, string> = {
	draft: 'Draft, not submitted',
	submitted: 'Submitted',
	offered: 'Offer made, waiting for your answer',
	accepted: 'Offer accepted',
	declined: 'Offer declined',
	expired: 'Offer expired',
	withdrawn: 'Withdrawn'
};
