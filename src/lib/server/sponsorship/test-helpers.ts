import type { CriteriaSet, CriterionConfig } from './criteria';
import type { ApplicantFacts } from './evaluate';

/** Shared by the sponsorship unit tests. 9MSP opened in Geneva on 2 September 2019. */
export const MSP9 = '2019-09-02';

/** Croatia at 9MSP (states.csv: State Party since 2009-08-17, Article 4 deadline 2020-08-01). */
export function applicant(over: Partial<ApplicantFacts> = {}): ApplicantFacts {
	return {
		applicationId: 1,
		stateIso3: 'HRV',
		stateName: 'Croatia',
		ccmStatus: 'state_party',
		region: 'Europe',
		art3Deadline: null,
		art4Deadline: '2020-08-01',
		hasVictims: true,
		leastDeveloped: false,
		lastArticle7Report: '2019-04-30',
		sponsoredLastMeeting: false,
		role: 'adviser',
		gender: 'female',
		answers: { statement: true, statementItems: ['10 (a)'], implementationResponsibility: true },
		staffScore: null,
		endorsedByFocalPoint: true,
		inDelegation: true,
		submittedAt: '2019-06-01T09:00:00.000Z',
		airfareCentimes: 90_000,
		nights: 5,
		...over
	};
}

/** A set holding just the given criteria, everything admitted. */
export function setOf(criteria: CriterionConfig[], version = 7): CriteriaSet {
	return { version, adoptedAt: '2019-03-01', note: '', gates: { admitSignatories: true, admitNotParty: true }, criteria };
}

export const base = { source: 'test', note: '' };
