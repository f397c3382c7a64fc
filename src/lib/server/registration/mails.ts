import type { LocalizedMail } from '../mail';
import type { Meeting, Registration } from '../db';
import { quoted, localLink, isuSignature, quotedNote } from '../mail';
import { m as msg } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n';

const name = (m: Pick<Meeting, 'code' | 'title'>) => `${m.code} (${m.title})`;

/** A message to a delegate or focal point, in their language; `body` gets the localized link maker. */
function toPerson(
	to: string,
	subject: (o: { locale: Locale }) => string,
	body: (o: { locale: Locale }, link: (url: string) => string) => string
): LocalizedMail {
	return {
		to,
		render: (locale) => {
			const o = { locale };
			return { subject: subject(o), text: body(o, (url) => localLink(url, locale)) + isuSignature(locale) };
		}
	};
}

export const regMails = {
	received: (to: string, m: Meeting, r: Registration, link: string): LocalizedMail =>
		r.status === 'waitlisted'
			? toPerson(
					to,
					(o) => msg.srv_reg_waitlisted_subject({ code: m.code }, o),
					(o, l) => msg.srv_reg_waitlisted_text({ meeting: name(m), link: l(link) }, o)
				)
			: toPerson(
					to,
					(o) => msg.srv_reg_received_subject({ code: m.code }, o),
					(o, l) =>
						r.unconfirmed_since
							? msg.srv_reg_received_unconfirmed_text({ meeting: name(m), link: l(link) }, o)
							: msg.srv_reg_received_text({ meeting: name(m), link: l(link) }, o)
				),
	addedToDelegation: (to: string, m: Meeting, link: string, origin: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_added_subject({ code: m.code }, o),
			(o, l) => msg.srv_reg_added_text({ meeting: name(m), signup: l(`${origin}/signup`), link: l(link) }, o)
		),
	promoted: (to: string, m: Meeting, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_promoted_subject({ code: m.code }, o),
			(o, l) => msg.srv_reg_promoted_text({ meeting: name(m), link: l(link) }, o)
		),
	approved: (to: string, m: Meeting, link: string, calendar: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_approved_subject({ code: m.code }, o),
			// The calendar file is the same in every language: its link stays as it is.
			(o, l) => msg.srv_reg_approved_text({ meeting: name(m), link: l(link), calendar }, o)
		),
	cancelled: (to: string, m: Meeting, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_cancelled_subject({ code: m.code }, o),
			(o, l) => msg.srv_reg_cancelled_text({ meeting: name(m), link: l(link) }, o)
		),
	confirmMember: (to: string, m: Meeting, who: string, org: string, link: string, forIsu = false): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_confirm_member_subject({ code: m.code, org }, o),
			(o, l) =>
				msg.srv_reg_confirm_member_text(
					{
						intro: forIsu ? msg.srv_reg_confirm_member_isu({ org }, o) : msg.srv_reg_confirm_member_fp({}, o),
						link: l(link),
						name: quoted(who, 201),
						note: quotedNote(o.locale)
					},
					o
				)
		),
	memberConfirmed: (to: string, m: Meeting, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_member_confirmed_subject({ code: m.code }, o),
			(o, l) => msg.srv_reg_member_confirmed_text({ meeting: name(m), link: l(link) }, o)
		),
	releasedUnconfirmed: (to: string, m: Meeting, days: number, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_released_subject({ code: m.code }, o),
			(o, l) => msg.srv_reg_released_text({ meeting: name(m), days, link: l(link) }, o)
		),
	rejected: (to: string, m: Meeting, reason: string, sponsorship: 'submitted' | 'offered' | 'accepted' | null = null, sponsorshipLink = ''): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_reg_rejected_subject({ code: m.code }, o),
			(o, l) => {
				const sp = !sponsorship
					? ''
					: `${(sponsorship === 'submitted' ? msg.srv_reg_rejected_sp_submitted : sponsorship === 'accepted' ? msg.srv_reg_rejected_sp_accepted : msg.srv_reg_rejected_sp_offered)({ link: l(sponsorshipLink) }, o)}\n\n`;
				return msg.srv_reg_rejected_text({ meeting: name(m), reason, sponsorship: sp }, o);
			}
		),
	visaIssued: (to: string, m: Meeting, reference: string, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_visa_issued_subject({ code: m.code }, o),
			(o, l) => msg.srv_visa_issued_text({ reference, meeting: name(m), link: l(link) }, o)
		),
	visaRefused: (to: string, m: Meeting, reference: string, reason: string, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_visa_refused_subject({ code: m.code }, o),
			(o, l) => msg.srv_visa_refused_text({ reference, meeting: name(m), reason, link: l(link) }, o)
		),
	credentialsDecision: (to: string, d: { code: string; title: string; organization: string }, refusedFor: string | null, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => (refusedFor === null ? msg.srv_cred_accepted_subject : msg.srv_cred_refused_subject)({ code: d.code, org: d.organization }, o),
			(o, l) =>
				refusedFor === null
					? msg.srv_cred_accepted_text({ org: d.organization, meeting: name(d), link: l(link) }, o)
					: msg.srv_cred_refused_text({ org: d.organization, meeting: name(d), reason: refusedFor, link: l(link) }, o)
		),
	// To the ISU's address: in the language of the account that has it, English when none has.
	isuSubmitted: (to: string, m: Meeting, org: string, members: number, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_isu_submitted_subject({ code: m.code, org }, o),
			(o, l) =>
				members === 1
					? msg.srv_isu_submitted_one({ org, meeting: name(m), link: l(link) }, o)
					: msg.srv_isu_submitted_other({ org, meeting: name(m), n: members, link: l(link) }, o)
		),
	isuCredentials: (to: string, m: Meeting, org: string, replaced: boolean, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => (replaced ? msg.srv_isu_cred_replaced_subject : msg.srv_isu_cred_uploaded_subject)({ code: m.code, org }, o),
			(o, l) => (replaced ? msg.srv_isu_cred_replaced_text : msg.srv_isu_cred_uploaded_text)({ org, meeting: name(m), link: l(link) }, o)
		),
	isuVisaRequest: (to: string, m: Meeting, reference: string, link: string): LocalizedMail =>
		toPerson(
			to,
			(o) => msg.srv_isu_visa_subject({ code: m.code, reference }, o),
			(o, l) => msg.srv_isu_visa_text({ meeting: name(m), link: l(link) }, o)
		)
};
