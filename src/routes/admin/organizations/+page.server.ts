import { requireStaff } from '$lib/server/auth/guards';
import { listOrganizationsForStaff, statesAsAt } from '$lib/server/organizations';
import { nowIso } from '$lib/server/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const today = nowIso().slice(0, 10);
	const [orgs, asAt] = await Promise.all([listOrganizationsForStaff(), statesAsAt(today)]);
	const deadline = (d: { state: string; deadline?: string }) =>
		d.state === 'deadline' ? d.deadline! : d.state === 'completed' ? 'fulfilled' : d.state === 'unknown' ? 'unknown' : '';
	const yes = (k: { known: boolean; value?: boolean }) => (!k.known ? 'unknown' : k.value ? 'yes' : '');
	const rows = orgs.map((o) => {
		const f = asAt.get(o.id);
		return {
			...o,
			status: f?.status.status ?? null,
			art3: f ? deadline(f.art3) : '',
			art4: f ? deadline(f.art4) : '',
			victims: f ? yes(f.victims) : '',
			ldc: f ? yes(f.leastDeveloped) : ''
		};
	});
	return { rows, today };
};
