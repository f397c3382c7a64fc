// The audit area's front door: every staff decision is written here, in the transaction that makes it.
import { bindDb } from '../db';
import * as log from './audit';

export type { Actor, AuditFilter } from './audit';
export type { AuditEntry } from '../db';
export { AUDIT_PAGE_SIZE } from './audit';

/** For other areas: one audit row, written with their transaction. */
export { audit } from './audit';

// Reads for the staff audit page.
export const listAudit = bindDb(log.listAudit);
export const auditFacets = bindDb(log.auditFacets);
export const entityHistory = bindDb(log.entityHistory);
