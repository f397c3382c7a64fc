// The reminder job: owners with an account are mailed a week before a task's due date and once it is overdue.
import type { Db } from '../db';
import { queueMail } from '../mail';
import { taskReminderMail } from './mails';
import { nowIso } from '../time';
import { reminderDue, REMINDER_DAYS } from './rules';

const BATCH = 100;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One bounded batch. Each reminder is claimed by a guarded update (`reminded_… is null`) in the transaction that
 * queues its mail: of two overlapping runs only one updates the row, and only that one mails.
 */
export async function sendTaskReminders(db: Db, origin: string, now = new Date()): Promise<number> {
	const today = now.toISOString().slice(0, 10);
	const due = await db
		.selectFrom('tasks as t')
		.innerJoin('users as u', 'u.id', 't.owner_user_id')
		.innerJoin('outcomes as o', 'o.id', 't.outcome_id')
		.innerJoin('meetings as m', 'm.id', 'o.meeting_id')
		.select(['t.id', 't.what', 't.due_date', 't.status', 't.reminded_week_at', 't.reminded_overdue_at', 'u.email', 'm.code', 'o.number'])
		.where('t.status', 'in', ['open', 'in_progress'])
		.where('t.due_date', '<=', addDays(today, REMINDER_DAYS))
		.where((eb) =>
			eb.or([
				eb.and([eb('t.due_date', '<', today), eb('t.reminded_overdue_at', 'is', null)]),
				eb.and([eb('t.due_date', '>=', today), eb('t.reminded_week_at', 'is', null)])
			])
		)
		.orderBy('t.due_date')
		.limit(BATCH)
		.execute();
	let sent = 0;
	for (const t of due) {
		const kind = reminderDue(t, today);
		if (!kind) continue;
		const column = kind === 'week' ? 'reminded_week_at' : 'reminded_overdue_at';
		const queued = await db.transaction().execute(async (trx) => {
			const claim = await trx
				.updateTable('tasks')
				.set({ [column]: nowIso() })
				.where('id', '=', t.id)
				.where(column, 'is', null)
				.where('status', 'in', ['open', 'in_progress'])
				.executeTakeFirst();
			if (Number(claim.numUpdatedRows) !== 1) return false;
			await queueMail(
				trx,
				taskReminderMail(t.email, kind, { number: t.number, code: t.code, what: t.what, due: t.due_date, link: `${origin}/account/tasks#task-${t.id}` })
			);
			return true;
		});
		if (queued) sent++;
	}
	return sent;
}
