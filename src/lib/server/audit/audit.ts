import type { Kysely } from 'kysely';
import type { AuditEntry, Database } from '../db';
import { nowIso } from '../time';
import { containsText } from '../db';

export interface Actor {
	id: number;
	email: string;
}

/** One row per staff decision: who, when, what, on which entity, before and after. */
export async function audit(
	db: Kysely<Database>,
	actor: Actor | null,
	action: string,
	entity: { type: string; id: string | number | null },
	before: unknown = null,
	after: unknown = null
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: nowIso(),
			actor_user_id: actor?.id ?? null,
			actor_email: actor?.email ?? null,
			action,
			entity_type: entity.type,
			entity_id: entity.id === null ? null : String(entity.id),
			before_json: before === null ? null : JSON.stringify(before),
			after_json: after === null ? null : JSON.stringify(after)
		})
		.execute();
}

export interface AuditFilter {
	actor?: string;
	action?: string;
	entityType?: string;
	entityId?: string;
	from?: string;
	to?: string;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(db: Kysely<Database>, f: AuditFilter): Promise<{ rows: AuditEntry[]; total: number }> {
	let q = db.selectFrom('audit_log');
	if (f.actor) q = q.where(containsText('actor_email', f.actor));
	if (f.action) q = q.where('action', '=', f.action);
	if (f.entityType) q = q.where('entity_type', '=', f.entityType);
	if (f.entityId) q = q.where('entity_id', '=', f.entityId);
	if (f.from) q = q.where('at', '>=', f.from);
	if (f.to) q = q.where('at', '<', f.to);
	const page = Math.max(1, f.page ?? 1);
	const [rows, count] = await Promise.all([
		q
			.selectAll()
			.orderBy('id', 'desc')
			.limit(AUDIT_PAGE_SIZE)
			.offset((page - 1) * AUDIT_PAGE_SIZE)
			.execute(),
		q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

export async function auditFacets(db: Kysely<Database>): Promise<{ actions: string[]; entityTypes: string[] }> {
	const [a, e] = await Promise.all([
		db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
		db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute()
	]);
	return { actions: a.map((r) => r.action), entityTypes: e.map((r) => r.entity_type) };
}

/** Everything done to one entity, latest first (a registration's history on its staff page). */
export function entityHistory(db: Kysely<Database>, entity: { type: string; id: string | number }) {
	return db
		.selectFrom('audit_log')
		.select(['at', 'actor_email', 'action', 'after_json'])
		.where('entity_type', '=', entity.type)
		.where('entity_id', '=', String(entity.id))
		.orderBy('id', 'desc')
		.execute();
}
