import type { Db, OrganizationKind } from '../db';
import { statesAsAtIn } from '../organizations';
import { categoryOf, type Category } from './rules';

/** The day a meeting starts (YYYY-MM-DD): the day whose facts decide each state's category. */
export async function meetingDay(db: Db, meetingId: number): Promise<string> {
	const m = await db.selectFrom('meetings').select('start_date').where('id', '=', meetingId).executeTakeFirstOrThrow();
	return m.start_date.slice(0, 10);
}

/**
 * Each row with the category its person shows under at a meeting: a state's from its status as at the meeting's date
 * (Nigeria a Signatory at the 9MSP, Lithuania not party after its withdrawal), never from today's organisation row.
 */
export async function withCategories<T extends { organization_id: number; kind: OrganizationKind }>(
	db: Db,
	rows: T[],
	day: string
): Promise<(T & { category: Category })[]> {
	const states = rows.filter((r) => r.kind === 'state').map((r) => r.organization_id);
	const asAt = states.length ? await statesAsAtIn(db, day, states) : new Map();
	return rows.map((r) => ({ ...r, category: categoryOf(r.kind, asAt.get(r.organization_id)?.status.status ?? null) }));
}
