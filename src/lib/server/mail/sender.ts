import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { MINUTE, nowIso } from '../time';
import { outboxAttachments } from './outbox';

export const MAX_ATTEMPTS = 6;

/** Wait before retry n (1-based): 1, 2, 4, 8, 16 minutes. */
export function retryDelay(attempt: number): number {
	return Math.min(2 ** (attempt - 1), 16) * MINUTE;
}

export interface Transport {
	sendMail(msg: {
		from: string;
		to: string;
		subject: string;
		text: string;
		attachments?: { filename: string; contentType: string; content: string }[];
		/** Content-Language: the language the message is written in (nodemailer passes headers through). */
		headers?: Record<string, string>;
	}): Promise<unknown>;
}

/**
 * Sends what is due, one message at a time, and records each result. On one SQLite process
 * nothing else claims rows; on PostgreSQL with several processes the claim is guarded by status.
 */
export async function sendDueMail(db: Kysely<Database>, transport: Transport, from: string, limit = 20): Promise<number> {
	const due = await db
		.selectFrom('outbox')
		.selectAll()
		.where('status', '=', 'queued')
		.where('next_attempt_at', '<=', nowIso())
		.orderBy('id')
		.limit(limit)
		.execute();
	let sent = 0;
	for (const m of due) {
		// Claim: push next_attempt_at forward so a second process skips it while we send.
		const claim = await db
			.updateTable('outbox')
			.set({ next_attempt_at: new Date(Date.now() + 5 * MINUTE).toISOString() })
			.where('id', '=', m.id)
			.where('status', '=', 'queued')
			.where('next_attempt_at', '=', m.next_attempt_at)
			.executeTakeFirst();
		if (Number(claim.numUpdatedRows) !== 1) continue;
		const attempts = m.attempts + 1;
		try {
			const attachments = await outboxAttachments(db, m.id);
			await transport.sendMail({
				from,
				to: m.to_address,
				subject: m.subject,
				text: m.body_text,
				headers: { 'Content-Language': m.locale },
				...(attachments.length ? { attachments } : {})
			});
			// A secret message's link is the recipient's alone: once delivered, its text is not kept.
			await db
				.updateTable('outbox')
				.set({ status: 'sent', attempts, sent_at: nowIso(), last_error: null, ...(m.secret ? { body_text: '' } : {}) })
				.where('id', '=', m.id)
				.execute();
			sent++;
		} catch (e) {
			const failed = attempts >= MAX_ATTEMPTS;
			await db
				.updateTable('outbox')
				.set({
					status: failed ? 'failed' : 'queued',
					attempts,
					last_error: String(e instanceof Error ? e.message : e).slice(0, 1000),
					next_attempt_at: failed ? null : new Date(Date.now() + retryDelay(attempts)).toISOString(),
					...(failed && m.secret ? { body_text: '' } : {})
				})
				.where('id', '=', m.id)
				.execute();
		}
	}
	return sent;
}

/** The SMTP transport when SMTP_URL is set; without it the outbox is read by staff. The scheduler's mail job sends. */
export function smtpSender(env: NodeJS.ProcessEnv = process.env): { transport: Transport; from: string } | null {
	if (!env.SMTP_URL) return null;
	return { transport: nodemailer.createTransport(env.SMTP_URL), from: env.MAIL_FROM ?? 'CCM Meetings <no-reply@localhost>' };
}
