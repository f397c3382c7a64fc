import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { organizationsFromCsv, seedOrganizations, statesFromCsv } from '../organizations/seed';
import statesCsv from './data/states.csv?raw';
import organizationsCsv from './data/organizations.csv?raw';

/** The reference and demo data, bundled into the build so the app never reads shared/ at run time. */
export async function seedDemoData(db: Kysely<Database>): Promise<void> {
	await seedOrganizations(db, [...statesFromCsv(statesCsv), ...organizationsFromCsv(organizationsCsv)]);
}
