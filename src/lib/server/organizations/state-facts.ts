import type { Kysely } from 'kysely';
import type { Database, StateFactKind } from '../db';
import type { FieldErrors } from '../forms';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { current, factsAsAt, type FactEntry, type FactsAsAt } from './as-at';
import { checkFact, type FactInput } from './fact-form';

const COLUMNS = [
	'id',
	'organization_id',
	'kind',
	'event',
	'article',
	'on_date',
	'deadline',
	'outcome',
	'granted_at',
	'confidence',
	'source',
	'note',
	'replaces_id'
] as const;

/** The dated entries of the given states (all states when `ids` is omitted), grouped by organisation id. */
export async function factEntries(db: Kysely<Database>, ids?: number[]): Promise<Map<number, FactEntry[]>> {
	const out = new Map<number, FactEntry[]>();
	if (ids && ids.length === 0) return out;
	let q = db.selectFrom('state_facts').select(COLUMNS).orderBy('id');
	if (ids) q = q.where('organization_id', 'in', [...new Set(ids)]);
	for (const r of await q.execute()) {
		const list = out.get(r.organization_id) ?? [];
		list.push({
			...r,
			article: r.article === null ? null : Number(r.article),
			id: Number(r.id),
			replaces_id: r.replaces_id === null ? null : Number(r.replaces_id)
		});
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

export type AddFactResult = { ok: true; id: number } | { ok: false; errors: FieldErrors } | null;

/**
 * Adds a staff entry (a correction names the entry it replaces; nothing is overwritten), audited. Null when the
 * organisation is not a state.
 */
export async function addStateFact(
	db: Kysely<Database>,
	actor: Actor,
	organizationId: number,
	input: FactInput,
	today = nowIso().slice(0, 10)
): Promise<AddFactResult> {
	try {
		return await addStateFactOnce(db, actor, organizationId, input, today);
	} catch (e) {
		// Two staff correcting the same entry at once: the unique index on replaces_id lets one through.
		if (input.replaces_id !== null && /replaced_once|state_facts\.replaces_id/.test(String((e as Error).message))) {
			return { ok: false, errors: { replaces_id: 'Someone has just replaced this entry. Reload the page to see the newer one.' } };
		}
		throw e;
	}
}

async function addStateFactOnce(db: Kysely<Database>, actor: Actor, organizationId: number, input: FactInput, today: string): Promise<AddFactResult> {
	return db.transaction().execute(async (trx) => {
		const org = await trx.selectFrom('organizations').select(['kind']).where('id', '=', organizationId).executeTakeFirst();
		if (!org || org.kind !== 'state') return null;
		const entries = current((await factEntries(trx, [organizationId])).get(organizationId) ?? []);
		const errors = checkFact(input, entries, today);
		if (Object.keys(errors).length) return { ok: false, errors };
		const [kind, event] = input.type.split('.') as [StateFactKind, string];
		const replaced = input.replaces_id === null ? null : (entries.find((e) => e.id === input.replaces_id) ?? null);
		const row = {
			organization_id: organizationId,
			kind,
			event,
			article: input.article,
			on_date: input.on_date,
			deadline: input.deadline,
			outcome: input.outcome,
			granted_at: input.granted_at,
			confidence: input.confidence,
			source: input.source,
			note: input.note,
			replaces_id: input.replaces_id,
			recorded_at: nowIso(),
			recorded_by: actor.id
		};
		// The unique index on replaces_id refuses a second correction of the same entry made at the same time.
		const inserted = await trx.insertInto('state_facts').values(row).returning('id').executeTakeFirstOrThrow();
		await audit(trx, actor, 'organization.fact', { type: 'organization', id: organizationId }, replaced, { id: inserted.id, ...row });
		return { ok: true, id: Number(inserted.id) };
	});
}

/** Every entry of a state, oldest first, with the entry that replaced it if any: the history staff see. */
export async function factHistory(db: Kysely<Database>, organizationId: number) {
	const rows = await db
		.selectFrom('state_facts as f')
		.leftJoin('users as u', 'u.id', 'f.recorded_by')
		.select([...COLUMNS.map((c) => `f.${c}` as const), 'f.recorded_at', 'u.email as recorded_by_email'])
		.where('f.organization_id', '=', organizationId)
		.orderBy('f.kind')
		.orderBy('f.id')
		.execute();
	const replacedBy = new Map(rows.flatMap((r) => (r.replaces_id === null ? [] : [[Number(r.replaces_id), Number(r.id)] as const])));
	return rows.map((r) => ({ ...r, id: Number(r.id), replaced_by: replacedBy.get(Number(r.id)) ?? null }));
}
