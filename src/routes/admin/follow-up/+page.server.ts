import { requireStaff } from '$lib/server/auth/guards';
import { FOLLOW_UP_LIMIT, followUpFilterSchema, followUpTasks } from '$lib/server/decisions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const filter = followUpFilterSchema.parse(Object.fromEntries(event.url.searchParams));
	const today = new Date().toISOString().slice(0, 10);
	const tasks = await followUpTasks(filter, today);
	return { filter, today, tasks, limited: tasks.length === FOLLOW_UP_LIMIT, query: event.url.searchParams.toString() };
};
