import { isCalendarDate } from '../forms';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { audit, type Actor } from '../audit';

const date = z
	.string()
	.optional()
	.transform((s) => (s ?? '').trim())
	.pipe(z.union([z.literal('').transform(() => null), z.string().refine(isCalendarDate, { error: () => m.adm_fact_err_date_or_empty() })]));
/** The last Article 7 report received. The other facts are dated entries (state-facts.ts), never overwritten. */
export const stateFactsSchema = z.object({
	last_article7_report: date
});

export type StateFactsInput = z.output<typeof stateFactsSchema>;

export async function saveStateFacts(db: Kysely<Database>, actor: Actor, organizationId: number, input: StateFactsInput): Promise<boolean> {
	const before = await db.selectFrom('organizations').select(['last_article7_report', 'kind']).where('id', '=', organizationId).executeTakeFirst();
	if (!before || before.kind !== 'state') return false;
	await db.updateTable('organizations').set(input).where('id', '=', organizationId).execute();
	const { kind: _kind, ...old } = before;
	await audit(db, actor, 'organization.facts', { type: 'organization', id: organizationId }, old, input);
	return true;
}
