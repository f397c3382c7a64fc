import type { Mail } from '../mail';
import type { Meeting, Registration } from '../db';

const SIGNATURE = '\n\n-- \nImplementation Support Unit, Convention on Cluster Munitions';
const name = (m: Pick<Meeting, 'code' | 'title'>) => `${m.code} (${m.title})`;

export const regMails = {
	received: (to: string, m: Meeting, r: Registration, link: string): Mail => ({
		to,
		subject: r.status === 'waitlisted' ? `${m.code}: you are on the waiting list` : `${m.code}: registration received`,
		text:
			r.status === 'waitlisted'
				? `The ${name(m)} is full, so your registration is on the waiting list. If a place frees up it is given to the waiting list in order of registration, and we will write to you.\n\nYour registration: ${link}${SIGNATURE}`
				: `We have received your registration for the ${name(m)}. The ISU will review it and write to you when it is approved.\n\nSee, change or cancel it here: ${link}${SIGNATURE}`
	}),
	addedToDelegation: (to: string, m: Meeting, link: string, origin: string): Mail => ({
		to,
		subject: `${m.code}: please confirm your details`,
		text: `Your focal point has registered you in your delegation to the ${name(m)}.\n\nPlease check and confirm your details. Log in (or create an account at ${origin}/signup with this e-mail address), then open:\n${link}${SIGNATURE}`
	}),
	promoted: (to: string, m: Meeting, link: string): Mail => ({
		to,
		subject: `${m.code}: a place is now yours`,
		text: `A place has become free at the ${name(m)} and it is now yours. Your registration is pending approval by the ISU.\n\n${link}${SIGNATURE}`
	}),
	approved: (to: string, m: Meeting, link: string): Mail => ({
		to,
		subject: `${m.code}: registration approved`,
		text: `Your registration for the ${name(m)} is approved. Download your badge from your registration page and bring it with an identity document:\n\n${link}${SIGNATURE}`
	}),
	rejected: (to: string, m: Meeting, reason: string): Mail => ({
		to,
		subject: `${m.code}: registration not accepted`,
		text: `Your registration for the ${name(m)} was not accepted, for this reason:\n\n${reason}\n\nReply to the ISU if you think this is a mistake.${SIGNATURE}`
	})
};
