import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { factsAsAt, type FactEntry, type FactsAsAt } from './as-at';

const COLUMNS = ['id', 'organization_id', 'kind', 'event', 'article', 'on_date', 'deadline', 'outcome', 'granted_at', 'confidence', 'source', 'note', 'replaces_id'] as const;

/** The dated entries of the given states (all states when `ids` is omitted), grouped by organisation id. */
export async function factEntries(db: Kysely<Database>, ids?: number[]): Promise<Map<number, FactEntry[]>> {
	const out = new Map<number, FactEntry[]>();
	if (ids && ids.length === 0) return out;
	let q = db.selectFrom('state_facts').select(COLUMNS).orderBy('id');
	if (ids) q = q.where('organization_id', 'in', [...new Set(ids)]);
	for (const r of await q.execute()) {
		const list = out.get(r.organization_id) ?? [];
		list.push({ ...r, article: r.article === null ? null : Number(r.article), id: Number(r.id), replaces_id: r.replaces_id === null ? null : Number(r.replaces_id) });
		out.set(r.organization_id, list);
	}
	return out;
}

/** Each state's facts as at `day` (YYYY-MM-DD), keyed by organisation id. */
export async function statesAsAt(db: Kysely<Database>, day: string, ids?: number[]): Promise<Map<number, FactsAsAt>> {
	const entries = await factEntries(db, ids);
	const states = ids ?? (await db.selectFrom('organizations').select('id').where('kind', '=', 'state').execute()).map((r) => r.id);
	return new Map(states.map((id) => [id, factsAsAt(entries.get(id) ?? [], day.slice(0, 10))]));
}
