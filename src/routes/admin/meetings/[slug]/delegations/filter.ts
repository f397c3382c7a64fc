import { z } from 'zod';
import { DELEGATION_STATES } from '$lib/server/registration';

/** The delegations page's filters, shared with its CSV: anything unknown is ignored, never an error. */
export const delegationFilterSchema = z.object({
	region: z.string().max(50).optional().catch(undefined),
	ccmStatus: z.enum(['state_party', 'signatory', 'not_party', 'io', 'ngo']).optional().catch(undefined),
	state: z.enum(DELEGATION_STATES).optional().catch(undefined)
});

export const readFilter = (url: URL) => delegationFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
