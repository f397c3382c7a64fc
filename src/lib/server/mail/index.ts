// The mail area's front door: every message goes to the outbox first (queueMail, in the caller's transaction); the
// sender delivers it when SMTP_URL is set.
import { bindDb } from '../db';
import * as outbox from './outbox';
import * as isuDigest from './isu-digest';

export type { Mail, LocalizedMail, MailAttachment, OutboxFilter } from './outbox';
export type { OutboxMessage, OutboxStatus } from '../db';
export { OUTBOX_PAGE_SIZE, forStaff } from './outbox';
export { mails, localLink, signature, isuSignature, quotedNote, roleName } from './templates';
export { quoted, QUOTED_TEXT_NOTE } from './quote';

/** For other areas: may a mail anyone can trigger go to this recipient, asked from this client address? */
export { mayMail } from './throttle';
export { smtpSender, sendDueMail, retryDelay, MAX_ATTEMPTS, type Transport } from './sender';

/** For other areas: queue a message with their database or transaction. */
export { queueMail, recipientLocale } from './outbox';

// Reads for the staff outbox pages.
export const listOutbox = bindDb(outbox.listOutbox);
export const getOutboxMessage = bindDb(outbox.getOutboxMessage);
export const outboxAttachments = bindDb(outbox.outboxAttachments);

/** The ISU's one address for hand-offs (ISU_EMAIL, else the staff account's STAFF_EMAIL). */
export function isuAddress(env: NodeJS.ProcessEnv = process.env): string {
	return (env.ISU_EMAIL ?? env.STAFF_EMAIL ?? 'isu-staff@example.org').toLowerCase();
}

/** For other areas: a notification to the ISU, one mail each or kept for the daily digest (ISU_NOTIFICATIONS). */
export { notifyIsu, isuNotifications, DIGEST_HOUR_UTC, DIGEST_MAX_ITEMS, type IsuNotifications } from './isu-digest';
/** For the scheduler: the ISU's daily digest, once a day. */
export function sendIsuDigest(db: Parameters<typeof isuDigest.sendIsuDigest>[0], now?: Date): ReturnType<typeof isuDigest.sendIsuDigest> {
	return isuDigest.sendIsuDigest(db, isuAddress(), now);
}
