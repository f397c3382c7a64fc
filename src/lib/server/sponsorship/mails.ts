import type { LocalizedMail } from '../mail';
import type { Meeting } from '../db';
import { formatChf } from './allocation';
import { formatInZone } from '../../dates';
import { quoted, localLink, isuSignature, quotedNote } from '../mail';
import { currentLocale, type Locale } from '$lib/i18n';
import { m as msg } from '$lib/paraglide/messages';

export interface OfferCost {
	airfare: number;
	dsa: number;
	nights: number;
	total: number;
}

/** The offer's money, line by line, as the mail and the applicant's page show it. */
export function offerLines(c: OfferCost, locale: Locale = currentLocale()): string[] {
	const o = { locale };
	const dsa = { dsa: formatChf(c.dsa, locale), nights: c.nights, amount: formatChf(c.dsa * c.nights, locale) };
	return [
		msg.srv_sp_airfare({ amount: formatChf(c.airfare, locale) }, o),
		c.nights === 1 ? msg.srv_sp_dsa_one(dsa, o) : msg.srv_sp_dsa_other(dsa, o),
		msg.srv_sp_total({ amount: formatChf(c.total, locale) }, o)
	];
}

export const nextSteps = (locale: Locale = currentLocale()) => msg.srv_sp_next_steps({}, { locale });

/** A message to an applicant or focal point, in their language. */
function toPerson(to: string, render: (o: { locale: Locale }, link: (url: string) => string) => { subject: string; text: string }): LocalizedMail {
	return {
		to,
		render: (locale) => {
			const r = render({ locale }, (url) => localLink(url, locale));
			return { subject: r.subject, text: r.text + isuSignature(locale) };
		}
	};
}

export const sponsorshipMails = {
	submitted: (to: string, m: Meeting, link: string, hasFocalPoint = true): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: msg.srv_sp_submitted_subject({ code: m.code }, o),
			text: (hasFocalPoint ? msg.srv_sp_submitted_fp : msg.srv_sp_submitted_no_fp)({ code: m.code, link: l(link) }, o)
		})),
	isuNoFocalPoint: (to: string, m: Meeting, state: string, name: string, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: msg.srv_isu_no_fp_subject({ code: m.code, state }, o),
			text: msg.srv_isu_no_fp_text({ state, code: m.code, link: l(link), name: quoted(name, 201), note: quotedNote(o.locale) }, o)
		})),
	endorsedByIsu: (to: string, m: Meeting, endorsed: boolean, reason: string, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: (endorsed ? msg.srv_sp_endorsed_subject : msg.srv_sp_not_endorsed_subject)({ code: m.code }, o),
			text: (endorsed ? msg.srv_sp_endorsed_text : msg.srv_sp_not_endorsed_text)({ code: m.code, reason: quoted(reason, 501), link: l(link) }, o)
		})),
	answerReceived: (to: string, m: Meeting, accepted: boolean, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: (accepted ? msg.srv_sp_accepted_subject : msg.srv_sp_declined_subject)({ code: m.code }, o),
			text: (accepted ? msg.srv_sp_accepted_text : msg.srv_sp_declined_text)({ code: m.code, link: l(link) }, o)
		})),
	isuAnswer: (to: string, m: Meeting, name: string, state: string, accepted: boolean, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: (accepted ? msg.srv_isu_answer_accepted_subject : msg.srv_isu_answer_declined_subject)({ code: m.code, state }, o),
			text: (accepted ? msg.srv_isu_answer_accepted_text : msg.srv_isu_answer_declined_text)(
				{ name: quoted(name, 201), state, code: m.code, link: l(link), note: quotedNote(o.locale) },
				o
			)
		})),
	isuCancelled: (to: string, m: Meeting, name: string, state: string, status: string, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: msg.srv_isu_cancelled_subject({ code: m.code, state }, o),
			text: msg.srv_isu_cancelled_text({ name: quoted(name, 201), state, code: m.code, status, link: l(link), note: quotedNote(o.locale) }, o)
		})),
	endorse: (to: string, m: Meeting, name: string, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: msg.srv_sp_endorse_subject({ code: m.code }, o),
			text: msg.srv_sp_endorse_text({ code: m.code, link: l(link), name: quoted(name, 201), note: quotedNote(o.locale) }, o)
		})),
	offer: (to: string, m: Meeting, cost: OfferCost, deadline: string, link: string): LocalizedMail =>
		toPerson(to, (o, l) => ({
			subject: msg.srv_sp_offer_subject({ code: m.code }, o),
			text: msg.srv_sp_offer_text(
				{
					code: m.code,
					lines: offerLines(cost, o.locale).join('\n'),
					deadline: formatInZone(deadline, m.time_zone, o.locale),
					link: l(link),
					next: nextSteps(o.locale)
				},
				o
			)
		}))
};
