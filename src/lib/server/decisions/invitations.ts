// Invitations to a Coordination Committee meeting: one mail per member through the outbox, with the meeting's .ics.
import type { Db } from '../db';
import type { Actor } from '../audit';
import { audit } from '../audit';
import { queueMail } from '../mail';
import { buildMeetingCalendar, CALENDAR_HOST, getMeetingIn, loadCalMeetingsIn } from '../meetings';
import { nowIso } from '../time';
import type { Refusal } from './store';
import { committeeInvitationMail } from './mails';
import { m as msg } from '$lib/paraglide/messages';

/** The Committee's members with the invitation each has had to this meeting (if any). */
export async function invitationList(db: Db, meetingId: number) {
	return db
		.selectFrom('users as u')
		.leftJoin('committee_invitations as i', (j) => j.onRef('i.user_id', '=', 'u.id').on('i.meeting_id', '=', meetingId))
		.select(['u.id', 'u.email', 'u.given_name', 'u.family_name', 'i.sequence', 'i.invited_at'])
		.where('u.role', '=', 'cc_member')
		.orderBy('u.family_name')
		.orderBy('u.email')
		.limit(500)
		.execute();
}

export interface InvitationResult {
	invited: string[];
	updated: string[];
	unchanged: string[];
}

/**
 * Invites the chosen members. The .ics carries the meeting's UID and its SEQUENCE, which every change of the meeting
 * raises: a member invited before a change gets an updated invitation (same UID, higher SEQUENCE), one invited since
 * gets nothing twice. Each member's row is claimed by an insert or a guarded update, so two staff inviting at once
 * send one mail per member.
 */
export async function inviteMembers(
	db: Db,
	actor: Actor,
	meetingSlug: string,
	userIds: number[],
	origin: string
): Promise<InvitationResult | Refusal | 'not_found'> {
	const meeting = await getMeetingIn(db, meetingSlug, true);
	if (!meeting || meeting.kind !== 'coordination_committee') return 'not_found';
	const members = await db.selectFrom('users').select(['id', 'email']).where('id', 'in', userIds).where('role', '=', 'cc_member').execute();
	if (members.length !== new Set(userIds).size) return { field: 'members', message: msg.mtg_decr_members_list() };
	const [cal] = await loadCalMeetingsIn(db, [meeting], origin);
	const ics = buildMeetingCalendar([cal], { name: `${meeting.code}: ${meeting.title}`, host: CALENDAR_HOST });
	const link = `${origin}/committee/meetings/${meeting.slug}`;
	const result: InvitationResult = { invited: [], updated: [], unchanged: [] };
	await db.transaction().execute(async (trx) => {
		const now = nowIso();
		for (const m of members) {
			const inserted = await trx
				.insertInto('committee_invitations')
				.values({ meeting_id: meeting.id, user_id: m.id, sequence: meeting.sequence, first_invited_at: now, invited_at: now, invited_by: actor.id })
				.onConflict((oc) => oc.columns(['meeting_id', 'user_id']).doNothing())
				.returning('id')
				.executeTakeFirst();
			let kind: 'invited' | 'updated' | 'unchanged' = inserted ? 'invited' : 'unchanged';
			if (!inserted) {
				const bumped = await trx
					.updateTable('committee_invitations')
					.set({ sequence: meeting.sequence, invited_at: now, invited_by: actor.id })
					.where('meeting_id', '=', meeting.id)
					.where('user_id', '=', m.id)
					.where('sequence', '<', meeting.sequence)
					.executeTakeFirst();
				if (Number(bumped.numUpdatedRows) === 1) kind = 'updated';
			}
			result[kind].push(m.email);
			if (kind === 'unchanged') continue;
			await queueMail(trx, {
				...committeeInvitationMail(m.email, meeting, link, kind === 'updated'),
				attachments: [{ filename: `${meeting.slug}.ics`, contentType: 'text/calendar; charset=utf-8', content: ics }]
			});
			await audit(trx, actor, kind === 'updated' ? 'committee.invitation_update' : 'committee.invite', { type: 'meeting', id: meeting.id }, null, {
				user_id: m.id,
				email: m.email,
				sequence: meeting.sequence
			});
		}
	});
	return result;
}
