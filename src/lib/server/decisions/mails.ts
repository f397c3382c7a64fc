// The decisions area's mails: whole texts here (not pieced together across modules) so that a translation pass can
// move each into messages.
import type { LocalizedMail, Mail } from '../mail';
import type { TaskOwnerKind } from '../db';
import { localLink, signature } from '../mail';
import type { Locale } from '$lib/i18n';
import { m as msg } from '$lib/paraglide/messages';

const SIGNATURE = '\n\n-- \nCCM Meetings, Implementation Support Unit of the Convention on Cluster Munitions';

/** An owner's open task went with the outcome staff deleted. */
export function taskWithdrawnMail(to: string, t: { number: string; what: string; reason: string }): LocalizedMail {
	return {
		to,
		render: (locale) => ({
			subject: msg.srv_task_withdrawn_subject({ number: t.number }, { locale }),
			text: msg.srv_task_withdrawn_text({ number: t.number, what: t.what, reason: t.reason }, { locale }) + signature(locale)
		})
	};
}

function ownerKind(k: TaskOwnerKind, locale: Locale): string {
	const o = { locale };
	return {
		isu: msg.srv_owner_isu({}, o),
		presidency: msg.srv_owner_presidency({}, o),
		coordinator: msg.srv_owner_coordinator({}, o),
		organization: msg.srv_owner_organization({}, o),
		person: msg.srv_owner_person({}, o)
	}[k];
}

/** A new task for its owner. */
export function taskCreatedMail(to: string, t: { kind: TaskOwnerKind; number: string; code: string; what: string; due: string; link: string }): LocalizedMail {
	return {
		to,
		render: (locale) => ({
			subject: msg.srv_task_new_subject({ code: t.code }, { locale }),
			text:
				msg.srv_task_new_text(
					{ kind: ownerKind(t.kind, locale), number: t.number, code: t.code, what: t.what, due: t.due, link: localLink(t.link, locale) },
					{ locale }
				) + signature(locale)
		})
	};
}

/** A task due within the week, or overdue, to its owner. */
export function taskReminderMail(
	to: string,
	kind: 'week' | 'overdue',
	t: { number: string; code: string; what: string; due: string; link: string }
): LocalizedMail {
	return {
		to,
		render: (locale) => {
			const p = { due: t.due, code: t.code, number: t.number, what: t.what, link: localLink(t.link, locale) };
			return kind === 'week'
				? { subject: msg.srv_task_week_subject(p, { locale }), text: msg.srv_task_week_text(p, { locale }) + signature(locale) }
				: { subject: msg.srv_task_overdue_subject(p, { locale }), text: msg.srv_task_overdue_text(p, { locale }) + signature(locale) };
		}
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
): LocalizedMail {
	return {
		to,
		render: (locale) => {
			const o = { locale };
			// ISO days, as the calendar entry and the Committee's papers write them.
			const when = m.start_date === m.end_date ? m.start_date : msg.srv_date_range({ start: m.start_date, end: m.end_date }, o);
			return {
				subject: (updated ? msg.srv_cc_invite_updated_subject : msg.srv_cc_invite_subject)({ title: m.title, when }, o),
				text: `${updated ? msg.srv_cc_invite_updated_intro({}, o) : msg.srv_cc_invite_intro({}, o)}\n\n${m.title}\n${when}${m.city ? `, ${m.city}` : ''}\n\n${msg.srv_cc_invite_papers({ link: localLink(link, locale) }, o)}${signature(locale)}`
			};
		}
	};
}
