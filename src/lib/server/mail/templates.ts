import type { Role } from '../db';
import type { LocalizedMail, Mail } from './outbox';
import { quoted } from './quote';
import { localizeHref, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** Every message ends with who wrote it, in the recipient's language. */
export const signature = (locale: Locale) => `\n\n-- \n${m.srv_signature({}, { locale })}`;
export const isuSignature = (locale: Locale) => `\n\n-- \n${m.srv_signature_isu({}, { locale })}`;

/** The note under text a person typed, in the recipient's language. */
export const quotedNote = (locale: Locale) => m.srv_quoted_note({}, { locale });

/** A link of this app (absolute) to the recipient's language: `https://x/verify/t` → `https://x/fr/verify/t`. */
export function localLink(link: string, locale: Locale): string {
	const start = /^https?:\/\/[^/]+/i.exec(link);
	if (!start) return link.startsWith('/') ? localizeHref(link, locale) : link;
	const rest = link.slice(start[0].length) || '/';
	return start[0] + localizeHref(rest, locale);
}

/** A role as a sentence names it, in a language. */
export function roleName(role: Role, locale: Locale): string {
	const o = { locale };
	return {
		staff: m.srv_role_staff({}, o),
		cc_member: m.srv_role_cc_member({}, o),
		focal_point: m.srv_role_focal_point({}, o),
		delegate: m.srv_role_delegate({}, o)
	}[role];
}

function waitingLine(w: { kind: 'signups' | 'applications'; n: number }, locale: Locale): string {
	const o = { locale };
	if (w.kind === 'signups') return w.n === 1 ? m.srv_appointed_signups_one({}, o) : m.srv_appointed_signups_other({ n: w.n }, o);
	return w.n === 1 ? m.srv_appointed_applications_one({}, o) : m.srv_appointed_applications_other({ n: w.n }, o);
}

export const mails = {
	verifyEmail: (to: string, link: string, locale?: Locale): LocalizedMail => ({
		to,
		secret: true,
		locale,
		render: (l) => ({
			subject: m.srv_verify_subject({}, { locale: l }),
			text: m.srv_verify_text({ link: localLink(link, l) }, { locale: l }) + signature(l)
		})
	}),
	alreadyRegistered: (to: string, loginLink: string, resetLink: string): LocalizedMail => ({
		to,
		render: (l) => ({
			subject: m.srv_already_subject({}, { locale: l }),
			text: m.srv_already_text({ login: localLink(loginLink, l), reset: localLink(resetLink, l) }, { locale: l }) + signature(l)
		})
	}),
	resetPassword: (to: string, link: string): LocalizedMail => ({
		to,
		secret: true,
		render: (l) => ({
			subject: m.srv_reset_subject({}, { locale: l }),
			text: m.srv_reset_text({ link: localLink(link, l) }, { locale: l }) + signature(l)
		})
	}),
	passwordChanged: (to: string): LocalizedMail => ({
		to,
		render: (l) => ({ subject: m.srv_pw_changed_subject({}, { locale: l }), text: m.srv_pw_changed_text({}, { locale: l }) + signature(l) })
	}),
	/** To the new address, which has no account yet: in the language of the account it is for. */
	confirmNewEmail: (to: string, link: string, locale?: Locale): LocalizedMail => ({
		to,
		secret: true,
		locale,
		render: (l) => ({
			subject: m.srv_new_email_subject({}, { locale: l }),
			text: m.srv_new_email_text({ link: localLink(link, l) }, { locale: l }) + signature(l)
		})
	}),
	emailChangeRequested: (to: string, newEmail: string): LocalizedMail => ({
		to,
		render: (l) => ({
			subject: m.srv_email_change_subject({}, { locale: l }),
			text: m.srv_email_change_text({ address: quoted(newEmail, 254), note: quotedNote(l) }, { locale: l }) + signature(l)
		})
	}),
	/** A new focal point: what already waits for them, each with the page where they act. */
	appointedFocalPoint: (to: string, org: string, waiting: { code: string; kind: 'signups' | 'applications'; n: number; link: string }[]): LocalizedMail => ({
		to,
		render: (l) => ({
			subject: m.srv_appointed_subject({ org }, { locale: l }),
			text: `${m.srv_appointed_text({ org }, { locale: l })}\n\n${
				waiting.length
					? `${m.srv_appointed_waiting({}, { locale: l })}\n${waiting.map((w) => `- ${w.code}: ${waitingLine(w, l)}\n  ${localLink(w.link, l)}`).join('\n')}`
					: m.srv_appointed_nothing({}, { locale: l })
			}${signature(l)}`
		})
	}),
	/** ISU_NOTIFICATIONS=daily: the day's notifications in one mail, each with its own link as it was written. */
	isuDigest: (to: string, day: string, items: { subject: string; body_text: string; created_at: string }[]): Mail => ({
		to,
		subject: `CCM Meetings: ${items.length} ${items.length === 1 ? 'notification' : 'notifications'} for the ISU (${day})`,
		text: `What happened since the last digest, oldest first. Each item says where to act.\n\n${items
			.map((it, i) => `${i + 1}. ${it.subject} (${it.created_at.slice(0, 16).replace('T', ' ')} UTC)\n${it.body_text.split('\n\n-- \n')[0].trim()}`)
			.join('\n\n----------\n\n')}${signature('en')}`
	}),
	invite: (to: string, role: Role, link: string): LocalizedMail => ({
		to,
		secret: true,
		render: (l) => ({
			subject: m.srv_invite_subject({}, { locale: l }),
			text: m.srv_invite_text({ role: roleName(role, l), link: localLink(link, l) }, { locale: l }) + signature(l)
		})
	})
};
