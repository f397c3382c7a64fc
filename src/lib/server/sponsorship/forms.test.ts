import { describe, expect, it } from 'vitest';
import { applicationWindow, chfToCentimes } from './forms';

describe('chfToCentimes', () => {
	it('reads amounts as people write them, in integer centimes', () => {
		expect(chfToCentimes('1250')).toBe(125_000);
		expect(chfToCentimes('1,250.50')).toBe(125_050);
		expect(chfToCentimes("1'250.5")).toBe(125_050);
		expect(chfToCentimes('CHF 980.05')).toBe(98_005);
		expect(chfToCentimes('0.10')).toBe(10);
	});
	it('refuses what is not a positive amount', () => {
		for (const bad of ['0', '-100', 'abc', '12.345', '', '1e5', '99999999']) expect(chfToCentimes(bad)).toBeNull();
	});
});

describe('applicationWindow', () => {
	it('reads the opening and closing times on the meeting’s clock', () => {
		expect(applicationWindow({ opens: '2019-06-03T09:00', closes: '2019-07-15T18:00' }, 'Europe/Zurich')).toEqual({
			ok: true,
			opens_at: '2019-06-03T07:00:00.000Z',
			closes_at: '2019-07-15T16:00:00.000Z'
		});
		expect(applicationWindow({ opens: '', closes: '' }, 'Europe/Zurich')).toEqual({ ok: true, opens_at: null, closes_at: null });
	});
	it('refuses a close before the opening, and a time the clock change skips', () => {
		expect(applicationWindow({ opens: '2019-06-03T09:00', closes: '2019-06-03T09:00' }, 'Europe/Zurich')).toMatchObject({
			ok: false,
			errors: { closes: expect.stringContaining('close after') }
		});
		expect(applicationWindow({ opens: '2019-03-31T02:30', closes: '' }, 'Europe/Zurich')).toMatchObject({
			ok: false,
			errors: { opens: expect.stringContaining('does not exist') }
		});
	});
});
