import type { Db, DelegationRole, RegistrationStatus } from '../db';
import { containsText } from '../db';
import { meetingDay, withCategories } from './categories';
import { FILTER_CATEGORIES } from './rules';

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
			'm.slug as meeting_slug',
			'm.code as meeting_code',
			'm.title as meeting_title',
			'm.title_fr as meeting_title_fr',
			'm.title_es as meeting_title_es',
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

/** A meeting's registrations for staff, each with its category as at the meeting's date (the CCM status filter too). */
export async function listRegistrations(db: Db, meetingId: number, f: RegistrationFilter = {}) {
	let q = db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.where('r.meeting_id', '=', meetingId);
	if (f.status) q = q.where('r.status', '=', f.status);
	if (f.organizationId) q = q.where('o.id', '=', f.organizationId);
	if (f.region) q = q.where('o.region', '=', f.region);
	if (f.role) q = q.where('r.role', '=', f.role);
	if (f.q) {
		const needle = f.q;
		q = q.where((eb) => eb.or([containsText('r.given_name', needle), containsText('r.family_name', needle), containsText('r.email', needle)]));
	}
	const rows = q
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
			'r.unconfirmed_since',
			'r.consent_published',
			'r.access_needs',
			'r.attended_at',
			'r.created_at',
			'r.erased_at',
			'o.id as organization_id',
			'o.name as organization',
			'o.region',
			'o.kind'
		])
		.orderBy('o.name')
		.orderBy('r.family_name')
		.orderBy('r.id')
		.execute();
	const listed = await withCategories(db, await rows, await meetingDay(db, meetingId));
	const only = f.ccmStatus ? FILTER_CATEGORIES[f.ccmStatus] : undefined;
	return only ? listed.filter((r) => r.category === only) : listed;
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

/** Approved people for the published list, with their category at the meeting: everyone when the meeting publishes an official list by notice, else those who consented. */
export async function listParticipants(db: Db, meetingId: number) {
	const rows = await db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
		.where('r.meeting_id', '=', meetingId)
		.where('r.status', '=', 'approved')
		.where((eb) => eb.or([eb('m.participants_list', '=', 'notice'), eb('r.consent_published', '=', 1)]))
		.where('r.erased_at', 'is', null)
		.select([
			'r.id',
			'r.title',
			'r.given_name',
			'r.family_name',
			'r.position',
			'r.role',
			'o.id as organization_id',
			'o.name as organization',
			'o.kind',
			'o.iso3'
		])
		.execute();
	return withCategories(db, rows, await meetingDay(db, meetingId));
}

/** Approved people's badges, with their category at the meeting. */
export async function listApprovedForBadges(db: Db, meetingId: number, onlyId?: number) {
	let q = db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		// The person's chosen language, for their badge's words.
		.leftJoin('users as u', 'u.id', 'r.user_id')
		.where('r.meeting_id', '=', meetingId)
		.where('r.status', '=', 'approved')
		.where('r.erased_at', 'is', null);
	if (onlyId !== undefined) q = q.where('r.id', '=', onlyId);
	const rows = await q
		.select([
			'r.id',
			'r.title',
			'r.given_name',
			'r.family_name',
			'r.role',
			'r.badge_token',
			'o.id as organization_id',
			'o.name as organization',
			'o.kind',
			'u.locale'
		])
		.orderBy('o.name')
		.orderBy('r.family_name')
		.execute();
	return withCategories(db, rows, await meetingDay(db, meetingId));
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
