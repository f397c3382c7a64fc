// The ISU's notifications, one mail each (ISU_NOTIFICATIONS=each, the default) or collected for one digest a day
// (daily). A collected notification is written in the caller's transaction, as a queued mail would be, so nothing is
// lost; the scheduler's job sends the digest.
import type { Db } from '../db';
import { nowIso } from '../time';
import { queueMail, renderMail, type LocalizedMail, type Mail } from './outbox';
import { mails } from './templates';

export type IsuNotifications = 'each' | 'daily';

export function isuNotifications(env: NodeJS.ProcessEnv = process.env): IsuNotifications {
	return env.ISU_NOTIFICATIONS?.trim().toLowerCase() === 'daily' ? 'daily' : 'each';
}

/** The digest goes at the first run of the job from this hour (UTC) each day. */
export const DIGEST_HOUR_UTC = 6;
/** Most notifications in one digest; any more wait for the next day's (none is dropped). */
export const DIGEST_MAX_ITEMS = 500;

/** A notification to the ISU: queued now, or kept for the daily digest. Other addressees are queued as usual. */
export async function notifyIsu(db: Db, message: Mail | LocalizedMail, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const mail = await renderMail(db, message);
	if (isuNotifications(env) === 'each' || mail.secret) {
		await queueMail(db, mail);
		return;
	}
	await db.insertInto('isu_digest_items').values({ subject: mail.subject, body_text: mail.text, created_at: nowIso(), digest_day: null }).execute();
}

/**
 * Sends the day's digest of what was collected, once a day. The row of `isu_digests` for the day is taken first (its
 * primary key): a second run the same day, even one overlapping this one after a lapsed lease, takes nothing. The
 * notifications are claimed by a guarded update in the same transaction that queues the digest.
 */
export async function sendIsuDigest(db: Db, to: string, now: Date = new Date()): Promise<{ day: string; items: number } | null> {
	if (now.getUTCHours() < DIGEST_HOUR_UTC) return null;
	const day = now.toISOString().slice(0, 10);
	return db.transaction().execute(async (trx) => {
		const waiting = await trx
			.selectFrom('isu_digest_items')
			.select(['id', 'subject', 'body_text', 'created_at'])
			.where('digest_day', 'is', null)
			.orderBy('id')
			.limit(DIGEST_MAX_ITEMS)
			.execute();
		if (!waiting.length) return null;
		const taken = await trx
			.insertInto('isu_digests')
			.values({ day, items: waiting.length, outbox_id: null, created_at: now.toISOString() })
			.onConflict((oc) => oc.column('day').doNothing())
			.returning('day')
			.executeTakeFirst();
		if (!taken) return null;
		const claimed = await trx
			.updateTable('isu_digest_items')
			.set({ digest_day: day })
			.where(
				'id',
				'in',
				waiting.map((w) => w.id)
			)
			.where('digest_day', 'is', null)
			.returning(['id'])
			.execute();
		const ids = new Set(claimed.map((c) => c.id));
		const items = waiting.filter((w) => ids.has(w.id));
		const outboxId = await queueMail(trx, mails.isuDigest(to, day, items));
		await trx.updateTable('isu_digests').set({ items: items.length, outbox_id: outboxId }).where('day', '=', day).execute();
		return { day, items: items.length };
	});
}
