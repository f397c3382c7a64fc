// The registration area's front door: registrations, delegations, check-in, badges and the list of participants.
// Routes and other areas import from here only. Functions without a database argument are bound to the app's database.
import { bindDb, getDb } from '../db';
import type { Actor } from '../audit';
import { storeFile } from '../files';
import { m } from '$lib/paraglide/messages';
import * as checkInStore from './check-in';
import * as confirm from './confirm';
import * as delegationStore from './delegation-store';
import * as delegations from './delegations';
import * as ownSpace from './own-space';
import * as csvExport from './export';
import * as personalData from './personal-data';
import * as participantsPdfStore from './participants-pdf';
import * as queries from './queries';
import * as store from './store';
import * as visaLetters from './visa-letters';

export type { RegistrationView, RegistrationFilter } from './queries';
export type { PersonDetails, RegisterResult, RegisterOptions, Decision, UpdateResult, ConfirmResult, OnCancelled } from './store';
export { UNCONFIRMED_HOLD_DAYS, HEAD_NEEDS_CONFIRMATION } from './store';
/** For the scheduler: self-registrations still unconfirmed after UNCONFIRMED_HOLD_DAYS give their place on. */
export { releaseUnconfirmed } from './store';
export type { SubmitResult } from './delegation-store';
export type { CheckIn } from './check-in';
export type { PersonForm } from './forms';
export type { Category, ListedPerson } from './rules';
export { DELEGATION_ROLES, LIVE_STATUSES, type Registration, type RegistrationStatus, type DelegationRole, type Delegation } from '../db';

// Rules, forms, lists and documents: plain functions.
export {
	ROLE_LABELS,
	STATUS_LABELS,
	CATEGORY_LABELS,
	localized,
	CATEGORY_COLOURS,
	categoryOf,
	compareParticipants,
	needsReapproval,
	placeDecision,
	canSeeRegistration,
	csvSafe
} from './rules';
export { GENDERS, TITLES, personSchema, decisionSchema, formToken, registerFailure } from './forms';
export { roleOptions, genderOptions } from './options';
export { badgePeople, participantGroups, pdfMeeting } from './lists';
export { badgesPdf, participantsPdf } from './pdf';
export { registrationsCsv } from './csv';
export { isLive, LIVE_IN_SQL } from './live';

// Reads.
export const getRegistration = bindDb(queries.getRegistration);
export const listRegistrations = bindDb(queries.listRegistrations);
export const listDelegation = bindDb(queries.listDelegation);
export const getDelegation = bindDb(queries.getDelegation);
export const listParticipants = bindDb(queries.listParticipants);
export const keptParticipantsPdf = bindDb(participantsPdfStore.keptParticipantsPdf);
export const listApprovedForBadges = bindDb(queries.listApprovedForBadges);
export const findLive = bindDb(store.findLive);
export const delegationFor = bindDb(store.delegationFor);
export const waitingListPosition = bindDb(queries.waitingListPosition);

// Changes (each in its own transaction, audited when staff or a focal point make them).
export const register = bindDb(store.register);
export const cancelRegistration = bindDb(store.cancelRegistration);
export const decide = bindDb(store.decide);
export const updateRegistration = bindDb(store.updateRegistration);
export const confirmOwnRegistration = bindDb(confirm.confirmOwnRegistration);
export const confirmMember = bindDb(store.confirmMember);
export const checkIn = bindDb(checkInStore.checkIn);
export const attendance = bindDb(checkInStore.attendance);
export const setHead = bindDb(delegationStore.setHead);
export const setCredentials = bindDb(delegationStore.setCredentials);
export const submitDelegation = bindDb(delegationStore.submitDelegation);
export const exportPerson = bindDb(personalData.exportPerson);
export const erasePerson = bindDb(personalData.erasePerson);
export const exportRegistrationsCsv = bindDb(csvExport.exportRegistrationsCsv);

/** A focal point's credentials letter, already checked by content (files.checkUpload): stored, then named on the delegation. */
export async function uploadCredentials(
	actor: Actor,
	meetingId: number,
	organizationId: number,
	upload: { bytes: Buffer; mime: string; name: string },
	origin = ''
): Promise<{ ok: true } | { ok: false; message: string }> {
	const db = getDb();
	const delegation = await store.delegationFor(db, meetingId, organizationId);
	if (delegation.credentials_decision === 'accepted') return { ok: false, message: m.del_refuse_credentials_accepted() };
	const sha256 = await storeFile(db, upload.bytes, upload.mime);
	return delegationStore.setCredentials(db, actor, delegation.id, { sha256, name: upload.name, size: upload.bytes.length }, origin);
}

/** For meetings.updateMeeting: raising a meeting's capacity moves its waiting list up in the same transaction. */
export function waitlistPromoter(origin: string) {
	return (trx: Parameters<typeof store.promoteWaitlist>[0], meetingId: number) => store.promoteWaitlist(trx, meetingId, origin);
}

// Issue 12 (H9): the ISU's delegations page, credentials decisions, the printable list of delegations.
export {
	DELEGATION_STATES,
	DELEGATION_STATE_LABELS,
	credentialsDecisionSchema,
	delegationState,
	type DelegationFilter,
	type DelegationRow,
	type DelegationState
} from './delegations';
export const listDelegations = bindDb(delegations.listDelegations);
export const decideCredentials = bindDb(delegations.decideCredentials);
export const participatingDelegations = bindDb(delegations.participatingDelegations);
export const getDelegationById = bindDb(delegations.getDelegationById);
// Issue 12 (H9): the delegate's own space ("My meetings").
export { nextStep, SPONSORSHIP_LABELS } from './own-space';
export const listOwnRegistrations = bindDb(ownSpace.listOwnRegistrations);
// Issue 12 (H12): letters of invitation for visa purposes.
export { visaLetterSchema, visaDecisionSchema, VISA_STATUS_LABELS, VISA_REFUSALS, type VisaLetterForm } from './visa-forms';
export { visaReference, type VisaRequester, type VisaDecision } from './visa-letters';
export const getVisaLetter = bindDb(visaLetters.getVisaLetter);
export const requestVisaLetter = bindDb(visaLetters.requestVisaLetter);
export const decideVisaLetter = bindDb(visaLetters.decideVisaLetter);
export const listVisaLetters = bindDb(visaLetters.listVisaLetters);
export const setVisaApproval = bindDb(visaLetters.setVisaApproval);
export const visaLetterDownload = bindDb(visaLetters.visaLetterDownload);
