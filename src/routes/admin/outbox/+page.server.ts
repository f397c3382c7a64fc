import { z } from 'zod';
import { requireStaff } from '$lib/server/auth/guards';
import { listOutbox, OUTBOX_PAGE_SIZE } from '$lib/server/mail';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	to: z.string().max(254).optional().catch(undefined),
	status: z.enum(['queued', 'sent', 'failed']).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const { rows, total } = await listOutbox(filter);
	// The list shows no text: none is sent to the page, secret links included.
	const outbox = {
		rows: rows.map(({ id, created_at, to_address, subject, status, attempts, locale }) => ({ id, created_at, to_address, subject, status, attempts, locale })),
		total
	};
	return { outbox, filter, pageSize: OUTBOX_PAGE_SIZE, smtp: !!process.env.SMTP_URL };
};
