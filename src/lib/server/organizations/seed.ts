import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { CcmStatus, Database, NewOrganization, OrganizationKind } from '../db';

const STATUS: Record<string, CcmStatus> = {
	'State Party': 'state_party',
	Signatory: 'signatory',
	'State not party': 'not_party'
};

const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

export function statesFromCsv(csv: string): NewOrganization[] {
	const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	return rows.map((r) => {
		const status = STATUS[r.status];
		if (!status) throw new Error(`states.csv: unknown status "${r.status}" for ${r.name}`);
		return {
			kind: 'state',
			name: r.name,
			short_name: null,
			iso3: r.iso3,
			region: blank(r.region),
			ccm_status: status,
			joined: blank(r.joined),
			art3_deadline: blank(r.art3_deadline),
			art4_deadline: blank(r.art4_deadline),
			observer_by_right: 0,
			note: null,
			source: blank(r.source)
		};
	});
}

export function organizationsFromCsv(csv: string): NewOrganization[] {
	const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	return rows.map((r) => {
		if (r.kind !== 'international_organization' && r.kind !== 'ngo') {
			throw new Error(`organizations.csv: unknown kind "${r.kind}" for ${r.name}`);
		}
		return {
			kind: r.kind as OrganizationKind,
			name: r.name,
			short_name: blank(r.short_name),
			iso3: null,
			region: null,
			ccm_status: null,
			joined: null,
			art3_deadline: null,
			art4_deadline: null,
			observer_by_right: r.observer_by_right === 'yes' ? 1 : 0,
			note: blank(r.note),
			source: null
		};
	});
}

/** Inserts the organizations that are not there yet (by name), so seeding twice changes nothing. */
export async function seedOrganizations(db: Kysely<Database>, orgs: NewOrganization[]): Promise<number> {
	const existing = new Set((await db.selectFrom('organizations').select('name').execute()).map((r) => r.name));
	const fresh = orgs.filter((o) => !existing.has(o.name));
	for (let i = 0; i < fresh.length; i += 50) {
		await db
			.insertInto('organizations')
			.values(fresh.slice(i, i + 50))
			.execute();
	}
	return fresh.length;
}
