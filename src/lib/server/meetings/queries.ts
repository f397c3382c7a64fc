import type { Db, AgendaItem, Database, Meeting, MeetingKind, MeetingSession, MeetingStatus } from '../db';
import { sql, type Kysely } from 'kysely';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { prepared } from '../db';
import type { MeetingInput } from './forms';

export interface MeetingFilter {
	kind?: MeetingKind;
	year?: number;
	includeDrafts?: boolean;
}

export function listMeetings(db: Db, f: MeetingFilter = {}): Promise<Meeting[]> {
	let q = db.selectFrom('meetings').selectAll();
	if (!f.includeDrafts) q = q.where('status', '!=', 'draft');
	if (f.kind) q = q.where('kind', '=', f.kind);
	if (f.year) q = q.where('start_date', '>=', `${f.year}-01-01`).where('start_date', '<=', `${f.year}-12-31`);
	return q.orderBy('start_date', 'desc').execute();
}

export async function meetingYears(db: Db): Promise<number[]> {
	const rows = await db.selectFrom('meetings').select('start_date').where('status', '!=', 'draft').execute();
	return [...new Set(rows.map((r) => Number(r.start_date.slice(0, 4))))].sort((a, b) => b - a);
}

/** A meeting the public may see (published or closed), or with drafts for staff. */
// Every meeting page asks one of these: compiled once (see prepared.ts).
const meetingBySlug = prepared((db, slug: string) => db.selectFrom('meetings').selectAll().where('slug', '=', slug));
const publishedMeetingBySlug = prepared((db, slug: string) =>
	db.selectFrom('meetings').selectAll().where('slug', '=', slug).where('status', '!=', sql.lit('draft'))
);

/** The meeting's address and code, by id (for pages about something that belongs to a meeting). */
export function meetingRef(db: Db, id: number): Promise<{ slug: string; code: string }> {
	return db.selectFrom('meetings').select(['slug', 'code']).where('id', '=', id).executeTakeFirstOrThrow();
}

export function getMeeting(db: Db, slug: string, includeDrafts = false): Promise<Meeting | undefined> {
	return (includeDrafts ? meetingBySlug : publishedMeetingBySlug).first(db, slug);
}

export type SaveResult = { ok: true; meeting: Meeting } | { ok: false; errors: Record<string, string> };

async function uniquenessErrors(db: Db, input: MeetingInput, exceptId: number | null): Promise<Record<string, string>> {
	let q = db
		.selectFrom('meetings')
		.select(['code', 'slug'])
		.where((eb) => eb.or([eb('code', '=', input.code), eb('slug', '=', input.slug)]));
	if (exceptId !== null) q = q.where('id', '!=', exceptId);
	const clash = await q.execute();
	const errors: Record<string, string> = {};
	if (clash.some((c) => c.code === input.code)) errors.code = `Another meeting already has the code ${input.code}.`;
	if (clash.some((c) => c.slug === input.slug)) errors.slug = `Another meeting already uses the address /meetings/${input.slug}.`;
	return errors;
}

export async function createMeeting(db: Kysely<Database>, actor: Actor, input: MeetingInput): Promise<SaveResult> {
	const errors = await uniquenessErrors(db, input, null);
	if (Object.keys(errors).length) return { ok: false, errors };
	const now = nowIso();
	try {
		const meeting = await db.transaction().execute(async (trx) => {
			const m = await trx
				.insertInto('meetings')
				.values({ ...input, status: 'draft', published_at: null, created_at: now, updated_at: now })
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit(trx, actor, 'meeting.create', { type: 'meeting', id: m.id }, null, input);
			return m;
		});
		return { ok: true, meeting };
	} catch (e) {
		// Two staff creating the same code at once: the unique index decides.
		const again = await uniquenessErrors(db, input, null);
		if (Object.keys(again).length) return { ok: false, errors: again };
		throw e;
	}
}

/** Called in the update's transaction when the meeting gains places (the registration area moves its waiting list up). */
export type CapacityRaised = (trx: Kysely<Database>, meetingId: number) => Promise<unknown>;

export async function updateMeeting(
	db: Kysely<Database>,
	actor: Actor,
	id: number,
	input: MeetingInput,
	afterCapacityRaised?: CapacityRaised
): Promise<SaveResult> {
	const current = await db.selectFrom('meetings').select(['slug', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
	// Published addresses are in links, documents and subscribed calendars (event UIDs): they stay.
	if (current.published_at && input.slug !== current.slug) {
		return {
			ok: false,
			errors: { slug: `The web address cannot change once the meeting has been published: links and calendar subscriptions use /meetings/${current.slug}.` }
		};
	}
	const errors = await uniquenessErrors(db, input, id);
	if (Object.keys(errors).length) return { ok: false, errors };
	const meeting = await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		const after = await trx
			.updateTable('meetings')
			.set((eb) => ({ ...input, updated_at: nowIso(), sequence: eb('sequence', '+', 1) }))
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, 'meeting.update', { type: 'meeting', id }, changed(before, after), changed(after, before));
		// More places (or no limit): the waiting list moves up at once, in this transaction.
		if (afterCapacityRaised && (after.capacity === null || (before.capacity !== null && after.capacity > before.capacity))) await afterCapacityRaised(trx, id);
		return after;
	});
	return { ok: true, meeting };
}

/** Only the fields of `a` that differ from `b`: an audit row says what changed, not everything. */
function changed<T extends object>(a: T, b: T): Partial<T> {
	const out: Partial<T> = {};
	for (const k of Object.keys(a) as (keyof T)[]) {
		if (k === 'updated_at' || k === 'sequence') continue;
		if (a[k] !== b[k]) out[k] = a[k];
	}
	return out;
}

export async function setMeetingStatus(db: Kysely<Database>, actor: Actor, id: number, status: MeetingStatus): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('meetings').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
		if (before.status === status) return;
		await trx
			.updateTable('meetings')
			.set((eb) => ({
				status,
				published_at: status === 'published' ? (before.published_at ?? nowIso()) : before.published_at,
				updated_at: nowIso(),
				sequence: eb('sequence', '+', 1)
			}))
			.where('id', '=', id)
			.execute();
		const action = status === 'published' ? 'meeting.publish' : status === 'draft' ? 'meeting.unpublish' : 'meeting.close';
		await audit(trx, actor, action, { type: 'meeting', id }, { status: before.status }, { status });
	});
}

// ---- agenda -------------------------------------------------------------------------------------------------

export function listAgenda(db: Db, meetingId: number): Promise<AgendaItem[]> {
	return db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}

/** How many sessions take up each agenda item (deleting such an item asks first). */
export async function agendaUsage(db: Db, meetingId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('session_agenda_items')
		.innerJoin('agenda_items', 'agenda_items.id', 'session_agenda_items.agenda_item_id')
		.select(['agenda_items.id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('agenda_items.meeting_id', '=', meetingId)
		.groupBy('agenda_items.id')
		.execute();
	return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Writes positions 0..n-1 in the given order of ids. */
export async function writeAgendaOrder(trx: Db, meetingId: number, ids: number[]): Promise<void> {
	const now = nowIso();
	for (const [position, id] of ids.entries()) {
		await trx.updateTable('agenda_items').set({ position, updated_at: now }).where('id', '=', id).where('meeting_id', '=', meetingId).execute();
	}
}

export async function touchMeeting(trx: Db, meetingId: number): Promise<void> {
	await trx
		.updateTable('meetings')
		.set((eb) => ({ updated_at: nowIso(), sequence: eb('sequence', '+', 1) }))
		.where('id', '=', meetingId)
		.execute();
}

// ---- programme ----------------------------------------------------------------------------------------------

export interface SessionWithItems extends MeetingSession {
	agendaItemIds: number[];
}

export async function listSessions(db: Db, meetingId: number): Promise<SessionWithItems[]> {
	const [sessions, links] = await Promise.all([
		db.selectFrom('meeting_sessions').selectAll().where('meeting_id', '=', meetingId).orderBy('starts_at').orderBy('id').execute(),
		db
			.selectFrom('session_agenda_items')
			.innerJoin('meeting_sessions', 'meeting_sessions.id', 'session_agenda_items.session_id')
			.innerJoin('agenda_items', 'agenda_items.id', 'session_agenda_items.agenda_item_id')
			.select(['session_agenda_items.session_id', 'session_agenda_items.agenda_item_id'])
			.where('meeting_sessions.meeting_id', '=', meetingId)
			.orderBy('agenda_items.position')
			.execute()
	]);
	const bySession = new Map<number, number[]>();
	for (const l of links) bySession.set(l.session_id, [...(bySession.get(l.session_id) ?? []), l.agenda_item_id]);
	return sessions.map((s) => ({ ...s, agendaItemIds: bySession.get(s.id) ?? [] }));
}
