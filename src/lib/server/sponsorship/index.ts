// The sponsorship area's front door: applications, endorsement, criteria, ranking, allocation, offers and the report.
// The core (criteria, evaluate, ranking, allocation, report) is pure; store and applications hold its data.
// Routes and other areas import from here only. Functions without a database argument are bound to the app's database.
import { bindDb } from '../db';
import * as applications from './applications';
import * as committee from './committee';
import * as handOffs from './hand-offs';
import * as store from './store';

export type { SaveResult as ApplicationSaveResult } from './applications';
export type { ProgrammeInput, Review, ReviewRow } from './store';
export type { RankingFilter, RankingView } from './view';
export type { ReportDimension, SponsorshipReport } from './report';
export type { CriteriaSet, CriterionConfig, CriterionKind } from './criteria';
export type { ApplicantFacts, Evaluation, BreakdownRow } from './evaluate';
export type { ApplicationInput } from './forms';
export type { ApplicationStatus, SponsorshipApplication, SponsorshipProgramme } from '../db';

// Pure rules and forms.
export { maxNights, applicationDeadline, applicationWindowNow } from './applications';
export { applicationSchema, programmeSchema, applicationWindow, chfToCentimes, earlySchema, endorseSchema, adjustSchema } from './forms';
export { paramFields, readParams, tickedLists } from './criteria-form';
export { rankingView } from './view';
export { sponsorshipReport, reportCsvRows, REPORT_CSV_COLUMNS, REPORT_DIMENSIONS } from './report';
export { REASON_TEXT, formatChf } from './allocation';
export { TIE_BREAK_TEXT } from './ranking';
export { STAFF_SCORE_ID } from './criteria';

// Reads.
export const getApplicationByRegistration = bindDb(applications.getApplicationByRegistration);
export const listForEndorsement = bindDb(applications.listForEndorsement);
export const currentCriteria = bindDb(store.currentCriteria);
export const getProgramme = bindDb(store.getProgramme);
export const review = bindDb(store.review);
export { offerLapsed } from './store';
export const meetingsWithSponsorship = bindDb(committee.meetingsWithSponsorship);
export const criteriaVersions = bindDb(committee.criteriaVersions);

// Changes.
export const saveApplication = bindDb(applications.saveApplication);
export const endorse = bindDb(applications.endorse);
export const saveCriteria = bindDb(store.saveCriteria);
export const saveProgramme = bindDb(store.saveProgramme);
export const adjustScore = bindDb(store.adjustScore);
export const sendOffers = bindDb(store.sendOffers);
export const expireOffers = bindDb(store.expireOffers);
export const respondToOffer = bindDb(store.respondToOffer);
export const releaseApplication = bindDb(store.releaseApplication);
export const sendOffersChecked = bindDb(handOffs.sendOffersChecked);
export const endorseForState = bindDb(handOffs.endorseForState);
export const awaitingIsuEndorsement = bindDb(handOffs.awaitingIsuEndorsement);
export const reofferAfterCancel = bindDb(handOffs.reofferAfterCancel);
export const latestApplicationOf = bindDb(applications.latestApplicationOf);
export const pendingEndorsements = bindDb(applications.pendingEndorsements);
/** For registration.cancelRegistration: releases the person's offer in the cancelling transaction. */
export { releaseOnCancel } from './hand-offs';
export type { SendOffersResult, EndorseResult } from './hand-offs';
export { offerLines, nextSteps, type OfferCost } from './mails';

/** For the scheduler: lapse overdue offers and offer their money to the next people, in batches. */
export { expireDueOffers, seedCriteria } from './store';
