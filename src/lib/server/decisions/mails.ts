// The decisions area's mails: whole texts here (not pieced together across modules) so that a translation pass can
// move each into messages.
import type { Mail } from '../mail';

const SIGNATURE = '\n\n-- \nCCM Meetings, Implementation Support Unit of the Convention on Cluster Munitions';

/** An owner's open task went with the outcome staff deleted. */
export function taskWithdrawnMail(to: string, t: { number: string; what: string; reason: string }): Mail {
	return {
		to,
		subject: `A task of yours was withdrawn (${t.number})`,
		text: `The ISU deleted the outcome ${t.number}, and with it this task of yours:\n\n${t.what}\n\nReason given: ${t.reason}\n\nNothing more is expected of you for it.${SIGNATURE}`
	};
}

/** At most this many tasks are listed; the rest are on the follow-up page the mail links to. */
export const DIGEST_LISTED = 50;

/** The ISU's daily list of overdue tasks, each with the page where it is followed up. */
export function overdueDigestMail(
	to: string,
	day: string,
	tasks: { what: string; owner: string; due_date: string; meeting_code: string; meeting_slug: string; outcome_id: number; outcome_number: string }[],
	origin: string
): Mail {
	const listed = tasks
		.slice(0, DIGEST_LISTED)
		.map(
			(t) =>
				`- ${t.meeting_code}, ${t.outcome_number}: ${t.what.replace(/\s+/g, ' ').slice(0, 200)}\n  ${t.owner}, due ${t.due_date}\n  ${origin}/admin/meetings/${t.meeting_slug}/decisions#outcome-${t.outcome_id}`
		);
	const more = tasks.length > DIGEST_LISTED ? `\n\n…and ${tasks.length - DIGEST_LISTED} more.` : '';
	return {
		to,
		subject: `Overdue tasks on ${day}: ${tasks.length}`,
		text: `${tasks.length === 1 ? 'One task is' : `${tasks.length} tasks are`} overdue today (${day}):\n\n${listed.join('\n\n')}${more}\n\nAll overdue tasks, with filters: ${origin}/admin/follow-up?overdue=1${SIGNATURE}`
	};
}

/** An invitation (or, after the meeting changed, an updated one) to a Coordination Committee meeting. */
export function committeeInvitationMail(
	to: string,
	m: { code: string; title: string; start_date: string; end_date: string; city: string | null },
	link: string,
	updated: boolean
): Mail {
	const when = m.start_date === m.end_date ? m.start_date : `${m.start_date} to ${m.end_date}`;
	return {
		to,
		subject: updated ? `Updated invitation: ${m.title} (${when})` : `Invitation: ${m.title} (${when})`,
		text: `${
			updated
				? 'The details of this Coordination Committee meeting have changed since you were invited. The attached calendar entry replaces the earlier one.'
				: 'The Implementation Support Unit invites you to this meeting of the Coordination Committee. Open the attached file to add it to your calendar.'
		}\n\n${m.title}\n${when}${m.city ? `, ${m.city}` : ''}\n\nThe agenda, papers, minutes and action points, for members of the Committee: ${link}${SIGNATURE}`
	};
}
