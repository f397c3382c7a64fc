import { sql, type Kysely } from 'kysely';
import { prepared, containsText } from '../db';
import type { Database, OutboxMessage } from '../db';
import { nowIso } from '../time';
import { isLocale, type Locale } from '$lib/i18n';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** Its link lets the holder into an account (reset, invitation, confirmation): only the recipient may read it. */
	secret?: boolean;
	/** Small text files sent with it, e.g. a meeting's .ics (kept in outbox_attachments). */
	attachments?: MailAttachment[];
	/** The language it is written in (English unless said). */
	locale?: Locale;
}

/**
 * A message written in its recipient's language: `render` is called with the language of the account that has the
 * address (English for an address with no account, e.g. ISU_EMAIL), unless `locale` says which.
 */
export interface LocalizedMail extends Omit<Mail, 'subject' | 'text'> {
	render: (locale: Locale) => { subject: string; text: string };
}

/** The language of the account with this address; English when there is none. */
const localeByEmail = prepared((db, email: string) => db.selectFrom('users').select('locale').where('email', '=', email));

export async function recipientLocale(db: Kysely<Database>, to: string): Promise<Locale> {
	const row = await localeByEmail.first(db, to.trim().toLowerCase());
	return isLocale(row?.locale) ? row.locale : 'en';
}

/** A localized message written out in its recipient's language. */
export async function renderMail(db: Kysely<Database>, mail: Mail | LocalizedMail): Promise<Mail> {
	if (!('render' in mail)) return mail;
	const { render, ...rest } = mail;
	const locale = mail.locale ?? (await recipientLocale(db, mail.to));
	return { ...rest, ...render(locale), locale };
}

export interface MailAttachment {
	filename: string;
	contentType: string;
	content: string;
}

const insertMail = prepared((db, to: string, subject: string, text: string, secret: number, now: string, locale: string) =>
	db
		.insertInto('outbox')
		.values({
			to_address: to,
			subject,
			body_text: text,
			secret,
			status: sql.lit('queued'),
			attempts: sql.lit(0),
			last_error: null,
			next_attempt_at: now,
			created_at: now,
			sent_at: null,
			locale
		})
		.returning('id')
);

/** Every message goes here first; the sender (when SMTP_URL is set) delivers it later. */
export async function queueMail(db: Kysely<Database>, message: Mail | LocalizedMail): Promise<number> {
	const mail = await renderMail(db, message);
	const row = await insertMail.first(db, mail.to, mail.subject, mail.text, mail.secret ? 1 : 0, nowIso(), mail.locale ?? 'en');
	if (!row) throw new Error('the queued message was not returned');
	if (mail.attachments?.length)
		await db
			.insertInto('outbox_attachments')
			.values(mail.attachments.map((a) => ({ outbox_id: row.id, filename: a.filename, content_type: a.contentType, content: a.content })))
			.execute();
	return row.id;
}

export interface OutboxFilter {
	to?: string;
	status?: string;
	page?: number;
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: Kysely<Database>, f: OutboxFilter = {}): Promise<{ rows: OutboxMessage[]; total: number }> {
	let q = db.selectFrom('outbox');
	if (f.to) q = q.where(containsText('to_address', f.to));
	if (f.status) q = q.where('status', '=', f.status as OutboxMessage['status']);
	const page = Math.max(1, f.page ?? 1);
	const [rows, count] = await Promise.all([
		q
			.selectAll()
			.orderBy('id', 'desc')
			.limit(OUTBOX_PAGE_SIZE)
			.offset((page - 1) * OUTBOX_PAGE_SIZE)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** The files queued with a message, for the sender and for staff reading the outbox. */
export function outboxAttachments(db: Kysely<Database>, outboxId: number): Promise<MailAttachment[]> {
	return db
		.selectFrom('outbox_attachments')
		.select(['filename', 'content_type as contentType', 'content'])
		.where('outbox_id', '=', outboxId)
		.orderBy('id')
		.execute();
}

export function getOutboxMessage(db: Kysely<Database>, id: number): Promise<OutboxMessage | undefined> {
	return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export const MASKED_LINK = '[link hidden: only the recipient can use it]';

/**
 * A message as staff may read it. Without SMTP_URL nothing is sent and the outbox is how mail is read (a laptop trying
 * the app), so it is shown whole. With it, a secret message's links are masked: another staff member holding a
 * password-reset link could take the account over. The text of a secret message is deleted once sent (see sender.ts).
 */
export function forStaff(m: OutboxMessage, smtp: boolean): OutboxMessage & { masked: boolean } {
	if (!smtp || !m.secret) return { ...m, masked: false };
	return { ...m, body_text: m.body_text.replace(/\bhttps?:\/\/\S+/gi, MASKED_LINK), masked: true };
}
