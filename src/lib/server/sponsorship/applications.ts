import type { Db, Meeting, SponsorshipApplication } from '../db';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu, queueMail } from '../mail';
import { nowIso } from '../time';
import { statesAsAtIn } from '../organizations';
import { currentCriteria, getProgramme } from './store';
import { tooManyNights, type ApplicationInput } from './forms';
import { sponsorshipMails } from './mails';
import { m } from '$lib/paraglide/messages';

/** Nights a sponsored delegate may claim: the meeting's days plus a travel day on each side. */
export function maxNights(m: Pick<Meeting, 'start_date' | 'end_date'>): number {
	const days = Math.round((Date.parse(`${m.end_date}T00:00:00Z`) - Date.parse(`${m.start_date}T00:00:00Z`)) / 86_400_000) + 1;
	return days + 2;
}

/** When applications close: the programme's own window, else the meeting's sponsorship deadline. */
export function applicationDeadline(m: Meeting, programme: { closes_at: string | null } | undefined): string | null {
	return programme?.closes_at ?? m.sponsorship_deadline;
}

/**
 * Where the application window stands now: closed after the deadline; not yet open before the programme's opening
 * time (`opensAt`); open otherwise, once the programme exists.
 */
export function applicationWindowNow(m: Meeting, programme: { opens_at: string | null; closes_at: string | null } | undefined, now = nowIso()) {
	const deadline = applicationDeadline(m, programme);
	const closed = !!deadline && now >= deadline;
	const opensAt = programme?.opens_at && now < programme.opens_at ? programme.opens_at : null;
	return { deadline, closed, opensAt, open: !!programme && !closed && !opensAt };
}

export function getApplicationByRegistration(db: Db, registrationId: number): Promise<SponsorshipApplication | undefined> {
	return db.selectFrom('sponsorship_applications').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

export type SaveResult = { ok: true; application: SponsorshipApplication } | { ok: false; errors: Record<string, string>; message?: string };

/**
 * Saves a draft or submits. Submitting checks the deadline, the nights, and that the applicant's state may apply under
 * the criteria in force; a person has one application per meeting (the registration is unique).
 */
export async function saveApplication(
	db: Db,
	actor: Actor,
	meeting: Meeting,
	registrationId: number,
	input: ApplicationInput,
	origin: string
): Promise<SaveResult> {
	const errors: Record<string, string> = {};
	const limit = maxNights(meeting);
	if (input.nights > limit) errors.nights = tooManyNights(limit);
	const programme = await getProgramme(db, meeting.id);
	const window = applicationWindowNow(meeting, programme);
	if (window.closed) return { ok: false, errors, message: m.del_sp_refuse_closed() };
	if (window.opensAt) return { ok: false, errors, message: m.del_sp_refuse_not_open() };

	const reg = await db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.select(['r.id', 'r.status', 'r.email', 'r.given_name', 'r.family_name', 'r.unconfirmed_since', 'o.id as org_id', 'o.kind', 'o.name'])
		.where('r.id', '=', registrationId)
		.executeTakeFirst();
	if (!reg || !['pending', 'approved'].includes(reg.status)) return { ok: false, errors, message: m.del_sp_refuse_no_registration() };
	if (input.mode === 'submit' && reg.unconfirmed_since) {
		// Counted for the state only once the state (its focal point, or the ISU) stands behind the person.
		return {
			ok: false,
			errors,
			message: m.del_sp_refuse_unconfirmed({ state: reg.name })
		};
	}
	if (input.mode === 'submit') {
		const gates = (await currentCriteria(db)).gates;
		const status = reg.kind === 'state' ? ((await statesAsAtIn(db, meeting.start_date, [reg.org_id])).get(reg.org_id)?.status.status ?? 'not_party') : null;
		const admitted = status === 'state_party' || (status === 'signatory' && gates.admitSignatories) || (status === 'not_party' && gates.admitNotParty);
		if (!admitted) {
			return {
				ok: false,
				errors,
				message: reg.kind === 'state' ? m.del_sp_refuse_not_eligible({ state: reg.name }) : m.del_sp_refuse_not_state()
			};
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };

	const now = nowIso();
	const values = {
		departure_city: input.departure_city,
		airfare_centimes: input.airfare,
		nights: input.nights,
		justification: input.justification,
		statement: input.statement ? 1 : 0,
		statement_items: JSON.stringify(input.statement_items),
		implementation_responsibility: input.implementation_responsibility ? 1 : 0,
		updated_at: now
	};
	const existing = await getApplicationByRegistration(db, registrationId);
	if (existing && existing.status !== 'draft') return { ok: false, errors, message: m.del_sp_refuse_already_submitted() };
	const status = input.mode === 'submit' ? 'submitted' : 'draft';
	// The application, its audit row and the mails it hands on: one transaction, nothing half-done.
	const application = await db.transaction().execute(async (trx) => {
		const application = existing
			? await trx
					.updateTable('sponsorship_applications')
					.set({ ...values, status, submitted_at: status === 'submitted' ? now : null })
					.where('id', '=', existing.id)
					.where('status', '=', 'draft')
					.returningAll()
					.executeTakeFirstOrThrow()
			: await trx
					.insertInto('sponsorship_applications')
					.values({
						...values,
						meeting_id: meeting.id,
						registration_id: registrationId,
						user_id: actor.id,
						status,
						endorsement: 'pending',
						submitted_at: status === 'submitted' ? now : null,
						created_at: now
					})
					.returningAll()
					.executeTakeFirstOrThrow();
		if (status === 'submitted') {
			await audit(trx, actor, 'sponsorship.submit', { type: 'sponsorship_application', id: application.id }, null, {
				cost_inputs: { airfare_centimes: input.airfare, nights: input.nights }
			});
			const link = `${origin}/meetings/${meeting.slug}/sponsorship`;
			const focal = await trx.selectFrom('users').select('email').where('role', '=', 'focal_point').where('organization_id', '=', reg.org_id).execute();
			if (reg.email) await queueMail(trx, sponsorshipMails.submitted(reg.email, meeting, link, focal.length > 0));
			// No focal point: nobody but the ISU can endorse; without this mail the application would wait for ever.
			if (!focal.length)
				await notifyIsu(
					trx,
					sponsorshipMails.isuNoFocalPoint(
						isuAddress(),
						meeting,
						reg.name,
						[reg.given_name, reg.family_name].join(' '),
						`${origin}/admin/meetings/${meeting.slug}/sponsorship`
					)
				);
			for (const f of focal)
				await queueMail(
					trx,
					sponsorshipMails.endorse(f.email, meeting, [reg.given_name, reg.family_name].join(' '), `${origin}/meetings/${meeting.slug}/delegation`)
				);
		}
		return application;
	});
	return { ok: true, application };
}

/** The focal point of the applicant's state endorses the application (or not). */
export async function endorse(db: Db, actor: Actor & { organizationId: number | null }, applicationId: number, endorsed: boolean): Promise<boolean> {
	const app = await db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.select(['a.id', 'a.endorsement', 'a.status', 'd.organization_id'])
		.where('a.id', '=', applicationId)
		.executeTakeFirst();
	if (!app || app.organization_id !== actor.organizationId || app.status === 'draft' || app.status === 'withdrawn') return false;
	const endorsement = endorsed ? 'endorsed' : 'not_endorsed';
	// The decision and its audit row in one transaction; guarded: an application withdrawn since it was read is not endorsed.
	return db.transaction().execute(async (trx) => {
		const upd = await trx
			.updateTable('sponsorship_applications')
			.set({ endorsement, endorsed_by: actor.id, endorsed_at: nowIso(), endorsement_note: null, updated_at: nowIso() })
			.where('id', '=', applicationId)
			.where('status', '!=', 'withdrawn')
			.executeTakeFirst();
		if (Number(upd.numUpdatedRows) !== 1) return false;
		await audit(trx, actor, 'sponsorship.endorse', { type: 'sponsorship_application', id: applicationId }, { endorsement: app.endorsement }, { endorsement });
		return true;
	});
}

/** The applicant's latest application for the meeting, even after the registration ended: its history stays visible. */
export function latestApplicationOf(db: Db, meetingId: number, userId: number): Promise<SponsorshipApplication | undefined> {
	return db
		.selectFrom('sponsorship_applications')
		.selectAll()
		.where('meeting_id', '=', meetingId)
		.where('user_id', '=', userId)
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Applications waiting on a state's endorsement (a focal point's appointment lists them). */
export function pendingEndorsements(db: Db, organizationId: number) {
	return db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('meetings as m', 'm.id', 'a.meeting_id')
		.select(['a.id', 'm.code', 'm.slug', 'r.given_name', 'r.family_name'])
		.where('d.organization_id', '=', organizationId)
		.where('a.status', '=', 'submitted')
		.where('a.endorsement', '=', 'pending')
		.orderBy('a.id')
		.execute();
}

export function listForEndorsement(db: Db, meetingId: number, organizationId: number) {
	return db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.select(['a.id', 'a.status', 'a.endorsement', 'a.airfare_centimes', 'a.nights', 'a.justification', 'r.given_name', 'r.family_name'])
		.where('a.meeting_id', '=', meetingId)
		.where('d.organization_id', '=', organizationId)
		.where('a.status', '!=', 'draft')
		.orderBy('a.id')
		.execute();
}
