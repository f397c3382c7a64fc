// Letters of invitation for visa purposes (issue 12, item 6). The passport details live in visa_letters only: nothing
// else copies them (audit rows name the reference, not the passport), and erasing the person deletes the row.
import { sql } from 'kysely';
import type { Db, Meeting, Registration, VisaLetter, VisaLetterStatus } from '../db';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu, queueMail } from '../mail';
import { nowIso } from '../time';
import { regMails } from './mails';
import { VISA_REFUSALS, type VisaLetterForm } from './visa-forms';
import { visaLetterPdf, type VisaLetterFacts } from './visa-pdf';
import type { Locale } from '$lib/i18n';
import { formatDateRange } from '../../dates';

export type VisaRequester = 'self' | 'focal_point' | 'staff';
export type VisaResult = { ok: true; letter: VisaLetter } | { ok: false; message: string };

/** CCM/9MSP/VISA/0007: the meeting's code without spaces, and the letter's number in the meeting. */
export function visaReference(meetingCode: string, n: number): string {
	return `CCM/${meetingCode.replace(/[^0-9A-Za-z-]+/g, '').toUpperCase()}/VISA/${String(n).padStart(4, '0')}`;
}

export function getVisaLetter(db: Db, registrationId: number): Promise<VisaLetter | undefined> {
	return db.selectFrom('visa_letters').selectAll().where('registration_id', '=', registrationId).executeTakeFirst();
}

/**
 * Asks for (or replaces) the registration's one letter. Issued at once unless the meeting wants staff to approve
 * letters and the requester is not staff. One transaction; the number comes from the meeting's guarded counter.
 */
export async function requestVisaLetter(
	db: Db,
	actor: Actor,
	by: VisaRequester,
	registrationId: number,
	input: VisaLetterForm,
	origin: string
): Promise<VisaResult> {
	return db.transaction().execute(async (trx): Promise<VisaResult> => {
		const reg = await trx.selectFrom('registrations').selectAll().where('id', '=', registrationId).executeTakeFirstOrThrow();
		if (reg.status !== 'approved' || reg.erased_at) return { ok: false, message: VISA_REFUSALS.notApproved };
		const ends = await trx.selectFrom('meetings').select('end_date').where('id', '=', reg.meeting_id).executeTakeFirstOrThrow();
		if (ends.end_date < nowIso().slice(0, 10)) return { ok: false, message: VISA_REFUSALS.meetingOver };
		const meeting: Meeting = await trx
			.updateTable('meetings')
			.set((eb) => ({ visa_letters_numbered: eb('visa_letters_numbered', '+', 1) }))
			.where('id', '=', reg.meeting_id)
			.returningAll()
			.executeTakeFirstOrThrow();
		const before = await getVisaLetter(trx, reg.id);
		const now = nowIso();
		const status: VisaLetterStatus = meeting.visa_letters_approval && by !== 'staff' ? 'requested' : 'issued';
		const row = {
			meeting_id: reg.meeting_id,
			number: meeting.visa_letters_numbered,
			reference: visaReference(meeting.code, meeting.visa_letters_numbered),
			passport_name: input.passport_name,
			nationality: input.nationality,
			passport_number: input.passport_number,
			status,
			refusal_reason: null,
			requested_by: actor.id,
			requested_at: now,
			decided_by: status === 'issued' && by === 'staff' ? actor.id : null,
			decided_at: status === 'issued' ? now : null
		};
		const letter = await trx
			.insertInto('visa_letters')
			.values({ registration_id: reg.id, ...row })
			.onConflict((oc) => oc.column('registration_id').doUpdateSet(row))
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(
			trx,
			actor,
			before ? 'visa_letter.replace' : 'visa_letter.request',
			{ type: 'registration', id: reg.id },
			before ? { reference: before.reference, status: before.status } : null,
			{ reference: letter.reference, status, by }
		);
		if (status === 'issued') await audit(trx, actor, 'visa_letter.issue', { type: 'registration', id: reg.id }, null, { reference: letter.reference });
		else await notifyIsu(trx, regMails.isuVisaRequest(isuAddress(), meeting, letter.reference, `${origin}/admin/meetings/${meeting.slug}/visa-letters`));
		return { ok: true, letter };
	});
}

export type VisaDecision = { decision: 'approve'; letter_id: number } | { decision: 'refuse'; letter_id: number; reason: string };

/** Staff approve (the letter is issued) or refuse a requested letter; the requester is told, with a link. */
export async function decideVisaLetter(db: Db, actor: Actor, meetingId: number, d: VisaDecision, origin: string): Promise<VisaResult> {
	return db.transaction().execute(async (trx): Promise<VisaResult> => {
		const now = nowIso();
		const letter = await trx
			.updateTable('visa_letters')
			.set(
				d.decision === 'approve'
					? { status: 'issued', refusal_reason: null, decided_by: actor.id, decided_at: now }
					: { status: 'refused', refusal_reason: d.reason, decided_by: actor.id, decided_at: now }
			)
			.where('id', '=', d.letter_id)
			.where('meeting_id', '=', meetingId)
			.where('status', '=', 'requested')
			.returningAll()
			.executeTakeFirst();
		if (!letter) return { ok: false, message: VISA_REFUSALS.notWaiting };
		await audit(
			trx,
			actor,
			d.decision === 'approve' ? 'visa_letter.approve' : 'visa_letter.refuse',
			{ type: 'registration', id: letter.registration_id },
			{ reference: letter.reference, status: 'requested' },
			d.decision === 'approve' ? { status: 'issued' } : { status: 'refused', reason: d.reason }
		);
		const [meeting, requester] = await Promise.all([
			trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow(),
			letter.requested_by === null ? undefined : trx.selectFrom('users').select('email').where('id', '=', letter.requested_by).executeTakeFirst()
		]);
		if (requester) {
			const link = `${origin}/registrations/${letter.registration_id}/visa-letter`;
			await queueMail(
				trx,
				d.decision === 'approve'
					? regMails.visaIssued(requester.email, meeting, letter.reference, link)
					: regMails.visaRefused(requester.email, meeting, letter.reference, d.reason, link)
			);
		}
		return { ok: true, letter };
	});
}

/** The meeting's letters for staff, waiting ones first. No passport numbers: staff see them in the PDF. */
export function listVisaLetters(db: Db, meetingId: number) {
	return db
		.selectFrom('visa_letters as v')
		.innerJoin('registrations as r', 'r.id', 'v.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.leftJoin('users as u', 'u.id', 'v.requested_by')
		.where('v.meeting_id', '=', meetingId)
		.select([
			'v.id',
			'v.registration_id',
			'v.reference',
			'v.passport_name',
			'v.nationality',
			'v.status',
			'v.refusal_reason',
			'v.requested_at',
			'v.decided_at',
			'r.status as registration_status',
			'o.name as organization',
			'u.email as requested_by'
		])
		.orderBy(sql`case when v.status = 'requested' then 0 else 1 end`)
		.orderBy('v.number', 'desc')
		.execute();
}

/** Staff's per-meeting choice: approve each letter before it is issued (audited). */
export async function setVisaApproval(db: Db, actor: Actor, meetingId: number, on: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('meetings').select('visa_letters_approval').where('id', '=', meetingId).executeTakeFirstOrThrow();
		await trx
			.updateTable('meetings')
			.set({ visa_letters_approval: on ? 1 : 0, updated_at: nowIso() })
			.where('id', '=', meetingId)
			.execute();
		await audit(
			trx,
			actor,
			'meeting.visa_letters_approval',
			{ type: 'meeting', id: meetingId },
			{ approval: before.visa_letters_approval === 1 },
			{ approval: on }
		);
	});
}

/**
 * The issued letter as a PDF, or null (none issued, or the registration is no longer approved). A download by staff is
 * audited: they read someone else's passport details.
 */
export async function visaLetterDownload(
	db: Db,
	actor: Actor,
	by: VisaRequester,
	reg: Pick<Registration, 'id' | 'status'>,
	locale: Locale = 'en'
): Promise<{ pdf: Buffer; reference: string } | null> {
	if (reg.status !== 'approved') return null;
	const row = await db
		.selectFrom('visa_letters as v')
		.innerJoin('registrations as r', 'r.id', 'v.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.innerJoin('meetings as m', 'm.id', 'v.meeting_id')
		.where('v.registration_id', '=', reg.id)
		.where('v.status', '=', 'issued')
		.select([
			'v.reference',
			'v.passport_name',
			'v.nationality',
			'v.passport_number',
			'v.decided_at',
			'r.role',
			'o.name as organization',
			'm.code',
			'm.title',
			'm.start_date',
			'm.end_date',
			'm.venue',
			'm.city',
			'm.country'
		])
		.executeTakeFirst();
	if (!row) return null;
	if (by === 'staff') await audit(db, actor, 'visa_letter.download', { type: 'registration', id: reg.id }, null, { reference: row.reference });
	const facts: VisaLetterFacts = {
		reference: row.reference,
		issuedOn: (row.decided_at ?? nowIso()).slice(0, 10),
		passportName: row.passport_name,
		nationality: row.nationality,
		passportNumber: row.passport_number,
		organization: row.organization,
		meeting: {
			code: row.code,
			title: row.title,
			dates: formatDateRange(row.start_date, row.end_date, locale),
			venue: row.venue,
			city: row.city,
			country: row.country
		}
	};
	return { pdf: await visaLetterPdf(facts, locale), reference: row.reference };
}
