import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { organizationsFromCsv, seedOrganizations, statesFromCsv } from '../organizations';
import { seedMeetings } from './meetings';
import statesCsv from './data/states.csv?raw';
import organizationsCsv from './data/organizations.csv?raw';
import meetingsCsv from './data/meetings.csv?raw';
import nineMspAgenda from './data/9msp-agenda.txt?raw';
import demoAgenda from './data/demo-agenda.txt?raw';
import presidenciesCsv from './data/presidencies.csv?raw';
import documentsCsv from './data/9msp-documents.csv?raw';
import { seedNineMspDocuments } from './documents';
import { seedDemoPeople } from './people';
import { seedCriteria } from '../sponsorship';
import { seedStateFacts } from './facts';
import { seedDecisions } from './decisions';

/** The reference and demo data, bundled into the build so the app never reads shared/ at run time. */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
	await seedOrganizations(db, [...statesFromCsv(statesCsv), ...organizationsFromCsv(organizationsCsv)]);
	// Version 1 of the sponsorship criteria is stored here, so that reading the criteria never writes.
	await seedCriteria(db);
	await seedStateFacts(db);
}

export async function seedDemoData(db: Kysely<Database>, today = new Date()): Promise<void> {
	await seedReferenceData(db);
	const demoMeeting = await seedMeetings(db, { meetingsCsv, presidenciesCsv, nineMspAgenda, demoAgenda }, today);
	if (demoMeeting !== null) await seedDemoPeople(db, demoMeeting);
	await seedNineMspDocuments(db, documentsCsv);
	await seedDecisions(db, today);
}
