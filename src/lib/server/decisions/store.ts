// Changes of the decisions area: each in one transaction with its audit row (and its mail, when it hands work over).
import { PostgresAdapter } from 'kysely';
import type { Db, Meeting, TaskStatus } from '../db';
import { audit, type Actor } from '../audit';
import { queueMail } from '../mail';
import { nowIso } from '../time';
import type { NoteInput, OutcomeInput, TaskInput } from './forms';
import { isClosed } from './rules';
import { taskCreatedMail, taskWithdrawnMail } from './mails';
import { m } from '$lib/paraglide/messages';

export type Refusal = { field: string; message: string };

/** The refusals an outcome's fields share between recording and editing (`except`: the outcome being edited). */
async function outcomeRefusal(trx: Db, meetingId: number, input: OutcomeInput, except: number | null): Promise<Refusal | null> {
	if (input.agenda_item_id !== null) {
		const item = await trx
			.selectFrom('agenda_items')
			.select('id')
			.where('id', '=', input.agenda_item_id)
			.where('meeting_id', '=', meetingId)
			.executeTakeFirst();
		if (!item) return { field: 'agenda_item_id', message: m.mtg_decr_agenda_item() };
	}
	let dup = trx.selectFrom('outcomes').select('id').where('meeting_id', '=', meetingId).where('number', '=', input.number);
	dup = input.symbol === null ? dup.where('symbol', 'is', null) : dup.where('symbol', '=', input.symbol);
	if (except !== null) dup = dup.where('id', '!=', except);
	if (await dup.executeTakeFirst()) {
		const message = input.symbol
			? m.mtg_decr_number_used_in({ number: input.number, symbol: input.symbol })
			: m.mtg_decr_number_used_minutes({ number: input.number });
		return { field: 'number', message };
	}
	return null;
}

export async function addOutcome(db: Db, actor: Actor, meeting: Pick<Meeting, 'id'>, input: OutcomeInput): Promise<{ id: number } | Refusal> {
	return db.transaction().execute(async (trx) => {
		const refused = await outcomeRefusal(trx, meeting.id, input, null);
		if (refused) return refused;
		const now = nowIso();
		const row = await trx
			.insertInto('outcomes')
			.values({ meeting_id: meeting.id, ...input, source: null, created_at: now, updated_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, actor, 'outcome.create', { type: 'outcome', id: row.id }, null, { meeting_id: meeting.id, ...input });
		return { id: row.id };
	});
}

/** Staff correct an outcome's number, document, agenda item, kind or text; its tasks stay with it. */
export async function updateOutcome(
	db: Db,
	actor: Actor,
	meeting: Pick<Meeting, 'id'>,
	id: number,
	input: OutcomeInput
): Promise<{ ok: true } | Refusal | 'not_found'> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('outcomes').selectAll().where('id', '=', id).where('meeting_id', '=', meeting.id).executeTakeFirst();
		if (!before) return 'not_found';
		const refused = await outcomeRefusal(trx, meeting.id, input, id);
		if (refused) return refused;
		// Edited by staff, the text is no longer the demonstration's: it is the ISU's record.
		await trx
			.updateTable('outcomes')
			.set({ ...input, illustrative: 0, updated_at: nowIso() })
			.where('id', '=', id)
			.execute();
		const { number, symbol, agenda_item_id, kind, text } = before;
		await audit(trx, actor, 'outcome.update', { type: 'outcome', id }, { number, symbol, agenda_item_id, kind, text }, input);
		return { ok: true as const };
	});
}

/**
 * Deleting an outcome deletes its tasks (and their notes): with tasks, staff must say why (`reason`), each task's
 * deletion is audited with it, and the owners of open tasks are told. Counted in the transaction, so a task added
 * meanwhile is not deleted without a reason.
 */
export async function deleteOutcome(
	db: Db,
	actor: Actor,
	meetingId: number,
	id: number,
	reason: string | null
): Promise<{ ok: true; tasks: number } | Refusal | 'not_found'> {
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('outcomes')
			.selectAll()
			.where('id', '=', id)
			.where('meeting_id', '=', meetingId)
			// PostgreSQL: a task being added to this outcome waits for the delete (its foreign key locks the row).
			.$if(trx.getExecutor().adapter instanceof PostgresAdapter, (q) => q.forUpdate())
			.executeTakeFirst();
		if (!before) return 'not_found';
		const tasks = await trx
			.selectFrom('tasks as t')
			.leftJoin('users as u', 'u.id', 't.owner_user_id')
			.select(['t.id', 't.what', 't.status', 't.owner_kind', 't.owner_user_id', 't.owner_organization_id', 't.due_date', 'u.email'])
			.where('t.outcome_id', '=', id)
			.execute();
		if (tasks.length && !reason)
			return {
				field: 'reason',
				message:
					tasks.length === 1 ? m.mtg_decr_say_why_one({ number: before.number }) : m.mtg_decr_say_why_other({ number: before.number, count: tasks.length })
			};
		for (const { email: _e, ...t } of tasks) await audit(trx, actor, 'task.delete', { type: 'task', id: t.id }, t, { reason });
		await trx.deleteFrom('outcomes').where('id', '=', id).execute();
		await audit(trx, actor, 'outcome.delete', { type: 'outcome', id }, before, { reason, tasks: tasks.length });
		for (const t of tasks)
			if (t.email && !isClosed(t.status)) await queueMail(trx, taskWithdrawnMail(t.email, { number: before.number, what: t.what, reason: reason! }));
		return { ok: true as const, tasks: tasks.length };
	});
}

/** A task for an outcome of this meeting, due on or after the meeting's first day; its owner, if a person, is told. */
export async function addTask(
	db: Db,
	actor: Actor,
	meeting: Pick<Meeting, 'id' | 'code' | 'start_date'>,
	input: TaskInput,
	origin: string
): Promise<{ id: number } | Refusal> {
	if (input.due_date < meeting.start_date) return { field: 'due_date', message: m.mtg_decr_due_after_start({ date: meeting.start_date }) };
	return db.transaction().execute(async (trx) => {
		const outcome = await trx
			.selectFrom('outcomes')
			.select(['id', 'number'])
			.where('id', '=', input.outcome_id)
			.where('meeting_id', '=', meeting.id)
			.executeTakeFirst();
		if (!outcome) return { field: 'outcome_id', message: m.mtg_decr_choose_outcome() };
		const k = input.owner_kind;
		const org = k === 'organization' ? input.owner_organization_id : null;
		const userId = k === 'person' || k === 'coordinator' ? input.owner_user_id : null;
		if (k === 'organization') {
			const found = org !== null && (await trx.selectFrom('organizations').select('id').where('id', '=', org).executeTakeFirst());
			if (!found) return { field: 'owner_organization_id', message: m.mtg_decr_choose_org() };
		}
		let owner: { email: string; role: string } | undefined;
		if (k === 'person' || (k === 'coordinator' && userId !== null)) {
			owner = userId === null ? undefined : await trx.selectFrom('users').select(['email', 'role']).where('id', '=', userId).executeTakeFirst();
			if (!owner || owner.role === 'delegate') return { field: 'owner_user_id', message: m.mtg_decr_choose_person() };
			if (k === 'coordinator' && owner.role !== 'cc_member') return { field: 'owner_user_id', message: m.mtg_decr_coordinator() };
		}
		const now = nowIso();
		const values = {
			outcome_id: outcome.id,
			what: input.what,
			owner_kind: k,
			owner_organization_id: org,
			owner_user_id: userId,
			owner_label: input.owner_label,
			due_date: input.due_date,
			created_at: now,
			updated_at: now,
			reminded_week_at: null,
			reminded_overdue_at: null,
			drop_reason: null
		};
		const row = await trx.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow();
		await audit(trx, actor, 'task.create', { type: 'task', id: row.id }, null, values);
		if (owner) {
			await queueMail(
				trx,
				taskCreatedMail(owner.email, {
					kind: k,
					number: outcome.number,
					code: meeting.code,
					what: input.what,
					due: input.due_date,
					link: `${origin}/account/tasks#task-${row.id}`
				})
			);
		}
		return { id: row.id };
	});
}

/**
 * A dated progress note, optionally with a new status. Owners add notes to their own tasks and may mark them in
 * progress or done; only staff drop a task (with a reason). A closed task takes no more notes: the guarded update
 * (`status in open, in_progress`) decides, so a note racing a "done" never lands on the closed task.
 */
export async function addNote(db: Db, actor: Actor & { role: string }, input: NoteInput): Promise<{ ok: true } | Refusal | 'not_found'> {
	const staff = actor.role === 'staff';
	if (input.status === 'dropped' && !staff) return { field: 'status', message: m.mtg_decr_only_isu_drop() };
	if (input.status === 'dropped' && !input.drop_reason) return { field: 'drop_reason', message: m.mtg_decr_say_why_dropped() };
	return db.transaction().execute(async (trx) => {
		const task = await trx.selectFrom('tasks').select(['id', 'status', 'owner_user_id']).where('id', '=', input.task_id).executeTakeFirst();
		if (!task || (!staff && task.owner_user_id !== actor.id)) return 'not_found';
		if (isClosed(task.status)) return { field: 'text', message: task.status === 'dropped' ? m.mtg_decr_task_closed_dropped() : m.mtg_decr_task_closed_done() };
		const now = nowIso();
		const status: TaskStatus = input.status ?? task.status;
		const updated = await trx
			.updateTable('tasks')
			.set({ status, drop_reason: status === 'dropped' ? input.drop_reason : null, updated_at: now })
			.where('id', '=', task.id)
			.where('status', 'in', ['open', 'in_progress'])
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) return { field: 'text', message: m.mtg_decr_closed_meanwhile() };
		// The status it set, dated: the follow-up report shows each task as it stood on a meeting's date.
		await trx
			.insertInto('task_notes')
			.values({
				task_id: task.id,
				at: now,
				author_user_id: actor.id,
				author_email: actor.email,
				text: input.text,
				status: status === task.status ? null : status
			})
			.execute();
		await audit(trx, actor, 'task.note', { type: 'task', id: task.id }, { status: task.status }, { status, note: input.text, drop_reason: input.drop_reason });
		return { ok: true as const };
	});
}

export async function saveMinutes(db: Db, actor: Actor, meetingId: number, text: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
		const now = nowIso();
		if (before)
			await trx
				.updateTable('meeting_minutes')
				.set({ text, illustrative: 0, updated_at: now, updated_by: actor.id })
				.where('meeting_id', '=', meetingId)
				.execute();
		else await trx.insertInto('meeting_minutes').values({ meeting_id: meetingId, text, updated_at: now, updated_by: actor.id }).execute();
		await audit(trx, actor, 'minutes.save', { type: 'meeting', id: meetingId }, before ? { text: before.text } : null, { text });
	});
}
