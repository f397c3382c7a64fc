import { describe, expect, it } from 'vitest';
import { allocate, expiredOffers, formatChf, nextOffers, offersToMake, withStatus, type AllocationApplicant, type AllocationInput } from './allocation';

const DSA = 30_000; // CHF 300.00 a night

/** Applicant with a total cost in centimes: airfare + 2 nights of DSA (no nights when the cost is below that). */
function a(applicationId: number, stateIso3: string, costCentimes: number, over: Partial<AllocationApplicant> = {}): AllocationApplicant {
	const nights = costCentimes >= 2 * DSA ? 2 : 0;
	return { applicationId, stateIso3, airfareCentimes: costCentimes - nights * DSA, nights, status: 'applied', ...over };
}

const input = (budgetCentimes: number, ranked: AllocationApplicant[], placesPerState: number | null = 1): AllocationInput => ({
	budgetCentimes,
	dsaCentimes: DSA,
	placesPerState,
	ranked
});
const decisions = (r: ReturnType<typeof allocate>) => r.rows.map((x) => `${x.applicationId}:${x.reason}`);

describe('allocate', () => {
	it('uses the budget exactly, to the centime', () => {
		const r = allocate(input(250_001, [a(1, 'AFG', 100_000), a(2, 'BIH', 150_001), a(3, 'TCD', 60_001)]));
		expect(decisions(r)).toEqual(['1:funded', '2:funded', '3:over_budget']);
		expect([r.usedCentimes, r.leftCentimes]).toEqual([250_001, 0]);
		expect(r.rows[2].leftAtTurnCentimes).toBe(0);
	});
	it('skips a costly applicant and funds a cheaper one further down', () => {
		const r = allocate(input(200_000, [a(1, 'AFG', 120_000), a(2, 'BIH', 90_000), a(3, 'TCD', 80_000), a(4, 'LAO', 1)]));
		expect(decisions(r)).toEqual(['1:funded', '2:over_budget', '3:funded', '4:over_budget']);
		expect(r.rows[1]).toMatchObject({ decision: 'not_funded', costCentimes: 90_000, leftAtTurnCentimes: 80_000 });
		expect(r.waitingList).toEqual([2, 4]);
		expect(r.leftCentimes).toBe(0);
	});
	it('funds at most the places per state, then carries on', () => {
		const r = allocate(input(1_000_000, [a(1, 'AFG', 100_000), a(2, 'AFG', 100_000), a(3, 'BIH', 100_000)], 1));
		expect(decisions(r)).toEqual(['1:funded', '2:state_places_taken', '3:funded']);
		expect(allocate(input(1_000_000, [a(1, 'AFG', 1), a(2, 'AFG', 1), a(3, 'AFG', 1)], 2)).waitingList).toEqual([3]);
		expect(allocate(input(1_000_000, [a(1, 'AFG', 1), a(2, 'AFG', 1)], null)).usedCentimes).toBe(2);
	});
	it('funds nobody on a zero budget', () => {
		const r = allocate(input(0, [a(1, 'AFG', 100_000), a(2, 'BIH', 1)]));
		expect(decisions(r)).toEqual(['1:over_budget', '2:over_budget']);
		expect([r.usedCentimes, r.leftCentimes, r.waitingList]).toEqual([0, 0, [1, 2]]);
		// A free trip still fits a zero budget.
		expect(allocate(input(0, [a(3, 'AFG', 0)])).rows[0].reason).toBe('funded');
	});
	it('never funds the ineligible, declined, expired or withdrawn, and they free their budget and place', () => {
		const r = allocate(
			input(200_000, [
				a(1, 'AFG', 100_000, { status: 'declined' }),
				a(2, 'AFG', 100_000, { eligible: false }),
				a(3, 'AFG', 100_000, { status: 'expired' }),
				a(4, 'BIH', 100_000, { status: 'withdrawn' }),
				a(5, 'AFG', 100_000),
				a(6, 'BIH', 100_000)
			])
		);
		expect(decisions(r)).toEqual(['1:declined', '2:ineligible', '3:expired', '4:withdrawn', '5:funded', '6:funded']);
		expect(r.waitingList).toEqual([]);
	});
	it('honours offers already made first, whatever their rank', () => {
		const r = allocate(input(200_000, [a(1, 'AFG', 150_000), a(2, 'BIH', 150_000, { status: 'accepted' }), a(3, 'TCD', 50_000)]));
		expect(decisions(r)).toEqual(['1:over_budget', '2:funded', '3:funded']);
		expect(r.rows[0].leftAtTurnCentimes).toBe(50_000);
	});
	it('warns when commitments exceed the budget or the places', () => {
		const r = allocate(input(100_000, [a(1, 'AFG', 80_000, { status: 'offered' }), a(2, 'AFG', 80_000, { status: 'accepted', eligible: false })]));
		expect(r.leftCentimes).toBe(-60_000);
		expect(r.warnings).toEqual([
			'Application 2 holds an offer but is no longer eligible: review it.',
			'Offers already made (CHF 1,600.00) exceed the budget (CHF 1,000.00).',
			'AFG holds 2 offers for 1 place.'
		]);
	});
	it('refuses negative, fractional or duplicate input', () => {
		expect(() => allocate(input(-1, []))).toThrow('The budget must be a whole, non-negative number of centimes.');
		expect(() => allocate({ ...input(100, []), dsaCentimes: 12.5 })).toThrow('daily subsistence allowance');
		expect(() => allocate(input(100, [a(1, 'AFG', 100_000, { airfareCentimes: -5 })]))).toThrow('Application 1: the airfare');
		expect(() => allocate(input(100, [a(1, 'AFG', 100_000, { nights: -1 })]))).toThrow('nights');
		expect(() => allocate(input(100, [a(1, 'AFG', 1), a(1, 'BIH', 1)]))).toThrow('appears twice');
		expect(() => allocate(input(100, [], -1))).toThrow('Places per state');
	});
});

describe('decline and re-offer', () => {
	it('offers the freed budget to the next applicant who fits', () => {
		const start = input(300_000, [a(1, 'AFG', 200_000), a(2, 'BIH', 100_000), a(3, 'TCD', 250_000), a(4, 'LAO', 150_000), a(5, 'PER', 90_000)]);
		const first = allocate(start);
		expect(offersToMake(first)).toEqual([1, 2]);
		expect(first.waitingList).toEqual([3, 4, 5]);

		// Offers go out; then applicant 1 declines: 200,000 free again. 3 (250,000) does not fit, 4 does, then 5 does not.
		const offered = withStatus(withStatus(start, 1, 'offered'), 2, 'offered');
		const afterDecline = allocate(withStatus(offered, 1, 'declined'));
		expect(nextOffers(first, afterDecline)).toEqual([4]);
		expect(decisions(afterDecline)).toEqual(['1:declined', '2:funded', '3:over_budget', '4:funded', '5:over_budget']);
		expect(afterDecline.usedCentimes).toBe(250_000);

		// 4's offer expires: 5 is next within budget, 3 still does not fit.
		const expired = expiredOffers([{ applicationId: 4, status: 'offered', offerExpiresAt: '2019-07-01T12:00:00.000Z' }], '2019-07-02T00:00:00.000Z');
		expect(expired).toEqual([4]);
		const again = allocate(withStatus(withStatus(withStatus(offered, 1, 'declined'), 4, 'expired'), 2, 'accepted'));
		expect(nextOffers(afterDecline, again)).toEqual([5]);
	});
	it('offers nothing new when nothing changed, and nobody who does not fit', () => {
		const start = input(100_000, [a(1, 'AFG', 100_000, { status: 'offered' }), a(2, 'BIH', 150_000)]);
		expect(nextOffers(allocate(start), allocate(start))).toEqual([]);
		expect(nextOffers(allocate(start), allocate(withStatus(start, 1, 'declined')))).toEqual([]);
	});
	it('does not expire an offer before its deadline', () => {
		expect(
			expiredOffers(
				[
					{ applicationId: 1, status: 'offered', offerExpiresAt: '2019-07-03T00:00:00.000Z' },
					{ applicationId: 2, status: 'accepted', offerExpiresAt: '2019-07-01T00:00:00.000Z' }
				],
				'2019-07-02T00:00:00.000Z'
			)
		).toEqual([]);
	});
});

describe('formatChf', () => {
	it('formats centimes without floats', () => {
		expect([formatChf(0), formatChf(5), formatChf(123_456_78), formatChf(-1_050)]).toEqual(['CHF 0.00', 'CHF 0.05', 'CHF 123,456.78', '-CHF 10.50']);
	});
});
