import type { Kysely } from 'kysely';
import type { Database, DelegationRole, RegistrationStatus } from '../db';
import { containsText } from '../db';

type Db = Kysely<Database>;

/** A registration with what its pages need about the delegation and organisation. */
export function getRegistration(db: Db, id: number) {
	return db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
		.selectAll('r')
		.select([
			'o.id as organization_id',
			'o.name as organization',
			'o.kind as org_kind',
			'o.ccm_status',
			'o.joined',
			'm.slug as meeting_slug',
			'm.code as meeting_code',
			'm.title as meeting_title',
			'm.start_date',
			'm.end_date',
			'm.city',
			'm.time_zone',
			'm.registration_opens_at',
			'm.registration_closes_at',
			'm.participants_list'
		])
		.where('r.id', '=', id)
		.executeTakeFirst();
}

export type RegistrationView = NonNullable<Awaited<ReturnType<typeof getRegistration>>>;

export interface RegistrationFilter {
	status?: RegistrationStatus;
	organizationId?: number;
	region?: string;
	role?: DelegationRole;
	ccmStatus?: string;
	q?: string;
}

export function listRegistrations(db: Db, meetingId: number, f: RegistrationFilter = {}) {
	let q = db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.where('r.meeting_id', '=', meetingId);
	if (f.status) q = q.where('r.status', '=', f.status);
	if (f.organizationId) q = q.where('o.id', '=', f.organizationId);
	if (f.region) q = q.where('o.region', '=', f.region);
	if (f.role) q = q.where('r.role', '=', f.role);
	if (f.ccmStatus === 'io' || f.ccmStatus === 'ngo') q = q.where('o.kind', '=', f.ccmStatus === 'io' ? 'international_organization' : 'ngo');
	else if (f.ccmStatus) q = q.where('o.kind', '=', 'state').where('o.ccm_status', '=', f.ccmStatus as 'state_party');
	if (f.q) {
		const needle = f.q;
		q = q.where((eb) => eb.or([containsText('r.given_name', needle), containsText('r.family_name', needle), containsText('r.email', needle)]));
	}
	return q
		.select([
			'r.id',
			'r.title',
			'r.given_name',
			'r.family_name',
			'r.email',
			'r.phone',
			'r.gender',
			'r.position',
			'r.role',
			'r.status',
			'r.holds_place',
			'r.consent_published',
			'r.access_needs',
			'r.attended_at',
			'r.created_at',
			'r.erased_at',
			'o.name as organization',
			'o.region',
			'o.kind as org_kind',
			'o.ccm_status',
			'o.joined'
		])
		.orderBy('o.name')
		.orderBy('r.family_name')
		.orderBy('r.id')
		.execute();
}

export function listDelegation(db: Db, meetingId: number, organizationId: number) {
	return db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.where('r.meeting_id', '=', meetingId)
		.where('d.organization_id', '=', organizationId)
		.selectAll('r')
		.orderBy('r.id')
		.execute();
}

export function getDelegation(db: Db, meetingId: number, organizationId: number) {
	return db.selectFrom('delegations').selectAll().where('meeting_id', '=', meetingId).where('organization_id', '=', organizationId).executeTakeFirst();
}

/** Approved people for the published list: everyone when the meeting publishes an official list by notice, else those who consented. */
export function listParticipants(db: Db, meetingId: number) {
	return db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
		.where('r.meeting_id', '=', meetingId)
		.where('r.status', '=', 'approved')
		.where((eb) => eb.or([eb('m.participants_list', '=', 'notice'), eb('r.consent_published', '=', 1)]))
		.where('r.erased_at', 'is', null)
		.select(['r.id', 'r.title', 'r.given_name', 'r.family_name', 'r.position', 'r.role', 'o.name as organization', 'o.kind', 'o.ccm_status', 'o.joined'])
		.execute();
}

export function listApprovedForBadges(db: Db, meetingId: number, onlyId?: number) {
	let q = db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.where('r.meeting_id', '=', meetingId)
		.where('r.status', '=', 'approved')
		.where('r.erased_at', 'is', null);
	if (onlyId !== undefined) q = q.where('r.id', '=', onlyId);
	return q
		.select(['r.id', 'r.title', 'r.given_name', 'r.family_name', 'r.role', 'r.badge_token', 'o.name as organization', 'o.kind', 'o.ccm_status', 'o.joined'])
		.orderBy('o.name')
		.orderBy('r.family_name')
		.execute();
}

/** Place on the waiting list, first = 1: how many waitlisted registrations of the meeting came before, this one included. */
export async function waitingListPosition(db: Db, reg: { id: number; meeting_id: number }): Promise<number> {
	const r = await db
		.selectFrom('registrations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('meeting_id', '=', reg.meeting_id)
		.where('status', '=', 'waitlisted')
		.where('id', '<=', reg.id)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}
