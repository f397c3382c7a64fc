import type { Mail } from '../mail';
import type { Meeting } from '../db';
import { formatChf } from './allocation';
import { formatInZone } from '../../dates';
import { QUOTED_TEXT_NOTE, quoted } from '../mail';

export interface OfferCost {
	airfare: number;
	dsa: number;
	nights: number;
	total: number;
}

/** The offer's money, line by line, as the mail and the applicant's page show it. */
export function offerLines(c: OfferCost): string[] {
	return [
		`Economy airfare: ${formatChf(c.airfare)}`,
		`Daily subsistence allowance: ${formatChf(c.dsa)} × ${c.nights} ${c.nights === 1 ? 'night' : 'nights'} = ${formatChf(c.dsa * c.nights)}`,
		`Total: ${formatChf(c.total)}`
	];
}

export const NEXT_STEPS =
	'What happens next, once you accept: the programme books your economy ticket and sends it to you; apply for your visa early (a letter of invitation is available from your registration); the allowance is paid on arrival; as a sponsored delegate you are expected to deliver your statement to the meeting.';

const SIGNATURE = '\n\n-- \nImplementation Support Unit, Convention on Cluster Munitions';

export const sponsorshipMails = {
	submitted: (to: string, m: Meeting, link: string, hasFocalPoint = true): Mail => ({
		to,
		subject: `${m.code}: sponsorship application received`,
		text: `We have received your application for sponsorship to attend the ${m.code}. ${hasFocalPoint ? 'Your focal point is asked to endorse it' : 'Your state has no focal point registered with us, so the ISU decides on its endorsement'}; the ISU then ranks applications against the Coordination Committee's criteria and makes offers within the budget.\n\nFollow it here: ${link}${SIGNATURE}`
	}),
	isuNoFocalPoint: (to: string, m: Meeting, state: string, name: string, link: string): Mail => ({
		to,
		subject: `${m.code}: sponsorship application from ${state}, which has no focal point`,
		text: `A delegate of ${state} applied for sponsorship to attend the ${m.code}. ${state} has no focal point, so nobody else can endorse it: endorse it (or not) on the state's behalf, with a reason, here:\n\n${link}\n\nName of the applicant (as they entered it): ${quoted(name, 201)}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	endorsedByIsu: (to: string, m: Meeting, endorsed: boolean, reason: string, link: string): Mail => ({
		to,
		subject: `${m.code}: your sponsorship application was ${endorsed ? 'endorsed' : 'not endorsed'}`,
		text: `Your state has no focal point, so the ISU decided on the endorsement of your application for sponsorship to attend the ${m.code}: ${endorsed ? 'endorsed' : 'not endorsed'}.\n\nReason: ${quoted(reason, 501)}\n\nThe ISU ranks applications against the Coordination Committee's criteria once applications close and makes offers within the budget. Follow it here: ${link}${SIGNATURE}`
	}),
	answerReceived: (to: string, m: Meeting, accepted: boolean, link: string): Mail => ({
		to,
		subject: `${m.code}: ${accepted ? 'you accepted the offer of sponsorship' : 'you declined the offer of sponsorship'}`,
		text: accepted
			? `Thank you: you have accepted sponsorship to attend the ${m.code}. Next steps: the ISU books your economy ticket and writes to you with it; apply for your visa now if you need one (a letter of invitation is available from your registration); the daily subsistence allowance is paid on arrival. If you can no longer come, cancel your registration so the money goes to the next applicant.\n\n${link}${SIGNATURE}`
			: `You have declined sponsorship to attend the ${m.code}. The offer goes to the next applicant. Your registration is unchanged.\n\n${link}${SIGNATURE}`
	}),
	isuAnswer: (to: string, m: Meeting, name: string, state: string, accepted: boolean, link: string): Mail => ({
		to,
		subject: `${m.code}: offer of sponsorship ${accepted ? 'accepted' : 'declined'} (${state})`,
		text: `${quoted(name, 201)} of ${state} ${accepted ? 'accepted' : 'declined'} the offer of sponsorship to attend the ${m.code}.${accepted ? ' Book the ticket.' : ' The money has gone back to the budget and the next in line were offered it.'}\n\n${link}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	isuCancelled: (to: string, m: Meeting, name: string, state: string, status: string, link: string): Mail => ({
		to,
		subject: `${m.code}: a sponsored delegate of ${state} cancelled`,
		text: `${quoted(name, 201)} of ${state} cancelled their registration for the ${m.code} while their sponsorship was ${status}. The money is released and offered to the next in line by the allocation rules.\n\n${link}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	endorse: (to: string, m: Meeting, name: string, link: string): Mail => ({
		to,
		subject: `${m.code}: a sponsorship application awaits your endorsement`,
		text: `A member of your delegation has applied for sponsorship to attend the ${m.code}. Please endorse the application (or not) on your delegation page:\n\n${link}\n\nName of the applicant (as they entered it): ${quoted(name, 201)}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	offer: (to: string, m: Meeting, cost: OfferCost, deadline: string, link: string): Mail => ({
		to,
		subject: `${m.code}: offer of sponsorship`,
		text: `We are pleased to offer you sponsorship to attend the ${m.code}:\n\n${offerLines(cost).join('\n')}\n\nPlease accept or decline by ${formatInZone(deadline, m.time_zone)}: ${link}\n\nIf you do not answer by then, the offer lapses and goes to the next applicant.\n\n${NEXT_STEPS}${SIGNATURE}`
	})
};
