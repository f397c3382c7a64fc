import type { Transaction } from 'kysely';
import type { Database, Meeting, Registration, Db } from '../db';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu, queueMail } from '../mail';
import { nowIso } from '../time';
import { getProgramme, releaseIn, sendOffers } from './store';
import { applicationDeadline } from './applications';
import { sponsorshipMails } from './mails';
import { m } from '$lib/paraglide/messages';

type Released = 'submitted' | 'offered' | 'accepted' | null;

/**
 * For registration.cancelRegistration and staff's rejection (registration.decide), in their transaction: the person's
 * application is withdrawn, and the money of an offer made or accepted is released. The ISU is told when a sponsored
 * person cancels; a rejection is the ISU's own decision. Answers what was released.
 */
export function releaseOnCancel(origin: string, ending: 'cancelled' | 'rejected' = 'cancelled') {
	return async (trx: Transaction<Database>, reg: Registration, actor: Actor): Promise<Released> => {
		const app = await trx
			.selectFrom('sponsorship_applications')
			.select(['id', 'status', 'meeting_id'])
			.where('registration_id', '=', reg.id)
			.executeTakeFirst();
		if (!app || (app.status !== 'submitted' && app.status !== 'offered' && app.status !== 'accepted')) return null;
		if (!(await releaseIn(trx, actor, app.meeting_id, app.id, 'withdrawn'))) return null;
		if (app.status === 'submitted' || ending === 'rejected') return app.status;
		const [meeting, org] = await Promise.all([
			trx.selectFrom('meetings').selectAll().where('id', '=', app.meeting_id).executeTakeFirstOrThrow(),
			trx
				.selectFrom('delegations as d')
				.innerJoin('organizations as o', 'o.id', 'd.organization_id')
				.select('o.name')
				.where('d.id', '=', reg.delegation_id)
				.executeTakeFirstOrThrow()
		]);
		const who = [reg.given_name, reg.family_name].filter(Boolean).join(' ');
		const status = app.status === 'accepted' ? 'accepted' : 'offered';
		await notifyIsu(trx, sponsorshipMails.isuCancelled(isuAddress(), meeting, who, org.name, status, `${origin}/admin/meetings/${meeting.slug}/sponsorship`));
		return app.status;
	};
}

/**
 * After a cancellation: once offers have begun for the meeting, the money freed goes to the next in line by the
 * allocation rules (sendOffers); before that, the ranking at the close decides as usual.
 */
export async function reofferAfterCancel(db: Db, meeting: Pick<Meeting, 'id'>, origin: string): Promise<number[]> {
	const started = await db
		.selectFrom('sponsorship_applications')
		.select('id')
		.where('meeting_id', '=', meeting.id)
		.where('offer_sent_at', 'is not', null)
		.limit(1)
		.executeTakeFirst();
	if (!started) return [];
	const full = await db.selectFrom('meetings').selectAll().where('id', '=', meeting.id).executeTakeFirstOrThrow();
	return sendOffers(db, null, full, origin);
}

export type SendOffersResult = { ok: true; sent: number[] } | { ok: false; errors: Record<string, string>; message: string };

/**
 * Staff's "Send offers": refused before applications close (applicants still to come would be ranked out unseen),
 * unless staff confirm "send before the closing date" with a reason, which the audit log keeps.
 */
export async function sendOffersChecked(
	db: Db,
	actor: Actor,
	meeting: Meeting,
	origin: string,
	early: { confirmed: boolean; reason: string },
	now = nowIso()
): Promise<SendOffersResult> {
	const programme = await getProgramme(db, meeting.id);
	const deadline = applicationDeadline(meeting, programme);
	if (deadline && now < deadline) {
		const errors: Record<string, string> = {};
		if (!early.confirmed) errors.early = m.mtg_spon_early_tick();
		if (!early.reason.trim()) errors.reason = m.mtg_spon_early_give_reason();
		if (Object.keys(errors).length) return { ok: false, errors, message: m.mtg_spon_early_message() };
		await audit(db, actor, 'sponsorship.offers_early', { type: 'meeting', id: meeting.id }, null, { closes_at: deadline, reason: early.reason.trim() });
	}
	return { ok: true, sent: await sendOffers(db, actor, meeting, origin) };
}

export type EndorseResult = { ok: true } | { ok: false; message: string };

/**
 * Staff endorse (or not) an application on behalf of a state that has no focal point, with a reason: audited, kept
 * on the application for the applicant to see, and the applicant is told. A state with a focal point endorses itself.
 */
export async function endorseForState(
	db: Db,
	actor: Actor & { role: string },
	meetingId: number,
	applicationId: number,
	endorsed: boolean,
	reason: string,
	origin: string
): Promise<EndorseResult> {
	if (actor.role !== 'staff') return { ok: false, message: m.mtg_spon_only_isu() };
	if (!reason.trim()) return { ok: false, message: m.mtg_spon_give_reason() };
	return db.transaction().execute(async (trx): Promise<EndorseResult> => {
		const app = await trx
			.selectFrom('sponsorship_applications as a')
			.innerJoin('registrations as r', 'r.id', 'a.registration_id')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('organizations as o', 'o.id', 'd.organization_id')
			.select(['a.id', 'a.status', 'a.endorsement', 'o.id as org_id', 'o.name as state', 'r.email', 'a.meeting_id'])
			.where('a.id', '=', applicationId)
			.where('a.meeting_id', '=', meetingId)
			.executeTakeFirst();
		if (!app) return { ok: false, message: m.mtg_spon_no_application() };
		if (app.status !== 'submitted') return { ok: false, message: m.mtg_spon_not_awaiting() };
		const focal = await trx
			.selectFrom('users')
			.select('id')
			.where('role', '=', 'focal_point')
			.where('organization_id', '=', app.org_id)
			.limit(1)
			.executeTakeFirst();
		if (focal) return { ok: false, message: m.mtg_spon_has_focal({ state: app.state }) };
		const endorsement = endorsed ? 'endorsed' : 'not_endorsed';
		const note = `Decided by the ISU on behalf of ${app.state}, which has no focal point: ${reason.trim()}`;
		const upd = await trx
			.updateTable('sponsorship_applications')
			.set({ endorsement, endorsed_by: actor.id, endorsed_at: nowIso(), endorsement_note: note, updated_at: nowIso() })
			.where('id', '=', app.id)
			.where('status', '=', 'submitted')
			.executeTakeFirst();
		if (Number(upd.numUpdatedRows) !== 1) return { ok: false, message: m.mtg_spon_changed() };
		await audit(
			trx,
			actor,
			'sponsorship.endorse_for_state',
			{ type: 'sponsorship_application', id: app.id },
			{ endorsement: app.endorsement },
			{ endorsement, reason: reason.trim() }
		);
		const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', app.meeting_id).executeTakeFirstOrThrow();
		if (app.email)
			await queueMail(trx, sponsorshipMails.endorsedByIsu(app.email, meeting, endorsed, reason.trim(), `${origin}/meetings/${meeting.slug}/sponsorship`));
		return { ok: true };
	});
}

/** Submitted applications of states with no focal point, still unendorsed: only the ISU can decide them. */
export function awaitingIsuEndorsement(db: Db, meetingId: number) {
	return db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.select(['a.id', 'r.given_name', 'r.family_name', 'o.name as state'])
		.where('a.meeting_id', '=', meetingId)
		.where('a.status', '=', 'submitted')
		.where('a.endorsement', '=', 'pending')
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('users as u').select('u.id').where('u.role', '=', 'focal_point').whereRef('u.organization_id', '=', 'o.id')))
		)
		.orderBy('a.id')
		.execute();
}
