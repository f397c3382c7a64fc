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
