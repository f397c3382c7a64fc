import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import { AUDIT_PAGE_SIZE, auditFacets, listAudit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

/** A UTC day that exists: 2019-02-28, not 2019-02-32 (which used to reach date arithmetic and throw). */
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((d) => {
		const t = Date.parse(d + 'T00:00:00Z');
		return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
	})
	.optional();
const filterSchema = z.object({
	actor: z.string().max(254).optional().catch(undefined),
	action: z.string().max(100).optional().catch(undefined),
	entityType: z.string().max(100).optional().catch(undefined),
	entityId: z.string().max(100).optional().catch(undefined),
	from: day,
	to: day,
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

function nextDay(d: string): string {
	return new Date(Date.parse(d + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);
}

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const parsed = filterSchema.safeParse(Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== '')));
	if (!parsed.success) error(400, m.adm_audit_bad_days());
	const f = parsed.data;
	const [log, facets] = await Promise.all([
		// Days are whole UTC days; "to" includes its day.
		listAudit({ ...f, to: f.to ? nextDay(f.to) : undefined }),
		auditFacets()
	]);
	return { log, facets, filter: f, pageSize: AUDIT_PAGE_SIZE };
};
