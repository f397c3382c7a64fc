import type { Db, Meeting } from '../db';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { sessionTimeErrors } from './rules';
import { localToUtc } from './zoned-time';
import { m as msg } from '$lib/paraglide/messages';

export interface SessionInput {
	title: string;
	/** Translations of the title (migration 0020); null or absent: not translated. */
	title_fr?: string | null;
	title_es?: string | null;
	starts_at: string; // wall clock of the venue, from the form
	ends_at: string;
	room: string | null;
	chair: string | null;
	agenda_item_ids: number[];
}

export type SessionSaveResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

/** Converts the form's wall-clock times with the meeting's zone and checks them against the meeting's days. */
export function sessionTimes(
	m: Meeting,
	input: Pick<SessionInput, 'starts_at' | 'ends_at'>
): { startsAt: string; endsAt: string } | { errors: Record<string, string> } {
	const startsAt = localToUtc(input.starts_at, m.time_zone);
	const endsAt = localToUtc(input.ends_at, m.time_zone);
	const gap = msg.mtg_prog_time_gap();
	if (!startsAt || !endsAt) return { errors: { ...(startsAt ? {} : { starts_at: gap }), ...(endsAt ? {} : { ends_at: gap }) } };
	const errors = sessionTimeErrors({ startsAt, endsAt }, m);
	return Object.keys(errors).length ? { errors } : { startsAt, endsAt };
}

export async function saveSession(db: Db, actor: Actor, m: Meeting, id: number | null, input: SessionInput): Promise<SessionSaveResult> {
	const times = sessionTimes(m, input);
	if ('errors' in times) return { ok: false, errors: times.errors };
	return db.transaction().execute(async (trx) => {
		// Only this meeting's agenda items: a posted id of another meeting's item is ignored.
		const itemIds = input.agenda_item_ids.length
			? (await trx.selectFrom('agenda_items').select('id').where('meeting_id', '=', m.id).where('id', 'in', input.agenda_item_ids).execute()).map((r) => r.id)
			: [];
		const values = {
			title: input.title,
			title_fr: input.title_fr ?? null,
			title_es: input.title_es ?? null,
			starts_at: times.startsAt,
			ends_at: times.endsAt,
			room: input.room,
			chair: input.chair,
			updated_at: nowIso()
		};
		let sessionId: number;
		if (id === null) {
			sessionId = (
				await trx
					.insertInto('meeting_sessions')
					.values({ ...values, meeting_id: m.id })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
			await audit(trx, actor, 'session.create', { type: 'session', id: sessionId }, null, { ...values, agenda_item_ids: itemIds });
		} else {
			const before = await trx.selectFrom('meeting_sessions').selectAll().where('id', '=', id).where('meeting_id', '=', m.id).executeTakeFirst();
			if (!before) return { ok: false as const, errors: { _form: msg.mtg_prog_gone() } };
			const beforeItems = (await trx.selectFrom('session_agenda_items').select('agenda_item_id').where('session_id', '=', id).execute()).map(
				(r) => r.agenda_item_id
			);
			await trx
				.updateTable('meeting_sessions')
				.set((eb) => ({ ...values, sequence: eb('sequence', '+', 1) }))
				.where('id', '=', id)
				.execute();
			await trx.deleteFrom('session_agenda_items').where('session_id', '=', id).execute();
			sessionId = id;
			const { title, title_fr, title_es, starts_at, ends_at, room, chair } = before;
			await audit(
				trx,
				actor,
				'session.update',
				{ type: 'session', id },
				{ title, title_fr, title_es, starts_at, ends_at, room, chair, agenda_item_ids: beforeItems },
				{ ...values, agenda_item_ids: itemIds }
			);
		}
		if (itemIds.length) {
			await trx
				.insertInto('session_agenda_items')
				.values(itemIds.map((agenda_item_id) => ({ session_id: sessionId, agenda_item_id })))
				.execute();
		}
		return { ok: true as const, id: sessionId };
	});
}

export async function deleteSession(db: Db, actor: Actor, meetingId: number, id: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('meeting_sessions').selectAll().where('id', '=', id).where('meeting_id', '=', meetingId).executeTakeFirst();
		if (!before) return false;
		await trx.deleteFrom('meeting_sessions').where('id', '=', id).execute();
		await audit(trx, actor, 'session.delete', { type: 'session', id }, before, null);
		return true;
	});
}
