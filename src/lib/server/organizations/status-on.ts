import type { CcmStatus, OrganizationKind } from '../db';

export interface OrgFacts {
	kind: OrganizationKind;
	ccm_status: CcmStatus | null;
	joined: string | null;
}

/**
 * A state's CCM status on a day from the organisation row alone (today's status and the date it joined). Only for
 * rows without dated facts: the app's pages use `statesAsAt`, which knows withdrawals and signatories that joined later.
 */
export function statusOn(org: OrgFacts, date: string): CcmStatus | null {
	if (org.kind !== 'state') return null;
	if (!org.joined || org.joined > date) return 'not_party';
	return org.ccm_status === 'state_party' ? 'state_party' : org.ccm_status === 'signatory' ? 'signatory' : 'not_party';
}
