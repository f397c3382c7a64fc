import { listParticipants, participantGroups, ROLE_LABELS } from '$lib/server/registration';
import { stateName } from '$lib/state-names';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { meeting } = await parent();
	const rows = await listParticipants(meeting.id);
	// States named in the page's language (grouped and sorted by that name); organisations as they call themselves.
	const named = rows.map((r) => (r.kind === 'state' ? { ...r, organization: stateName(r.organization, r.iso3) } : r));
	// The page names groups and roles in its own language: it needs their codes, which the shared grouping (also the
	// PDF's) gives as English labels. An organisation has one category; a label names one role.
	const categoryOf = new Map(named.map((r) => [r.organization, r.category as string]));
	const roleOf = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label as string, role]));
	const groups = participantGroups(named).map((g) => ({
		heading: g.heading,
		category: categoryOf.get(g.organizations[0]?.name ?? '') ?? null,
		organizations: g.organizations.map((o) => ({
			name: o.name,
			people: o.people.map((p) => ({ name: p.name, position: p.position, role: roleOf.get(p.roleLabel) ?? null, roleLabel: p.roleLabel }))
		}))
	}));
	return { groups, count: rows.length };
};
