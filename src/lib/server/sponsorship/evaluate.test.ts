import { describe, expect, it } from 'vitest';
import { defaultCriteria, type CriterionConfig } from './criteria';
import { addMonths, evaluate, pointsOf, stateFacts, type ApplicantFacts } from './evaluate';
import { MSP9, applicant, base, setOf } from '../../../../tests/fixtures/sponsorship';

/** Points and explanation of one criterion for one applicant. */
function score(c: CriterionConfig, over: Partial<ApplicantFacts> = {}, meeting = MSP9) {
	const row = evaluate(setOf([c]), applicant(over), meeting).breakdown[0];
	return { points: row.points, why: row.why };
}

const obligations: CriterionConfig = {
	...base,
	id: 'o',
	label: 'Obligations',
	weight: 30,
	kind: 'open_obligation',
	articles: ['art3', 'art4'],
	openShare: 60,
	soonShare: 100,
	soonMonths: 24
};

describe('criteria, each with a positive and a negative case', () => {
	it('ccm_status: points per status at the meeting date', () => {
		const c: CriterionConfig = {
			...base,
			id: 'u',
			label: 'Universalization',
			weight: 15,
			kind: 'ccm_status',
			share: { state_party: 0, signatory: 100, not_party: 50 }
		};
		expect(score(c, { stateName: 'Indonesia', ccmStatus: 'signatory' })).toEqual({ points: 15, why: 'Indonesia is a Signatory at the meeting date' });
		expect(score(c, { ccmStatus: 'not_party' }).points).toBe(8); // 50% of 15, rounded half up
		expect(score(c).points).toBe(0);
	});
	it('open_obligation: within N months, open, passed, none, not a party', () => {
		expect(score(obligations)).toEqual({ points: 30, why: 'Article 4 deadline 2020-08-01 is within 24 months of the meeting' });
		expect(score(obligations, { stateName: 'Colombia', art4Deadline: '2026-03-01' })).toEqual({
			points: 18,
			why: 'Article 4 deadline 2026-03-01 is open, more than 24 months after the meeting'
		});
		expect(score(obligations, { art3Deadline: '2019-05-01', art4Deadline: null })).toEqual({
			points: 0,
			why: 'Article 3 deadline 2019-05-01 had passed by the meeting (check for an extension)'
		});
		expect(score(obligations, { art4Deadline: null })).toEqual({ points: 0, why: 'No Article 3 or Article 4 deadline on record' });
		expect(score(obligations, { ccmStatus: 'signatory' }).points).toBe(0);
	});
	it('open_obligation: the nearest open deadline counts, and only the articles listed', () => {
		expect(score(obligations, { art3Deadline: '2019-05-01', art4Deadline: '2020-08-01' }).why).toContain('Article 4 deadline 2020-08-01');
		expect(score(obligations, { art3Deadline: '2025-01-01', art4Deadline: '2020-08-01' }).why).toContain('Article 4 deadline 2020-08-01');
		expect(score({ ...obligations, articles: ['art3'] } as CriterionConfig).points).toBe(0);
		// The deadline on the meeting day itself is still open; 24 months to the day is still "within".
		expect(score(obligations, { art4Deadline: MSP9 }).points).toBe(30);
		expect(score(obligations, { art4Deadline: '2021-09-02' }).points).toBe(30);
		expect(score(obligations, { art4Deadline: '2021-09-03' }).points).toBe(18);
	});
	it('victim_assistance: State Party with victims only', () => {
		const c: CriterionConfig = { ...base, id: 'v', label: 'VA', weight: 15, kind: 'victim_assistance' };
		expect(score(c)).toEqual({ points: 15, why: 'Croatia has cluster munition victims (Article 5)' });
		expect(score(c, { hasVictims: false }).points).toBe(0);
		expect(score(c, { ccmStatus: 'signatory' })).toEqual({ points: 0, why: 'Article 5 (victim assistance) applies to States Parties only' });
	});
	it('least_developed', () => {
		const c: CriterionConfig = { ...base, id: 'l', label: 'LDC', weight: 15, kind: 'least_developed' };
		expect(score(c, { stateName: 'Chad', leastDeveloped: true })).toEqual({ points: 15, why: 'Chad is a least developed country (UN list)' });
		expect(score(c).points).toBe(0);
	});
	it('region_balance: listed regions, case-insensitive', () => {
		const c: CriterionConfig = { ...base, id: 'r', label: 'Region', weight: 10, kind: 'region_balance', priorityRegions: ['Africa', 'Pacific'] };
		expect(score(c, { region: 'africa' }).points).toBe(10);
		expect(score(c)).toEqual({ points: 0, why: 'Europe is not a priority region (Africa, Pacific)' });
		expect(score(c, { region: null }).why).toBe('No region recorded');
	});
	it('article7_current: reported within N months before the meeting', () => {
		const c: CriterionConfig = { ...base, id: 'a7', label: 'Art 7', weight: 10, kind: 'article7_current', withinMonths: 12 };
		expect(score(c)).toEqual({ points: 10, why: 'Last Article 7 report 2019-04-30, within 12 months before the meeting' });
		expect(score(c, { lastArticle7Report: '2018-09-01' }).points).toBe(0);
		expect(score(c, { lastArticle7Report: '2018-09-02T10:00:00Z' }).points).toBe(10);
		expect(score(c, { lastArticle7Report: null }).why).toBe('No Article 7 report on record');
	});
	it('previous_sponsorship: rotation favours those not sponsored last time', () => {
		const c: CriterionConfig = { ...base, id: 'p', label: 'Rotation', weight: 10, kind: 'previous_sponsorship' };
		expect(score(c).points).toBe(10);
		expect(score(c, { sponsoredLastMeeting: true })).toEqual({ points: 0, why: 'Sponsored at the previous meeting' });
	});
	it('role: points per delegation role, unlisted roles 0', () => {
		const c: CriterionConfig = { ...base, id: 'ro', label: 'Role', weight: 10, kind: 'role', share: { adviser: 100, head: 50 } };
		expect(score(c)).toEqual({ points: 10, why: 'Role in the delegation: Adviser' });
		expect(score(c, { role: 'head' }).points).toBe(5);
		expect(score(c, { role: 'observer' }).points).toBe(0);
	});
	it('gender_balance: gender listed as under-represented', () => {
		const c: CriterionConfig = { ...base, id: 'g', label: 'Gender', weight: 5, kind: 'gender_balance', underRepresented: ['Female'] };
		expect(score(c).points).toBe(5);
		expect(score(c, { gender: 'male' }).points).toBe(0);
		expect(score(c, { gender: null }).why).toBe('Gender not given');
	});
	it('statement: more when it names agenda items', () => {
		const c: CriterionConfig = { ...base, id: 's', label: 'Statement', weight: 10, kind: 'statement', statementShare: 70, withItemsShare: 100 };
		expect(score(c)).toEqual({ points: 10, why: 'Will deliver a statement on agenda item 10 (a)' });
		expect(score(c, { answers: { statement: true, statementItems: [' '], implementationResponsibility: false } })).toEqual({
			points: 7,
			why: 'Will deliver a statement (no agenda item named)'
		});
		expect(score(c, { answers: { statement: false, statementItems: ['5'], implementationResponsibility: false } }).points).toBe(0);
	});
	it('implementation_responsibility: the applicant says yes', () => {
		const c: CriterionConfig = { ...base, id: 'i', label: 'Expert', weight: 15, kind: 'implementation_responsibility' };
		expect(score(c).points).toBe(15);
		expect(score(c, { answers: { statement: true, statementItems: [], implementationResponsibility: false } }).points).toBe(0);
	});
	it('staff_score: counts only with a reason, never above the weight', () => {
		const c: CriterionConfig = { ...base, id: 'st', label: 'Staff', weight: 10, kind: 'staff_score' };
		expect(score(c, { staffScore: { points: 7, reason: 'Leads the national clearance plan' } })).toEqual({
			points: 7,
			why: 'Staff: Leads the national clearance plan'
		});
		expect(score(c, { staffScore: { points: 7, reason: '  ' } })).toEqual({ points: 0, why: 'Staff score ignored: no reason given' });
		expect(score(c, { staffScore: { points: 40, reason: 'x' } }).points).toBe(10);
		expect(score(c, { staffScore: null }).why).toBe('Not scored by staff yet');
	});
	it('a criterion with weight 0 gives nothing and says it is not in use', () => {
		expect(score({ ...obligations, weight: 0 } as CriterionConfig)).toEqual({ points: 0, why: 'Not in use (weight 0)' });
	});
});

describe('evaluate', () => {
	it('adds the breakdown in set order and records the version', () => {
		const e = evaluate(defaultCriteria(), applicant(), MSP9);
		expect(e.version).toBe(1);
		expect(e.breakdown.map((r) => [r.criterionId, r.points])).toEqual([
			['obligations', 30],
			['victim_assistance', 15],
			['least_developed', 0],
			['universalization', 0],
			['expert', 15],
			['statement', 10],
			['region', 0],
			['article7', 0],
			['rotation', 0],
			['role', 0],
			['gender', 0],
			['staff', 0]
		]);
		expect(e.total).toBe(70);
		expect(e.eligible).toBe(true);
	});
	it('applies a staff adjustment with its reason, and ignores one without', () => {
		const e = evaluate(
			defaultCriteria(),
			applicant({
				adjustments: [
					{ criterionId: 'obligations', points: 18, reason: 'Extension granted to 2025' },
					{ criterionId: 'expert', points: 0, reason: '' }
				]
			}),
			MSP9
		);
		expect(e.breakdown[0]).toMatchObject({
			points: 18,
			adjusted: true,
			why: 'Article 4 deadline 2020-08-01 is within 24 months of the meeting. Adjusted by staff from 30 to 18: Extension granted to 2025'
		});
		expect(e.breakdown[4]).toMatchObject({ points: 15, adjusted: false });
		expect(e.total).toBe(58);
	});
});

describe('gates', () => {
	const noSignatories = { ...setOf(defaultCriteria().criteria), gates: { admitSignatories: false, admitNotParty: false } };
	it('refuses a Signatory or State not party the criteria do not admit', () => {
		const e = evaluate(noSignatories, applicant({ stateName: 'Indonesia', ccmStatus: 'signatory' }), MSP9);
		expect(e.eligible).toBe(false);
		expect(e.gateFailures).toEqual(['Indonesia is a Signatory at the meeting date, and the criteria (version 7) do not admit Signatories.']);
		expect(evaluate(noSignatories, applicant({ ccmStatus: 'not_party' }), MSP9).gateFailures[0]).toContain('do not admit States not party');
	});
	it('admits them when the criteria do', () => {
		expect(evaluate(defaultCriteria(), applicant({ ccmStatus: 'signatory' }), MSP9).eligible).toBe(true);
		expect(evaluate({ ...noSignatories, gates: { admitSignatories: true, admitNotParty: false } }, applicant({ ccmStatus: 'signatory' }), MSP9).eligible).toBe(
			true
		);
	});
	it('requires the applicant in the delegation, endorsed by the focal point', () => {
		expect(evaluate(defaultCriteria(), applicant({ endorsedByFocalPoint: false }), MSP9).gateFailures).toEqual([
			"Croatia's focal point has not endorsed the application."
		]);
		expect(evaluate(defaultCriteria(), applicant({ inDelegation: false }), MSP9).gateFailures).toEqual([
			"The applicant is not in Croatia's delegation to this meeting."
		]);
	});
	it('still shows the breakdown of an ineligible applicant', () => {
		expect(evaluate(defaultCriteria(), applicant({ inDelegation: false }), MSP9).total).toBe(70);
	});
});

describe('stateFacts and dates', () => {
	const philippines = {
		iso3: 'PHL',
		name: 'Philippines',
		ccm_status: 'state_party' as const,
		joined: '2019-01-03',
		region: 'Asia',
		art3_deadline: null,
		art4_deadline: null
	};
	it('takes the status at the meeting date from the date joined', () => {
		expect(stateFacts(philippines, '2018-09-03T07:00:00Z').ccmStatus).toBe('not_party'); // 8MSP
		expect(stateFacts(philippines, MSP9)).toEqual({
			stateIso3: 'PHL',
			stateName: 'Philippines',
			ccmStatus: 'state_party',
			region: 'Asia',
			art3Deadline: null,
			art4Deadline: null
		});
	});
	it('adds months, clamping to the end of the month', () => {
		expect(addMonths('2019-09-02', 24)).toBe('2021-09-02');
		expect(addMonths('2019-09-02', -12)).toBe('2018-09-02');
		expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
		expect(addMonths('2019-03-31', -13)).toBe('2018-02-28');
	});
	it('rounds shares half up in whole points', () => {
		expect([pointsOf(15, 50), pointsOf(15, 70), pointsOf(30, 60), pointsOf(100, 100), pointsOf(1, 49)]).toEqual([8, 11, 18, 100, 0]);
	});
});
