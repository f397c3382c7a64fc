import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { m } from '$lib/paraglide/messages';

// In the request's language: staff read these at the desk.
const NOT_APPROVED: Record<string, () => string> = {
	pending: m.mtg_checkin_status_pending,
	waitlisted: m.mtg_checkin_status_waitlisted,
	rejected: m.mtg_checkin_status_rejected,
	cancelled: m.mtg_checkin_status_cancelled
};

export type CheckIn = { ok: true; name: string; organization: string; already: string | null } | { ok: false; message: string };

/** Marks attendance from a badge's code; only approved registrations of this meeting pass. */
export async function checkIn(db: Kysely<Database>, actor: Actor, meetingId: number, code: string): Promise<CheckIn> {
	const token = code.trim().toLowerCase();
	if (!/^[a-z2-7]{16,64}$/.test(token)) return { ok: false, message: m.mtg_checkin_not_code() };
	const reg = await db
		.selectFrom('registrations as r')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.select(['r.id', 'r.status', 'r.attended_at', 'r.title', 'r.given_name', 'r.family_name', 'o.name as organization'])
		.where('r.meeting_id', '=', meetingId)
		.where('r.badge_token', '=', token)
		.executeTakeFirst();
	if (!reg) return { ok: false, message: m.mtg_checkin_no_badge() };
	if (reg.status !== 'approved') return { ok: false, message: m.mtg_checkin_not_approved({ status: NOT_APPROVED[reg.status]?.() ?? reg.status }) };
	if (!reg.attended_at) {
		await db.updateTable('registrations').set({ attended_at: nowIso() }).where('id', '=', reg.id).where('attended_at', 'is', null).execute();
		await audit(db, actor, 'registration.check_in', { type: 'registration', id: reg.id });
	}
	return { ok: true, name: [reg.title, reg.given_name, reg.family_name].filter(Boolean).join(' '), organization: reg.organization, already: reg.attended_at };
}

/** Approved people and how many of them have checked in. */
export async function attendance(db: Kysely<Database>, meetingId: number): Promise<{ approved: number; attended: number }> {
	const counts = await db
		.selectFrom('registrations')
		.select([(eb) => eb.fn.countAll<number>().as('approved'), (eb) => eb.fn.count<number>('attended_at').as('attended')])
		.where('meeting_id', '=', meetingId)
		.where('status', '=', 'approved')
		.executeTakeFirstOrThrow();
	return { approved: Number(counts.approved), attended: Number(counts.attended) };
}
