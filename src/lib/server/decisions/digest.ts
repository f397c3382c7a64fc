// The staff digest: once a day, the ISU gets the list of overdue tasks with a link to each.
import type { Db } from '../db';
import { queueMail } from '../mail';
import { nowIso } from '../time';
import { followUpTasks } from './queries';
import { overdueDigestMail } from './mails';

/**
 * Sends today's digest if there is anything overdue and it has not gone out today. The day's row in
 * `overdue_digests` is inserted in the transaction that queues the mail: of overlapping runs (several processes, or a
 * slow run meeting the next) only the one whose insert lands mails; the others find the row and stop.
 */
export async function sendOverdueDigest(db: Db, origin: string, to: string, now = new Date()): Promise<number> {
	const today = now.toISOString().slice(0, 10);
	if (await db.selectFrom('overdue_digests').select('day').where('day', '=', today).executeTakeFirst()) return 0;
	const overdue = await followUpTasks(db, { owner: '', meeting: '', due_before: '', overdue: '1', all: '' }, today);
	if (!overdue.length) return 0;
	return db.transaction().execute(async (trx) => {
		const claimed = await trx
			.insertInto('overdue_digests')
			.values({ day: today, sent_at: nowIso(), tasks: overdue.length })
			.onConflict((oc) => oc.column('day').doNothing())
			.returning('day')
			.executeTakeFirst();
		if (!claimed) return 0;
		await queueMail(trx, overdueDigestMail(to, today, overdue, origin));
		return 1;
	});
}
