import type { Kysely } from 'kysely';
import type { CcmStatus, Database, Organization } from '../db';
import { statesAsAt } from './state-facts';

export type OrganizationOption = Pick<Organization, 'id' | 'name' | 'kind' | 'ccm_status'>;

export function listOrganizationOptions(db: Kysely<Database>): Promise<OrganizationOption[]> {
	return db.selectFrom('organizations').select(['id', 'name', 'kind', 'ccm_status']).orderBy('kind').orderBy('name').execute();
}

export function getOrganization(db: Kysely<Database>, id: number): Promise<Organization | undefined> {
	return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface OrganizationOptionAsAt {
	id: number;
	name: string;
	kind: Organization['kind'];
	/** A state's CCM status as at the day asked about (null for organisations). */
	status: CcmStatus | null;
}

/** Every organisation for a meeting's forms, each state with its status as at the meeting's date (YYYY-MM-DD). */
export async function organizationOptionsAsAt(db: Kysely<Database>, day: string): Promise<OrganizationOptionAsAt[]> {
	const [rows, states] = await Promise.all([listOrganizationOptions(db), statesAsAt(db, day)]);
	return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, status: o.kind === 'state' ? (states.get(o.id)?.status.status ?? 'not_party') : null }));
}

/** The regions states have (for choosing priority regions), in order. */
export async function stateRegions(db: Kysely<Database>): Promise<string[]> {
	const rows = await db
		.selectFrom('organizations')
		.select('region')
		.distinct()
		.where('kind', '=', 'state')
		.where('region', 'is not', null)
		.orderBy('region')
		.execute();
	return rows.flatMap((r) => (r.region ? [r.region] : []));
}

/** The regions any organisation has (for filtering lists of people), in order. */
export async function organizationRegions(db: Kysely<Database>): Promise<string[]> {
	const rows = await db.selectFrom('organizations').select('region').distinct().where('region', 'is not', null).orderBy('region').execute();
	return rows.flatMap((r) => (r.region ? [r.region] : []));
}

/** Every organisation with what the staff list shows. */
export function listOrganizationsForStaff(db: Kysely<Database>) {
	return db.selectFrom('organizations').select(['id', 'name', 'kind', 'region', 'last_article7_report']).orderBy('kind').orderBy('name').execute();
}
