import type { Mail } from '../mail';
import type { Meeting, Registration } from '../db';
import { QUOTED_TEXT_NOTE, quoted } from '../mail';

const SIGNATURE = '\n\n-- \nImplementation Support Unit, Convention on Cluster Munitions';
const name = (m: Pick<Meeting, 'code' | 'title'>) => `${m.code} (${m.title})`;

export const regMails = {
	received: (to: string, m: Meeting, r: Registration, link: string): Mail => ({
		to,
		subject: r.status === 'waitlisted' ? `${m.code}: you are on the waiting list` : `${m.code}: registration received`,
		text:
			r.status === 'waitlisted'
				? `The ${name(m)} is full, so your registration is on the waiting list. If a place frees up it is given to the waiting list in order of registration, and we will write to you.\n\nYour registration: ${link}${SIGNATURE}`
				: r.unconfirmed_since
					? `We have received your registration for the ${name(m)}. Your delegation's focal point (or the ISU, if there is none) first confirms you as a member; your place is held for 7 days meanwhile. The ISU then reviews it and writes to you when it is approved.\n\nSee, change or cancel it here: ${link}${SIGNATURE}`
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
	approved: (to: string, m: Meeting, link: string, calendar: string): Mail => ({
		to,
		subject: `${m.code}: registration approved`,
		text: `Your registration for the ${name(m)} is approved. Download your badge from your registration page and bring it with an identity document:\n\n${link}\n\nAdd the meeting to your calendar: ${calendar}${SIGNATURE}`
	}),
	cancelled: (to: string, m: Meeting, link: string): Mail => ({
		to,
		subject: `${m.code}: registration cancelled`,
		text: `Your registration for the ${name(m)} is cancelled; your place has been given on. If this is a mistake, register again (a place is given if one is free):\n\n${link}${SIGNATURE}`
	}),
	confirmMember: (to: string, m: Meeting, who: string, org: string, link: string, forIsu = false): Mail => ({
		to,
		subject: `${m.code}: confirm a new member of the delegation of ${org}`,
		text: `${forIsu ? `Someone has registered themself in the delegation of ${org}, which has no focal point: the ISU confirms them or not.` : `Someone has registered themself in your delegation.`} Until confirmed they cannot be head of delegation, speak for the delegation or have a sponsorship application counted, and their place is held for 7 days only.\n\nConfirm them (or not) here: ${link}\n\nName (as they entered it): ${quoted(who, 201)}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	memberConfirmed: (to: string, m: Meeting, link: string): Mail => ({
		to,
		subject: `${m.code}: you are confirmed as a member of your delegation`,
		text: `Your membership of the delegation to the ${name(m)} is confirmed. The ISU will now review your registration.\n\n${link}${SIGNATURE}`
	}),
	releasedUnconfirmed: (to: string, m: Meeting, days: number, link: string): Mail => ({
		to,
		subject: `${m.code}: your registration was released`,
		text: `Your registration for the ${name(m)} was not confirmed by your delegation's focal point or the ISU within ${days} days, so its place has been given on. Ask your focal point to register you:\n\n${link}${SIGNATURE}`
	}),
	rejected: (to: string, m: Meeting, reason: string, sponsorship: 'submitted' | 'offered' | 'accepted' | null = null, sponsorshipLink = ''): Mail => ({
		to,
		subject: `${m.code}: registration not accepted`,
		text: `Your registration for the ${name(m)} was not accepted, for this reason:\n\n${reason}\n\n${
			sponsorship === 'submitted'
				? `Your sponsorship application is withdrawn with it. You can still see it here: ${sponsorshipLink}\n\n`
				: sponsorship
					? `The sponsorship ${sponsorship === 'accepted' ? 'you accepted' : 'offered to you'} is withdrawn with it: the programme will not book or pay your travel. You can still see your application here: ${sponsorshipLink}\n\n`
					: ''
		}Reply to the ISU if you think this is a mistake.${SIGNATURE}`
	}),
	isuSubmitted: (to: string, m: Meeting, org: string, members: number, link: string): Mail => ({
		to,
		subject: `${m.code}: ${org} submitted its delegation`,
		text: `The focal point of ${org} submitted its delegation to the ${name(m)} (${members} ${members === 1 ? 'member' : 'members'}). Review it and its credentials here:\n\n${link}${SIGNATURE}`
	}),
	isuCredentials: (to: string, m: Meeting, org: string, replaced: boolean, link: string): Mail => ({
		to,
		subject: `${m.code}: credentials of ${org} ${replaced ? 'replaced' : 'uploaded'}`,
		text: `The focal point of ${org} ${replaced ? 'replaced the' : 'uploaded a'} credentials letter for the ${name(m)}. Open it and accept or refuse it here:\n\n${link}${SIGNATURE}`
	}),
	isuVisaRequest: (to: string, m: Meeting, reference: string, link: string): Mail => ({
		to,
		subject: `${m.code}: a letter of invitation (${reference}) waits for approval`,
		text: `A letter of invitation for visa purposes was requested for the ${name(m)}. Approve or refuse it here:\n\n${link}${SIGNATURE}`
	}),
	visaIssued: (to: string, m: Meeting, reference: string, link: string): Mail => ({
		to,
		subject: `${m.code}: your letter of invitation is ready`,
		text: `The ISU approved the letter of invitation for visa purposes ${reference} for the ${name(m)}. Download it here:\n\n${link}${SIGNATURE}`
	}),
	visaRefused: (to: string, m: Meeting, reference: string, reason: string, link: string): Mail => ({
		to,
		subject: `${m.code}: letter of invitation not issued`,
		text: `The ISU did not issue the letter of invitation ${reference} for the ${name(m)}, for this reason:\n\n${reason}\n\nYou may correct the details and ask again here: ${link}${SIGNATURE}`
	})
};
