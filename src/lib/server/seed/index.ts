import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { organizationsFromCsv, seedOrganizations, statesFromCsv } from '../organizations/seed';
import { seedMeetings } from './meetings';
import statesCsv from './data/states.csv?raw';
import organizationsCsv from './data/organizations.csv?raw';
import meetingsCsv from './data/meetings.csv?raw';
import agendaText from './data/9msp-agenda.txt?raw';
import documentsCsv from './data/9msp-documents.csv?raw';
import { seedNineMspDocuments } from './documents';
import { seedDemoPeople } from './people';
import { seedStateFacts } from './facts';

/** The reference and demo data, bundled into the build so the app never reads shared/ at run time. */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
	await seedOrganizations(db, [...statesFromCsv(statesCsv), ...organizationsFromCsv(organizationsCsv)]);
	// Extensions granted at the 9MSP (shared/data/README.md): kept beside the original deadlines, not over them.
	await db.updateTable('organizations').set({ art3_extended_to: '2021-04-01' }).where('iso3', '=', 'BGR').where('art3_extended_to', 'is', null).execute();
	await db.updateTable('organizations').set({ art4_extended_to: '2025-08-01' }).where('iso3', '=', 'DEU').where('art4_extended_to', 'is', null).execute();
	await seedStateFacts(db);
}

export async function seedDemoData(db: Kysely<Database>, today = new Date()): Promise<void> {
	await seedReferenceData(db);
	const demoMeeting = await seedMeetings(db, meetingsCsv, agendaText, today);
	if (demoMeeting !== null) await seedDemoPeople(db, demoMeeting);
	await seedNineMspDocuments(db, documentsCsv);
}
