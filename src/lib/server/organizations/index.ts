// The organisations area's front door: states, international organisations and NGOs, and the facts about states
// that sponsorship and the list of participants use.
import { bindDb } from '../db';
import * as facts from './facts';
import * as queries from './queries';

export type { OrganizationOption } from './queries';
export type { StateFactsInput } from './facts';
export type { Organization, NewOrganization, OrganizationKind, CcmStatus } from '../db';
export { stateFactsSchema } from './facts';
export { statesFromCsv, organizationsFromCsv } from './seed';

// Reads.
export const listOrganizationOptions = bindDb(queries.listOrganizationOptions);
export const getOrganization = bindDb(queries.getOrganization);
export const stateRegions = bindDb(queries.stateRegions);

// Staff changes (audited).
export const saveStateFacts = bindDb(facts.saveStateFacts);

/** For the seed: insert what is missing. */
export { seedOrganizations } from './seed';
