import type { Mail } from '../mail';
import type { Meeting } from '../db';
import { formatChf } from './allocation';
import { formatInZone } from '../../dates';
import { QUOTED_TEXT_NOTE, quoted } from '../mail';

const SIGNATURE = '\n\n-- \nImplementation Support Unit, Convention on Cluster Munitions';

export const sponsorshipMails = {
	submitted: (to: string, m: Meeting, link: string): Mail => ({
		to,
		subject: `${m.code}: sponsorship application received`,
		text: `We have received your application for sponsorship to attend the ${m.code}. Your focal point is asked to endorse it; the ISU then ranks applications against the Coordination Committee's criteria and makes offers within the budget.\n\nFollow it here: ${link}${SIGNATURE}`
	}),
	endorse: (to: string, m: Meeting, name: string, link: string): Mail => ({
		to,
		subject: `${m.code}: a sponsorship application awaits your endorsement`,
		text: `A member of your delegation has applied for sponsorship to attend the ${m.code}. Please endorse the application (or not) on your delegation page:\n\n${link}\n\nName of the applicant (as they entered it): ${quoted(name, 201)}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	offer: (to: string, m: Meeting, cost: number, deadline: string, link: string): Mail => ({
		to,
		subject: `${m.code}: offer of sponsorship`,
		text: `We are pleased to offer you sponsorship to attend the ${m.code}: an economy airfare and the daily subsistence allowance, in all ${formatChf(cost)}.\n\nPlease accept or decline by ${formatInZone(deadline, m.time_zone)}: ${link}\n\nIf you do not answer by then, the offer lapses and goes to the next applicant.${SIGNATURE}`
	})
};
