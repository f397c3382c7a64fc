// The organisations area's front door: states, international organisations and NGOs, and the facts about states
// that sponsorship and the list of participants use.
import { bindDb } from '../db';
import * as facts from './facts';
import * as queries from './queries';
import * as stateFacts from './state-facts';

export type { OrganizationOption, OrganizationOptionAsAt } from './queries';
export type { StateFactsInput } from './facts';
export type { Organization, NewOrganization, OrganizationKind, CcmStatus } from '../db';
export type { FactEntry, FactBasis, Known, StatusAsAt, DeadlineAsAt, FactsAsAt } from './as-at';
export type { AddFactResult } from './state-facts';
export type { FactInput } from './fact-form';
export { stateFactsSchema } from './facts';
export { CONVENTION_ADOPTED, CONVENTION_IN_FORCE, statusAsAt, leastDevelopedAsAt, deadlineAsAt, victimsAsAt, factsAsAt } from './as-at';
export { FACT_TYPES, factSchema, checkFact } from './fact-form';
export { statesFromCsv, organizationsFromCsv } from './seed';
export { statusOn, type OrgFacts } from './status-on';

// Reads.
export const listOrganizationOptions = bindDb(queries.listOrganizationOptions);
export const organizationOptionsAsAt = bindDb(queries.organizationOptionsAsAt);
export const getOrganization = bindDb(queries.getOrganization);
export const stateRegions = bindDb(queries.stateRegions);
export const organizationRegions = bindDb(queries.organizationRegions);
export const listOrganizationsForStaff = bindDb(queries.listOrganizationsForStaff);
export const factEntries = bindDb(stateFacts.factEntries);
export const statesAsAt = bindDb(stateFacts.statesAsAt);
export const factHistory = bindDb(stateFacts.factHistory);

// Staff changes (audited).
export const saveStateFacts = bindDb(facts.saveStateFacts);
export const addStateFact = bindDb(stateFacts.addStateFact);

/** For other areas (sponsorship's review), with their transaction. */
export { statesAsAt as statesAsAtIn, factEntries as factEntriesIn } from './state-facts';

/** For the seed: insert what is missing. */
export { seedOrganizations } from './seed';
