import type { Db, Database, DelegationRole, Meeting, Registration, RegistrationStatus } from '../db';
import { PostgresAdapter, sql, type Transaction } from 'kysely';
import { prepared } from '../db';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu, queueMail, recipientLocale } from '../mail';
import { generateToken, normalizeEmail } from '../auth';
import { DAY, nowIso } from '../time';
import { windowState } from '../meetings';
import { needsReapproval } from './rules';
import { regMails } from './mails';
import { isLive, LIVE_IN_SQL } from './live';
import { m } from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/i18n';

type Trx = Transaction<Database>;

export interface PersonDetails {
	organization_id: number;
	title: string | null;
	given_name: string;
	family_name: string;
	gender: string | null;
	position: string | null;
	email: string;
	phone: string | null;
	role: DelegationRole;
	consent_published: boolean;
	access_needs: string | null;
}

export type RegisterResult =
	| { ok: true; registration: Registration; repeated: boolean }
	| { ok: false; reason: 'closed' | 'no_meeting' | 'unknown_org' }
	| { ok: false; reason: 'existing'; registration: Registration }
	| { ok: false; reason: 'field'; errors: Record<string, string> };

export interface RegisterOptions {
	meetingId: number;
	/** Account of the person registering themself; null when a focal point or staff adds someone. */
	userId: number | null;
	createdBy: number | null;
	/** Staff may register after the window has closed. */
	byStaff: boolean;
	/** Idempotency: one per rendered form. */
	formToken: string | null;
	origin: string;
	/** Staff acting, for the audit log. */
	actor?: Actor | null;
	/**
	 * Whether the person is a confirmed member of the delegation. Default: true when a focal point or staff add someone
	 * (userId null), false for a self-registration; the register page passes true for staff and the organisation's focal point.
	 */
	confirmedMember?: boolean;
}

// The registration's statements, compiled once (see prepared.ts): a rush of registrations runs them thousands of times.
const meetingById = prepared((db, id: number) => db.selectFrom('meetings').selectAll().where('id', '=', id));
const organizationById = prepared((db, id: number) => db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id));
/** Who confirms a state's self-registrations, with the language each reads mail in. */
const focalPointsOf = prepared((db, organizationId: number) =>
	db.selectFrom('users').select(['email', 'locale']).where('role', '=', 'focal_point').where('organization_id', '=', organizationId)
);
// Two index lookups (the unique partial indexes) in one statement, not one OR that makes SQLite scan the meeting's
// registrations. The limit is a literal too: with `LIMIT ?` SQLite ran this compound query ten times slower.
const live = (db: Db, meetingId: number) => db.selectFrom('registrations').selectAll().where('meeting_id', '=', meetingId).where('status', 'in', LIVE_IN_SQL);
const liveByEmail = prepared((db, meetingId: number, email: string) => live(db, meetingId).where('email', '=', email).limit(sql.lit(1)));
const liveByEmailOrUser = prepared((db, meetingId: number, email: string, userId: number) =>
	live(db, meetingId)
		.where('email', '=', email)
		.unionAll(live(db, meetingId).where('user_id', '=', userId))
		.limit(sql.lit(1))
);
const headOfOrganization = prepared((db, meetingId: number, organizationId: number) =>
	db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.select('r.id')
		.where('d.meeting_id', '=', meetingId)
		.where('d.organization_id', '=', organizationId)
		.where('r.role', '=', sql.lit('head'))
		.where('r.status', 'in', LIVE_IN_SQL)
);
/** A seat in the organisation's delegation, the delegation created on first use: one upsert, guarded like the capacity. */
const seatInsert = (db: Db, meetingId: number, organizationId: number, now: string) =>
	db
		.insertInto('delegations')
		.values({ meeting_id: meetingId, organization_id: organizationId, status: sql.lit('open'), places_held: sql.lit(1), created_at: now, updated_at: now });
const seat = prepared((db, meetingId: number, organizationId: number, now: string) =>
	seatInsert(db, meetingId, organizationId, now)
		.onConflict((oc) => oc.columns(['meeting_id', 'organization_id']).doUpdateSet((eb) => ({ places_held: eb('delegations.places_held', '+', sql.lit(1)) })))
		.returningAll()
);
const seatWithinCap = prepared((db, meetingId: number, organizationId: number, now: string, cap: number) =>
	seatInsert(db, meetingId, organizationId, now)
		.onConflict((oc) =>
			oc
				.columns(['meeting_id', 'organization_id'])
				.doUpdateSet((eb) => ({ places_held: eb('delegations.places_held', '+', sql.lit(1)) }))
				.where('delegations.places_held', '<', cap)
		)
		.returningAll()
);
/** The guarded counter: one row updated is a place; none is the waiting list. */
const placeTaken = prepared((db, meetingId: number) =>
	db
		.updateTable('meetings')
		.set((eb) => ({ places_held: eb('places_held', '+', sql.lit(1)) }))
		.where('id', '=', meetingId)
);
const placeWithinCapacity = prepared((db, meetingId: number, capacity: number) =>
	db
		.updateTable('meetings')
		.set((eb) => ({ places_held: eb('places_held', '+', sql.lit(1)) }))
		.where('id', '=', meetingId)
		.where('places_held', '<', capacity)
);
const unconfirmedSlot = prepared((db, delegationId: number) =>
	db
		.updateTable('delegations')
		.set((eb) => ({ unconfirmed_held: eb('unconfirmed_held', '+', sql.lit(1)) }))
		.where('id', '=', delegationId)
);
const unconfirmedSlotWithinCap = prepared((db, delegationId: number, cap: number) =>
	db
		.updateTable('delegations')
		.set((eb) => ({ unconfirmed_held: eb('unconfirmed_held', '+', sql.lit(1)) }))
		.where('id', '=', delegationId)
		.where('unconfirmed_held', '<', cap)
);
const insertRegistration = prepared(
	(
		db,
		meeting_id: number,
		delegation_id: number,
		user_id: number | null,
		title: string | null,
		given_name: string,
		family_name: string,
		gender: string | null,
		position: string | null,
		email: string,
		phone: string | null,
		role: DelegationRole,
		consent_published: number,
		access_needs: string | null,
		status: RegistrationStatus,
		holds_place: number,
		confirmed_by_person: number,
		unconfirmed_since: string | null,
		badge_token: string,
		form_token: string | null,
		created_by: number | null,
		now: string
	) =>
		db
			.insertInto('registrations')
			.values({
				meeting_id,
				delegation_id,
				user_id,
				title,
				given_name,
				family_name,
				gender,
				position,
				email,
				phone,
				role,
				consent_published,
				access_needs,
				status,
				holds_place,
				confirmed_by_person,
				unconfirmed_since,
				rejection_reason: null,
				badge_token,
				form_token,
				attended_at: null,
				created_by,
				erased_at: null,
				created_at: now,
				updated_at: now
			})
			.returningAll()
);

/**
 * Registers one person. Capacity, the delegation cap, one head per delegation and one registration per person
 * are all decided inside this transaction (guarded counters and unique indexes), so they hold under concurrent submits.
 */
export async function register(db: Db, input: PersonDetails, opts: RegisterOptions): Promise<RegisterResult> {
	const email = normalizeEmail(input.email);
	try {
		return await db.transaction().execute(async (trx): Promise<RegisterResult> => {
			// No look-up of the form token first: a repeat finds its twin below (findLive) or, when both run at once,
			// is refused by the unique index and answered in the catch.
			const meeting = await meetingById.first(trx, opts.meetingId);
			if (!meeting) return { ok: false as const, reason: 'no_meeting' as const };
			if (!opts.byStaff && windowState(meeting.registration_opens_at, meeting.registration_closes_at).state !== 'open') {
				return { ok: false as const, reason: 'closed' as const };
			}
			const org = await organizationById.first(trx, input.organization_id);
			if (!org) return { ok: false as const, reason: 'unknown_org' as const };

			const existing = await findLive(trx, meeting.id, email, opts.userId);
			// A double submit that waited on the other's locks (PostgreSQL, read committed) sees its twin here.
			if (existing && opts.formToken && existing.form_token === opts.formToken) return { ok: true as const, registration: existing, repeated: true };
			if (existing) return { ok: false as const, reason: 'existing' as const, registration: existing };

			const unconfirmed = !(opts.confirmedMember ?? opts.userId === null);
			if (unconfirmed && input.role === 'head') return { ok: false as const, reason: 'field' as const, errors: { role: HEAD_NEEDS_CONFIRMATION() } };
			if (input.role === 'head' && (await organizationHasHead(trx, meeting.id, input.organization_id))) {
				return {
					ok: false as const,
					reason: 'field' as const,
					errors: { role: m.del_refuse_head_taken_choose() }
				};
			}
			const delegation = await takeDelegationSeat(trx, meeting.id, input.organization_id, meeting.delegation_cap);
			if (!delegation) {
				return {
					ok: false as const,
					reason: 'field' as const,
					errors: { organization_id: m.del_refuse_delegation_cap({ cap: meeting.delegation_cap ?? 0 }) }
				};
			}
			if (unconfirmed && !(await takeUnconfirmedSlot(trx, delegation.id, meeting.unconfirmed_cap))) {
				// The seat taken above is given back in this transaction: nothing half-done.
				await trx
					.updateTable('delegations')
					.set((eb) => ({ places_held: eb('places_held', '-', 1) }))
					.where('id', '=', delegation.id)
					.execute();
				return { ok: false as const, reason: 'field' as const, errors: { organization_id: unconfirmedCapMessage(meeting.unconfirmed_cap ?? 0) } };
			}
			// Everything the mails need is read before the place is taken: on PostgreSQL taking it locks the meeting's row
			// until commit, and every statement after it makes the next registration wait.
			const registrantLocale = await recipientLocale(trx, email);
			const focal = unconfirmed ? await focalPointsOf.all(trx, input.organization_id) : [];
			// A state without a focal point has the ISU confirm: its address may be an account with a language.
			const isuLocale = unconfirmed && !focal.length ? await recipientLocale(trx, isuAddress()) : undefined;
			const place = await takePlace(trx, meeting.id, meeting.capacity);
			const now = nowIso();
			const registration = await insertRegistration.first(
				trx,
				meeting.id,
				delegation.id,
				opts.userId,
				input.title,
				input.given_name,
				input.family_name,
				input.gender,
				input.position,
				email,
				input.phone,
				input.role,
				input.consent_published ? 1 : 0,
				input.access_needs,
				place ? 'pending' : 'waitlisted',
				place ? 1 : 0,
				opts.userId !== null ? 1 : 0,
				unconfirmed ? now : null,
				generateToken(),
				opts.formToken,
				opts.createdBy,
				now
			);
			if (!registration) throw new Error('the new registration was not returned');
			const link = `${opts.origin}/registrations/${registration.id}`;
			const toRegistrant =
				opts.userId !== null ? regMails.received(email, meeting, registration, link) : regMails.addedToDelegation(email, meeting, link, opts.origin);
			await queueMail(trx, { ...toRegistrant, locale: registrantLocale });
			if (unconfirmed) await askToConfirm(trx, meeting, org.name, focal, registration, opts.origin, isuLocale);
			if (opts.actor)
				await audit(trx, opts.actor, 'registration.create', { type: 'registration', id: registration.id }, null, {
					status: registration.status,
					role: registration.role,
					delegation_id: delegation.id
				});
			return { ok: true as const, registration, repeated: false };
		});
	} catch (e) {
		// A concurrent double submit or the same person twice: the unique indexes refused the second row.
		if (opts.formToken) {
			const first = await db.selectFrom('registrations').selectAll().where('form_token', '=', opts.formToken).executeTakeFirst();
			if (first) return { ok: true, registration: first, repeated: true };
		}
		{
			const existing = await findLive(db, opts.meetingId, email, opts.userId);
			if (existing) return { ok: false, reason: 'existing', registration: existing };
			if (input.role === 'head') return { ok: false, reason: 'field', errors: { role: m.del_refuse_head_taken() } };
		}
		throw e;
	}
}

/** Why an unconfirmed sign-up cannot be head (a function: it speaks the request's language). */
export const HEAD_NEEDS_CONFIRMATION = () => m.del_refuse_head_needs_confirmation();

export function unconfirmedCapMessage(cap: number): string {
	return m.del_refuse_unconfirmed_cap({ cap });
}

/** One more unconfirmed member in the delegation, within the meeting's cap: a guarded counter, like the capacity. */
async function takeUnconfirmedSlot(trx: Db | Trx, delegationId: number, cap: number | null): Promise<boolean> {
	return (await (cap === null ? unconfirmedSlot.affected(trx, delegationId) : unconfirmedSlotWithinCap.affected(trx, delegationId, cap))) === 1;
}

/** The unconfirmed slot is given back when the person is confirmed, or their registration ends. */
async function freeUnconfirmedSlot(trx: Db | Trx, delegationId: number): Promise<void> {
	await trx
		.updateTable('delegations')
		.set((eb) => ({ unconfirmed_held: eb('unconfirmed_held', '-', 1) }))
		.where('id', '=', delegationId)
		.where('unconfirmed_held', '>', 0)
		.execute();
}

/** The focal point confirms a self-registration; a state without one has the ISU do it. */
async function askToConfirm(
	trx: Db | Trx,
	meeting: Meeting,
	orgName: string,
	focal: { email: string; locale: string }[],
	reg: Registration,
	origin: string,
	isuLocale?: Locale
): Promise<void> {
	const who = [reg.given_name, reg.family_name].filter(Boolean).join(' ');
	if (focal.length) {
		for (const f of focal) {
			const mail = regMails.confirmMember(f.email, meeting, who, orgName, `${origin}/meetings/${meeting.slug}/delegation`);
			await queueMail(trx, isLocale(f.locale) ? { ...mail, locale: f.locale } : mail);
		}
	} else {
		const mail = regMails.confirmMember(isuAddress(), meeting, who, orgName, `${origin}/admin/registrations/${reg.id}`, true);
		await notifyIsu(trx, isuLocale ? { ...mail, locale: isuLocale } : mail);
	}
}

export type ConfirmResult = { ok: true } | { ok: false; message: string };

/**
 * The focal point of the person's organisation, or staff, confirm a self-registration as a member of the delegation.
 * One transaction, audited; the person is told. Someone of another delegation, or a registration already confirmed or
 * ended, gets a message and nothing changes.
 */
export async function confirmMember(
	db: Db,
	actor: Actor & { role: string; organizationId: number | null },
	registrationId: number,
	origin: string
): Promise<ConfirmResult> {
	return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
		const reg = await trx
			.selectFrom('registrations as r')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.selectAll('r')
			.select('d.organization_id')
			.where('r.id', '=', registrationId)
			.executeTakeFirst();
		if (!reg) return { ok: false, message: m.del_refuse_no_registration() };
		if (actor.role !== 'staff' && !(actor.role === 'focal_point' && actor.organizationId === reg.organization_id)) {
			return { ok: false, message: m.del_refuse_confirm_not_focal() };
		}
		if (!isLive(reg.status)) return { ok: false, message: m.del_regn_not_active() };
		const upd = await trx
			.updateTable('registrations')
			.set({ unconfirmed_since: null, updated_at: nowIso() })
			.where('id', '=', reg.id)
			.where('unconfirmed_since', 'is not', null)
			.executeTakeFirst();
		if (Number(upd.numUpdatedRows) !== 1) return { ok: false, message: m.del_refuse_already_confirmed() };
		await freeUnconfirmedSlot(trx, reg.delegation_id);
		await audit(
			trx,
			actor,
			'registration.confirm_member',
			{ type: 'registration', id: reg.id },
			{ unconfirmed_since: reg.unconfirmed_since },
			{ unconfirmed_since: null }
		);
		const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', reg.meeting_id).executeTakeFirstOrThrow();
		if (reg.email) await queueMail(trx, regMails.memberConfirmed(reg.email, meeting, `${origin}/registrations/${reg.id}`));
		return { ok: true };
	});
}

/** Days an unconfirmed self-registration holds its place; then `releaseUnconfirmed` gives the place on. */
export const UNCONFIRMED_HOLD_DAYS = 7;
export const RELEASE_BATCH = 100;

/**
 * The scheduler's job: a self-registration still unconfirmed after UNCONFIRMED_HOLD_DAYS is cancelled, its place goes
 * to the waiting list and the person is told why. Idempotent (the update is guarded by the flag) and bounded.
 */
export async function releaseUnconfirmed(db: Db, origin: string, now = nowIso(), limit = RELEASE_BATCH): Promise<number[]> {
	const cutoff = new Date(Date.parse(now) - UNCONFIRMED_HOLD_DAYS * DAY).toISOString();
	const due = await db
		.selectFrom('registrations')
		.select('id')
		.where('unconfirmed_since', 'is not', null)
		.where('unconfirmed_since', '<=', cutoff)
		.where('status', 'in', LIVE_IN_SQL)
		.orderBy('unconfirmed_since')
		.limit(limit)
		.execute();
	const released: number[] = [];
	for (const { id } of due) {
		const done = await db.transaction().execute(async (trx) => {
			const reg = await trx.selectFrom('registrations').selectAll().where('id', '=', id).where('unconfirmed_since', '<=', cutoff).executeTakeFirst();
			if (!reg || !isLive(reg.status)) return false;
			await endRegistration(trx, reg, 'cancelled', UNCONFIRMED_REASON, origin);
			await audit(trx, null, 'registration.release_unconfirmed', { type: 'registration', id }, { status: reg.status }, { status: 'cancelled' });
			const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', reg.meeting_id).executeTakeFirstOrThrow();
			if (reg.email)
				await queueMail(trx, regMails.releasedUnconfirmed(reg.email, meeting, UNCONFIRMED_HOLD_DAYS, `${origin}/meetings/${meeting.slug}/register`));
			return true;
		});
		if (done) released.push(id);
	}
	return released;
}

const UNCONFIRMED_REASON = `Not confirmed as a member of the delegation by its focal point or the ISU within ${UNCONFIRMED_HOLD_DAYS} days.`;

export async function findLive(db: Db | Trx, meetingId: number, email: string, userId: number | null): Promise<Registration | undefined> {
	return userId === null ? liveByEmail.first(db, meetingId, email) : liveByEmailOrUser.first(db, meetingId, email, userId);
}

/**
 * Takes a seat in the organisation's delegation for the meeting — created on first use — within the meeting's
 * per-delegation cap, in one statement (an upsert whose update is guarded like the capacity counter). Undefined: full.
 */
async function takeDelegationSeat(trx: Db | Trx, meetingId: number, organizationId: number, cap: number | null) {
	if (cap !== null && cap < 1) return undefined;
	const now = nowIso();
	return cap === null ? seat.first(trx, meetingId, organizationId, now) : seatWithinCap.first(trx, meetingId, organizationId, now, cap);
}

/** Whether the organisation's delegation to the meeting already has a live head (for a new registration). */
async function organizationHasHead(trx: Db | Trx, meetingId: number, organizationId: number): Promise<boolean> {
	return !!(await headOfOrganization.first(trx, meetingId, organizationId));
}

export async function delegationFor(trx: Db | Trx, meetingId: number, organizationId: number) {
	const now = nowIso();
	await trx
		.insertInto('delegations')
		.values({ meeting_id: meetingId, organization_id: organizationId, status: 'open', created_at: now, updated_at: now })
		.onConflict((oc) => oc.columns(['meeting_id', 'organization_id']).doNothing())
		.execute();
	return trx.selectFrom('delegations').selectAll().where('meeting_id', '=', meetingId).where('organization_id', '=', organizationId).executeTakeFirstOrThrow();
}

async function hasHead(trx: Db | Trx, delegationId: number, exceptId: number | null): Promise<boolean> {
	let q = trx.selectFrom('registrations').select('id').where('delegation_id', '=', delegationId).where('role', '=', 'head').where('status', 'in', LIVE_IN_SQL);
	if (exceptId !== null) q = q.where('id', '!=', exceptId);
	return !!(await q.executeTakeFirst());
}

/** The guarded counter: one row updated is a place; none is the waiting list. */
async function takePlace(trx: Db | Trx, meetingId: number, capacity: number | null): Promise<boolean> {
	return (await (capacity === null ? placeTaken.affected(trx, meetingId) : placeWithinCapacity.affected(trx, meetingId, capacity))) === 1;
}

/** Gives freed places to the waiting list, first come first served, while places are left. */
export async function promoteWaitlist(trx: Db | Trx, meetingId: number, origin: string): Promise<number[]> {
	const promoted: number[] = [];
	for (;;) {
		const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
		const next = await trx
			.selectFrom('registrations')
			.selectAll()
			.where('meeting_id', '=', meetingId)
			.where('status', '=', 'waitlisted')
			.orderBy('id')
			.limit(1)
			.executeTakeFirst();
		if (!next || !(await takePlace(trx, meetingId, meeting.capacity))) return promoted;
		await trx.updateTable('registrations').set({ status: 'pending', holds_place: 1, updated_at: nowIso() }).where('id', '=', next.id).execute();
		if (next.email) await queueMail(trx, regMails.promoted(next.email, meeting, `${origin}/registrations/${next.id}`));
		promoted.push(next.id);
	}
}

/** Ends a live registration (rejected by staff or cancelled by the person) and hands its place on. */
async function endRegistration(trx: Trx, reg: Registration, status: 'rejected' | 'cancelled', reason: string | null, origin: string): Promise<number[]> {
	const r = await trx
		.updateTable('registrations')
		.set({ status, holds_place: 0, rejection_reason: reason, updated_at: nowIso() })
		.where('id', '=', reg.id)
		.where('status', 'in', LIVE_IN_SQL)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) !== 1) return [];
	await trx
		.updateTable('delegations')
		.set((eb) => ({ places_held: eb('places_held', '-', 1) }))
		.where('id', '=', reg.delegation_id)
		.execute();
	if (reg.unconfirmed_since) await freeUnconfirmedSlot(trx, reg.delegation_id);
	if (!reg.holds_place) return [];
	await trx
		.updateTable('meetings')
		.set((eb) => ({ places_held: eb('places_held', '-', 1) }))
		.where('id', '=', reg.meeting_id)
		.execute();
	return promoteWaitlist(trx, reg.meeting_id, origin);
}

/**
 * Work another area does in the transaction that ends a registration, cancelled or rejected (sponsorship releases the
 * money of the person's offer). It answers what it released, so that the person can be told.
 */
export type OnCancelled = (trx: Trx, reg: Registration, actor: Actor) => Promise<ReleasedSponsorship | void>;
/** The status of the sponsorship application an ended registration withdrew, or null when there was none. */
export type ReleasedSponsorship = 'submitted' | 'offered' | 'accepted' | null;

export async function cancelRegistration(db: Db, reg: Registration, actor: Actor, origin: string, onCancelled?: OnCancelled): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const fresh = await trx.selectFrom('registrations').selectAll().where('id', '=', reg.id).executeTakeFirstOrThrow();
		if (!isLive(fresh.status)) return false;
		await endRegistration(trx, fresh, 'cancelled', null, origin);
		await audit(trx, actor, 'registration.cancel', { type: 'registration', id: reg.id }, { status: fresh.status }, { status: 'cancelled' });
		const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', fresh.meeting_id).executeTakeFirstOrThrow();
		if (fresh.email) await queueMail(trx, regMails.cancelled(fresh.email, meeting, `${origin}/meetings/${meeting.slug}/register`));
		if (onCancelled) await onCancelled(trx, fresh, actor);
		return true;
	});
}

export type Decision = { action: 'approve' } | { action: 'reject'; reason: string };

/** Staff approve or reject several registrations at once; each is one audited decision. */
export async function decide(
	db: Db,
	actor: Actor,
	meetingId: number,
	ids: number[],
	d: Decision,
	origin: string,
	onRejected?: OnCancelled
): Promise<{ done: number[]; skipped: number[] }> {
	return db.transaction().execute(async (trx) => {
		const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
		const regs = ids.length ? await trx.selectFrom('registrations').selectAll().where('meeting_id', '=', meetingId).where('id', 'in', ids).execute() : [];
		const done: number[] = [];
		const skipped = ids.filter((id) => !regs.some((r) => r.id === id));
		for (const reg of regs) {
			if (d.action === 'approve') {
				// Approval needs a place: waitlisted people are approved when a place frees up.
				if (reg.status !== 'pending' || !reg.holds_place) {
					skipped.push(reg.id);
					continue;
				}
				await trx.updateTable('registrations').set({ status: 'approved', rejection_reason: null, updated_at: nowIso() }).where('id', '=', reg.id).execute();
				if (reg.email)
					await queueMail(trx, regMails.approved(reg.email, meeting, `${origin}/registrations/${reg.id}`, `${origin}/meetings/${meeting.slug}/calendar.ics`));
			} else {
				if (!isLive(reg.status)) {
					skipped.push(reg.id);
					continue;
				}
				await endRegistration(trx, reg, 'rejected', d.reason, origin);
				// The same release as a cancellation: the application is withdrawn and an offer's money freed.
				const released = onRejected ? ((await onRejected(trx, reg, actor)) ?? null) : null;
				if (reg.email) await queueMail(trx, regMails.rejected(reg.email, meeting, d.reason, released, `${origin}/meetings/${meeting.slug}/sponsorship`));
			}
			await audit(
				trx,
				actor,
				`registration.${d.action}`,
				{ type: 'registration', id: reg.id },
				{ status: reg.status },
				d.action === 'approve' ? { status: 'approved' } : { status: 'rejected', reason: d.reason }
			);
			done.push(reg.id);
		}
		return { done, skipped };
	});
}

/** The person (or their focal point) changes details; a change of name, delegation or role after approval needs approval again. */
export type UpdateResult = { ok: true; reapproval: boolean } | { ok: false; reason?: 'delegation_full'; errors: Record<string, string> };

/** Moves one seat between delegations: taken in the new one within the cap (false when it is full), then freed in the old. */
async function moveSeat(trx: Trx, from: number, to: number, cap: number | null): Promise<boolean> {
	let take = trx
		.updateTable('delegations')
		.set((eb) => ({ places_held: eb('places_held', '+', 1) }))
		.where('id', '=', to);
	if (cap !== null) take = take.where('places_held', '<', cap);
	if (Number((await take.executeTakeFirst()).numUpdatedRows) !== 1) return false;
	await trx
		.updateTable('delegations')
		.set((eb) => ({ places_held: eb('places_held', '-', 1) }))
		.where('id', '=', from)
		.where('places_held', '>', 0)
		.execute();
	return true;
}

export async function updateRegistration(db: Db, reg: Registration, input: PersonDetails, actor: Actor): Promise<UpdateResult> {
	try {
		return await db.transaction().execute(async (trx): Promise<UpdateResult> => {
			// Locked on PostgreSQL: two staff moving the same person at once must not both move their seat (SQLite has one writer).
			const fresh = await trx
				.selectFrom('registrations')
				.selectAll()
				.where('id', '=', reg.id)
				.$if(trx.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate())
				.executeTakeFirstOrThrow();
			if (!isLive(fresh.status)) return { ok: false as const, errors: { _form: m.del_regn_not_active() } };
			if (fresh.unconfirmed_since && input.role === 'head' && fresh.role !== 'head') return { ok: false as const, errors: { role: HEAD_NEEDS_CONFIRMATION() } };
			const delegation = await delegationFor(trx, fresh.meeting_id, input.organization_id);
			if (input.role === 'head' && (await hasHead(trx, delegation.id, fresh.id))) {
				return { ok: false as const, errors: { role: m.del_refuse_head_taken() } };
			}
			if (delegation.id !== fresh.delegation_id) {
				// A seat in the new delegation is taken like a new registration's: guarded by the meeting's cap.
				const { delegation_cap: cap } = await trx.selectFrom('meetings').select('delegation_cap').where('id', '=', fresh.meeting_id).executeTakeFirstOrThrow();
				if (!(await moveSeat(trx, fresh.delegation_id, delegation.id, cap))) {
					return {
						ok: false as const,
						reason: 'delegation_full' as const,
						errors: { organization_id: m.del_refuse_delegation_cap({ cap: cap ?? 0 }) }
					};
				}
				if (fresh.unconfirmed_since) {
					// Unconfirmed in the new delegation too, within its cap: switching cannot dodge the limit.
					const { unconfirmed_cap: ucap } = await trx
						.selectFrom('meetings')
						.select('unconfirmed_cap')
						.where('id', '=', fresh.meeting_id)
						.executeTakeFirstOrThrow();
					if (!(await takeUnconfirmedSlot(trx, delegation.id, ucap))) throw new UnconfirmedFull(ucap ?? 0);
					await freeUnconfirmedSlot(trx, fresh.delegation_id);
				}
			}
			const next = { ...input, delegation_id: delegation.id };
			const reapproval = fresh.status === 'approved' && needsReapproval(fresh, next);
			await trx
				.updateTable('registrations')
				.set({
					delegation_id: delegation.id,
					title: input.title,
					given_name: input.given_name,
					family_name: input.family_name,
					gender: input.gender,
					position: input.position,
					phone: input.phone,
					role: input.role,
					consent_published: input.consent_published ? 1 : 0,
					access_needs: input.access_needs,
					status: reapproval ? 'pending' : fresh.status,
					updated_at: nowIso()
				})
				.where('id', '=', fresh.id)
				.execute();
			await audit(
				trx,
				actor,
				'registration.update',
				{ type: 'registration', id: fresh.id },
				{ given_name: fresh.given_name, family_name: fresh.family_name, role: fresh.role, delegation_id: fresh.delegation_id, status: fresh.status },
				{
					given_name: input.given_name,
					family_name: input.family_name,
					role: input.role,
					delegation_id: delegation.id,
					status: reapproval ? 'pending' : fresh.status
				}
			);
			return { ok: true as const, reapproval };
		});
	} catch (e) {
		if (e instanceof UnconfirmedFull) return { ok: false, reason: 'delegation_full', errors: { organization_id: unconfirmedCapMessage(e.cap) } };
		if (input.role === 'head') return { ok: false, errors: { role: m.del_refuse_head_taken() } };
		throw e;
	}
}

/** Thrown to roll back a move whose seat was already taken. */
class UnconfirmedFull extends Error {
	constructor(readonly cap: number) {
		super('unconfirmed cap');
	}
}
