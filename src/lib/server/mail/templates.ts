import type { Mail } from './outbox';
import { QUOTED_TEXT_NOTE, quoted } from './quote';

const SIGNATURE = '\n\n-- \nCCM Meetings, Implementation Support Unit of the Convention on Cluster Munitions';

export const mails = {
	verifyEmail: (to: string, link: string): Mail => ({
		to,
		secret: true,
		subject: 'Confirm your e-mail address for CCM Meetings',
		text: `Please confirm your e-mail address by opening this link within 48 hours:\n\n${link}\n\nIf you did not create an account, ignore this message.${SIGNATURE}`
	}),
	alreadyRegistered: (to: string, loginLink: string, resetLink: string): Mail => ({
		to,
		subject: 'You already have a CCM Meetings account',
		text: `Someone (probably you) tried to create an account with this address, which already has one.\n\nLog in: ${loginLink}\nForgot your password? ${resetLink}${SIGNATURE}`
	}),
	resetPassword: (to: string, link: string): Mail => ({
		to,
		secret: true,
		subject: 'Reset your CCM Meetings password',
		text: `To choose a new password, open this link within one hour:\n\n${link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.${SIGNATURE}`
	}),
	passwordChanged: (to: string): Mail => ({
		to,
		subject: 'Your CCM Meetings password was changed',
		text: `The password of your account was changed and every session was signed out.\nIf this was not you, reset your password at once and tell the ISU.${SIGNATURE}`
	}),
	confirmNewEmail: (to: string, link: string): Mail => ({
		to,
		secret: true,
		subject: 'Confirm your new e-mail address for CCM Meetings',
		text: `To use this address for your CCM Meetings account, open this link within 24 hours:\n\n${link}${SIGNATURE}`
	}),
	emailChangeRequested: (to: string, newEmail: string): Mail => ({
		to,
		subject: 'A change of your CCM Meetings e-mail address was requested',
		text: `A change of your account's e-mail address was requested. It takes effect only when confirmed from the new address.\nIf this was not you, change your password.\n\nNew address (as entered): ${quoted(newEmail, 254)}\n\n${QUOTED_TEXT_NOTE}${SIGNATURE}`
	}),
	/** A new focal point: what already waits for them, each with the page where they act. */
	appointedFocalPoint: (to: string, org: string, waiting: { code: string; what: string; link: string }[]): Mail => ({
		to,
		subject: `You are the focal point of ${org} in CCM Meetings`,
		text: `The Implementation Support Unit has made you the focal point of ${org}: you confirm the members of its delegations, name their heads, submit the delegations with their credentials and endorse sponsorship applications.\n\n${
			waiting.length ? `Already waiting for you:\n${waiting.map((w) => `- ${w.code}: ${w.what}\n  ${w.link}`).join('\n')}` : 'Nothing is waiting for you yet.'
		}${SIGNATURE}`
	}),
	/** ISU_NOTIFICATIONS=daily: the day's notifications in one mail, each with its own link as it was written. */
	isuDigest: (to: string, day: string, items: { subject: string; body_text: string; created_at: string }[]): Mail => ({
		to,
		subject: `CCM Meetings: ${items.length} ${items.length === 1 ? 'notification' : 'notifications'} for the ISU (${day})`,
		text: `What happened since the last digest, oldest first. Each item says where to act.\n\n${items
			.map((it, i) => `${i + 1}. ${it.subject} (${it.created_at.slice(0, 16).replace('T', ' ')} UTC)\n${it.body_text.split('\n\n-- \n')[0].trim()}`)
			.join('\n\n----------\n\n')}${SIGNATURE}`
	}),
	invite: (to: string, roleLabel: string, link: string): Mail => ({
		to,
		secret: true,
		subject: 'You are invited to CCM Meetings',
		text: `The Implementation Support Unit invites you to CCM Meetings as ${roleLabel}.\n\nSet your password within 14 days:\n\n${link}${SIGNATURE}`
	})
};
