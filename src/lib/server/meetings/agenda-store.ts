import type { Db, AgendaItem } from '../db';
import { audit, type Actor } from '../audit';
import { givenTranslations } from '../db';
import { nowIso } from '../time';
import { renumber, subLetter, type AgendaDraftItem } from './agenda';
import { agendaBlocks, moveAgendaItem } from './rules';
import { listAgenda, touchMeeting, writeAgendaOrder } from './queries';

const entity = (id: number) => ({ type: 'agenda_item', id });

/** 'a' → 0, 'z' → 25, 'aa' → 26: the inverse of subLetter. */
const letterIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 96, 0) - 1;

/** Distinct sessions taking up any of the meeting's items (or of the given ones): a session with two of them counts once. */
async function sessionsTakingUp(trx: Db, meetingId: number, itemIds?: number[]): Promise<number> {
	let q = trx
		.selectFrom('session_agenda_items')
		.innerJoin('agenda_items', 'agenda_items.id', 'session_agenda_items.agenda_item_id')
		.select((eb) => eb.fn.count<number>('session_agenda_items.session_id').distinct().as('n'))
		.where('agenda_items.meeting_id', '=', meetingId);
	if (itemIds) q = q.where('agenda_items.id', 'in', itemIds);
	return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Adds a top item at the end, or a sub-item at the end of its parent's block, numbered after the last one. */
export async function addAgendaItem(
	db: Db,
	actor: Actor,
	meetingId: number,
	input: { title: string; title_fr?: string | null; title_es?: string | null; parent_id: number | null }
): Promise<AgendaItem | 'no_parent'> {
	return db.transaction().execute(async (trx) => {
		const items = await listAgenda(trx, meetingId);
		const blocks = agendaBlocks(items);
		let number: string;
		let sub: string | null = null;
		let insertAfter: number;
		if (input.parent_id !== null) {
			const block = blocks.find((b) => b[0].id === input.parent_id);
			if (!block) return 'no_parent' as const;
			number = block[0].number;
			// After the highest letter, not the count: after (b) is deleted from (a)–(c), the next is (d), not a second (c).
			sub = subLetter(Math.max(-1, ...block.slice(1).map((i) => letterIndex(i.sub_number ?? ''))) + 1);
			insertAfter = items.indexOf(block[block.length - 1]);
		} else {
			// After the highest number: items moved but not yet renumbered must not get a second "4".
			number = String(Math.max(0, ...blocks.map((b) => Number(b[0].number)).filter(Number.isFinite)) + 1);
			insertAfter = items.length - 1;
		}
		const item = await trx
			.insertInto('agenda_items')
			.values({
				meeting_id: meetingId,
				position: items.length,
				number,
				sub_number: sub,
				title: input.title,
				title_fr: input.title_fr ?? null,
				title_es: input.title_es ?? null,
				updated_at: nowIso()
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const order = items.map((i) => i.id);
		order.splice(insertAfter + 1, 0, item.id);
		await writeAgendaOrder(trx, meetingId, order);
		await touchMeeting(trx, meetingId);
		// Translations only when given: the audit row says what was written.
		await audit(trx, actor, 'agenda.add', entity(item.id), null, { number, sub_number: sub, title: input.title, ...givenTranslations(item) });
		return item;
	});
}

/** Saves an item's number, letter and title; refuses a number and letter another item of the agenda already has. */
export async function editAgendaItem(
	db: Db,
	actor: Actor,
	meetingId: number,
	id: number,
	input: { title: string; title_fr?: string | null; title_es?: string | null; number: string; sub_number: string | null }
): Promise<'saved' | 'not_found' | 'duplicate'> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('agenda_items').selectAll().where('id', '=', id).where('meeting_id', '=', meetingId).executeTakeFirst();
		if (!before) return 'not_found' as const;
		const twin = await trx
			.selectFrom('agenda_items')
			.select('id')
			.where('meeting_id', '=', meetingId)
			.where('id', '!=', id)
			.where('number', '=', input.number)
			.where((eb) => (input.sub_number === null ? eb('sub_number', 'is', null) : eb('sub_number', '=', input.sub_number)))
			.executeTakeFirst();
		if (twin) return 'duplicate' as const;
		await trx
			.updateTable('agenda_items')
			.set({ ...input, updated_at: nowIso() })
			.where('id', '=', id)
			.execute();
		await touchMeeting(trx, meetingId);
		const { title, title_fr, title_es, number, sub_number } = before;
		await audit(trx, actor, 'agenda.edit', entity(id), { title, title_fr, title_es, number, sub_number }, input);
		return 'saved' as const;
	});
}

/** Deletes an item (a top item with its sub-items). Returns how many sessions took them up when not confirmed. */
export async function deleteAgendaItem(
	db: Db,
	actor: Actor,
	meetingId: number,
	id: number,
	confirmed: boolean
): Promise<{ deleted: boolean; sessions: number }> {
	return db.transaction().execute(async (trx) => {
		const items = await listAgenda(trx, meetingId);
		const block = agendaBlocks(items).find((b) => b[0].id === id) ?? items.filter((i) => i.id === id).map((i) => [i])[0];
		if (!block) return { deleted: false, sessions: 0 };
		const ids = block.map((i) => i.id);
		const sessions = await sessionsTakingUp(trx, meetingId, ids);
		if (sessions > 0 && !confirmed) return { deleted: false, sessions };
		await trx.deleteFrom('agenda_items').where('id', 'in', ids).execute();
		await touchMeeting(trx, meetingId);
		await audit(
			trx,
			actor,
			'agenda.delete',
			entity(id),
			block.map((i) => ({ id: i.id, number: i.number, sub_number: i.sub_number, title: i.title })),
			null
		);
		return { deleted: true, sessions };
	});
}

export async function moveAgenda(db: Db, actor: Actor, meetingId: number, id: number, direction: 'up' | 'down'): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const items = await listAgenda(trx, meetingId);
		const order = moveAgendaItem(items, id, direction);
		if (order.every((x, i) => x === items[i].id)) return;
		await writeAgendaOrder(trx, meetingId, order);
		await touchMeeting(trx, meetingId);
		await audit(trx, actor, `agenda.move_${direction}`, entity(id));
	});
}

/** Numbers 1..n and letters a, b … in the current order, in one action. */
export async function renumberAgenda(db: Db, actor: Actor, meetingId: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const items = await listAgenda(trx, meetingId);
		const next = renumber(items.map((i) => ({ ...i, depth: (i.sub_number ? 1 : 0) as 0 | 1 })));
		const now = nowIso();
		for (const n of next) {
			await trx.updateTable('agenda_items').set({ number: n.number, sub_number: n.subNumber, updated_at: now }).where('id', '=', n.id).execute();
		}
		await touchMeeting(trx, meetingId);
		await audit(
			trx,
			actor,
			'agenda.renumber',
			{ type: 'meeting', id: meetingId },
			items.map((i) => [i.number, i.sub_number]),
			next.map((i) => [i.number, i.subNumber])
		);
	});
}

/** Replaces the agenda with imported items; refused while sessions take up items of the current one. */
export async function importAgenda(db: Db, actor: Actor, meetingId: number, draft: AgendaDraftItem[]): Promise<{ ok: true } | { ok: false; sessions: number }> {
	return db.transaction().execute(async (trx) => {
		const sessions = await sessionsTakingUp(trx, meetingId);
		if (sessions > 0) return { ok: false as const, sessions };
		const before = await listAgenda(trx, meetingId);
		await trx.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
		const now = nowIso();
		if (draft.length) {
			await trx
				.insertInto('agenda_items')
				.values(draft.map((d, position) => ({ meeting_id: meetingId, position, number: d.number, sub_number: d.subNumber, title: d.title, updated_at: now })))
				.execute();
		}
		await touchMeeting(trx, meetingId);
		await audit(trx, actor, 'agenda.import', { type: 'meeting', id: meetingId }, { items: before.length }, { items: draft.length });
		return { ok: true as const };
	});
}
