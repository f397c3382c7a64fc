import { requireStaff } from '$lib/server/auth/guards';
import { listOrganizationsForStaff, statesAsAt } from '$lib/server/organizations';
import { nowIso } from '$lib/server/time';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const today = nowIso().slice(0, 10);
	const [orgs, asAt] = await Promise.all([listOrganizationsForStaff(), statesAsAt(today)]);
	const deadline = (d: { state: string; deadline?: string }) =>
		d.state === 'deadline' ? d.deadline! : d.state === 'completed' ? m.adm_org_fulfilled() : d.state === 'unknown' ? m.adm_org_unknown() : '';
	const yes = (k: { known: boolean; value?: boolean }) => (!k.known ? m.adm_org_unknown() : k.value ? m.adm_yes() : '');
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
