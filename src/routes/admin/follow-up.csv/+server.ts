import { requireStaff } from '$lib/server/auth/guards';
import { csvCell, followUpFilterSchema, followUpTasks, isOverdue } from '$lib/server/decisions';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const filter = followUpFilterSchema.parse(Object.fromEntries(event.url.searchParams));
	const today = new Date().toISOString().slice(0, 10);
	const tasks = await followUpTasks(filter, today);
	const head = ['meeting', 'outcome', 'task', 'owner', 'due', 'status', 'overdue', 'illustrative'];
	const lines = tasks.map((t) =>
		[t.meeting_code, t.outcome_number, t.what, t.owner, t.due_date, t.status, isOverdue(t, today) ? 'yes' : '', t.illustrative ? 'yes' : '']
			.map(csvCell)
			.join(',')
	);
	return new Response([head.join(','), ...lines].join('\r\n') + '\r\n', {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="follow-up-${today}.csv"` }
	});
};
