import { describe, expect, it } from 'vitest';
import {
	formatDay,
	formatTime,
	isValidTimeZone,
	localDate,
	localToUtc,
	localToUtcCandidates,
	utcToLocalInput,
	zoneAbbreviation,
	zoneOffsetLabel
} from './zoned-time';

const ZURICH = 'Europe/Zurich';
const NEW_YORK = 'America/New_York';
const VIENTIANE = 'Asia/Vientiane';

describe('localToUtc', () => {
	it.each([
		['2019-09-02T10:00', ZURICH, '2019-09-02T08:00:00.000Z'],
		['2019-12-02T10:00', ZURICH, '2019-12-02T09:00:00.000Z'],
		['2019-09-02T10:00', NEW_YORK, '2019-09-02T14:00:00.000Z'],
		['2019-12-02T10:00', NEW_YORK, '2019-12-02T15:00:00.000Z'],
		['2010-11-09T10:00', VIENTIANE, '2010-11-09T03:00:00.000Z'],
		['2019-09-02T00:30', VIENTIANE, '2019-09-01T17:30:00.000Z'],
		['2019-09-02T10:00', 'UTC', '2019-09-02T10:00:00.000Z'],
		['2019-09-02T10:00', 'Asia/Kolkata', '2019-09-02T04:30:00.000Z'],
		['2019-09-02T10:00:30', ZURICH, '2019-09-02T08:00:30.000Z']
	])('%s in %s is %s', (local, zone, utc) => {
		expect(localToUtc(local, zone)).toBe(utc);
	});

	it('takes the first of two 02:30s when clocks go back (Zurich, 27 Oct 2019)', () => {
		// 02:30 CEST (00:30Z) and then 02:30 CET (01:30Z): the earlier one.
		expect(localToUtc('2019-10-27T02:30', ZURICH)).toBe('2019-10-27T00:30:00.000Z');
		expect(localToUtc('2019-10-27T01:59', ZURICH)).toBe('2019-10-26T23:59:00.000Z');
		expect(localToUtc('2019-10-27T03:00', ZURICH)).toBe('2019-10-27T02:00:00.000Z');
	});

	it('takes the first of two 01:30s in New York too (3 Nov 2019), whatever TZDate would pick', () => {
		expect(localToUtc('2019-11-03T01:30', NEW_YORK)).toBe('2019-11-03T05:30:00.000Z');
	});

	it('returns null for a time skipped when clocks go forward', () => {
		expect(localToUtc('2019-03-31T02:30', ZURICH)).toBeNull();
		expect(localToUtc('2019-03-31T02:00', ZURICH)).toBeNull();
		expect(localToUtc('2019-03-10T02:30', NEW_YORK)).toBeNull();
		// Either side of the gap is fine.
		expect(localToUtc('2019-03-31T01:59', ZURICH)).toBe('2019-03-31T00:59:00.000Z');
		expect(localToUtc('2019-03-31T03:00', ZURICH)).toBe('2019-03-31T01:00:00.000Z');
	});

	it.each([
		['', ZURICH],
		['2019-09-02', ZURICH],
		['2019-09-02 10:00', ZURICH],
		['2019-09-02T10:00Z', ZURICH],
		['2019-9-2T10:00', ZURICH],
		['2019-02-30T10:00', ZURICH],
		['2019-13-01T10:00', ZURICH],
		['2019-09-02T24:00', ZURICH],
		['2019-09-02T10:60', ZURICH],
		['2019-09-02T10:00', 'Mars/Olympus_Mons'],
		['2019-09-02T10:00', 'europe/zurich'],
		['2019-09-02T10:00', '']
	])('returns null for %j in %j', (local, zone) => {
		expect(localToUtc(local, zone)).toBeNull();
	});

	it('accepts 29 February in a leap year only', () => {
		expect(localToUtc('2020-02-29T09:00', ZURICH)).toBe('2020-02-29T08:00:00.000Z');
		expect(localToUtc('2019-02-29T09:00', ZURICH)).toBeNull();
	});
});

describe('localToUtcCandidates', () => {
	it('lists both readings of a repeated time, one of an ordinary time, none of a skipped one', () => {
		expect(localToUtcCandidates('2019-10-27T02:30', ZURICH)).toEqual(['2019-10-27T00:30:00.000Z', '2019-10-27T01:30:00.000Z']);
		expect(localToUtcCandidates('2019-11-03T01:30', NEW_YORK)).toEqual(['2019-11-03T05:30:00.000Z', '2019-11-03T06:30:00.000Z']);
		expect(localToUtcCandidates('2019-09-02T10:00', ZURICH)).toEqual(['2019-09-02T08:00:00.000Z']);
		expect(localToUtcCandidates('2019-03-31T02:30', ZURICH)).toEqual([]);
		expect(localToUtcCandidates('nonsense', ZURICH)).toEqual([]);
	});
});

describe('utcToLocalInput and round trips', () => {
	it('gives the wall clock for a datetime-local input', () => {
		expect(utcToLocalInput('2019-09-02T08:00:00.000Z', ZURICH)).toBe('2019-09-02T10:00');
		expect(utcToLocalInput('2019-12-02T09:00:00Z', ZURICH)).toBe('2019-12-02T10:00');
		expect(utcToLocalInput('2019-09-02T14:00:00Z', NEW_YORK)).toBe('2019-09-02T10:00');
		expect(utcToLocalInput('2019-09-01T17:30:00Z', VIENTIANE)).toBe('2019-09-02T00:30');
		expect(utcToLocalInput('2019-09-02T10:00:00+02:00', ZURICH)).toBe('2019-09-02T10:00');
	});

	it('shows both sides of the October change', () => {
		expect(utcToLocalInput('2019-10-27T00:30:00Z', ZURICH)).toBe('2019-10-27T02:30');
		expect(utcToLocalInput('2019-10-27T01:30:00Z', ZURICH)).toBe('2019-10-27T02:30');
	});

	it('round-trips every 3 hours of a year, and every minute around DST changes, but for the repeated hour', () => {
		const hours = Array.from({ length: 365 * 8 }, (_, h) => Date.UTC(2019, 0, 1) + h * 3 * 3_600_000);
		// Zurich, New York and Sydney changes of 2019, two and a half hours from just before each.
		const changes = [
			Date.UTC(2019, 2, 31, 0),
			Date.UTC(2019, 9, 27, 0),
			Date.UTC(2019, 2, 10, 6),
			Date.UTC(2019, 10, 3, 5),
			Date.UTC(2019, 3, 6, 15),
			Date.UTC(2019, 9, 5, 15)
		];
		const minutes = changes.flatMap((start) => Array.from({ length: 150 }, (_, m) => start + m * 60_000));
		const problems: string[] = [];
		const secondTwins: Record<string, number> = {};
		for (const zone of [ZURICH, NEW_YORK, VIENTIANE, 'Australia/Sydney', 'Asia/Kolkata']) {
			for (const ms of [...hours, ...minutes]) {
				const iso = new Date(ms).toISOString();
				const local = utcToLocalInput(iso, zone);
				const back = localToUtc(local, zone);
				if (back === iso) continue;
				// The second of two identical wall-clock times comes back as the first, one hour earlier.
				if (back && ms - Date.parse(back) === 3_600_000 && utcToLocalInput(back, zone) === local) {
					secondTwins[zone] = (secondTwins[zone] ?? 0) + 1;
				} else problems.push(`${zone} ${iso} → ${local} → ${back}`);
			}
		}
		expect(problems).toEqual([]);
		// Exactly the repeated hour of each zone with DST, minute by minute; New York's (06:00Z on 3 November) also
		// starts on a 3-hour step.
		expect(secondTwins).toEqual({ [ZURICH]: 60, [NEW_YORK]: 61, 'Australia/Sydney': 60 });
	});

	it('throws on stored values that are not instants or zones', () => {
		expect(() => utcToLocalInput('not a date', ZURICH)).toThrow(RangeError);
		expect(() => utcToLocalInput('2019-09-02T08:00:00Z', 'Nowhere/Special')).toThrow(/Unknown time zone/);
	});
});

describe('localDate, formatTime, formatDay', () => {
	it('gives the venue date, which may differ from the UTC date', () => {
		expect(localDate('2019-09-02T08:00:00Z', ZURICH)).toBe('2019-09-02');
		expect(localDate('2019-09-01T22:30:00Z', ZURICH)).toBe('2019-09-02');
		expect(localDate('2019-09-02T02:00:00Z', NEW_YORK)).toBe('2019-09-01');
		expect(localDate('2019-09-01T17:30:00Z', VIENTIANE)).toBe('2019-09-02');
	});

	it('formats times on a 24-hour clock', () => {
		expect(formatTime('2019-09-02T08:00:00Z', ZURICH)).toBe('10:00');
		expect(formatTime('2019-09-02T13:05:00Z', ZURICH)).toBe('15:05');
		expect(formatTime('2019-09-02T22:00:00Z', ZURICH)).toBe('00:00');
		expect(formatTime('2019-09-02T14:00:00Z', NEW_YORK)).toBe('10:00');
	});

	it('formats days the UN way, without a comma', () => {
		expect(formatDay('2019-09-02T08:00:00Z', ZURICH)).toBe('Monday 2 September 2019');
		expect(formatDay('2019-09-01T22:30:00Z', ZURICH)).toBe('Monday 2 September 2019');
		expect(formatDay('2019-09-02T02:00:00Z', NEW_YORK)).toBe('Sunday 1 September 2019');
	});

	it('does not shift a plain date, whatever the zone', () => {
		expect(formatDay('2019-09-02', ZURICH)).toBe('Monday 2 September 2019');
		expect(formatDay('2019-09-02', 'Pacific/Kiritimati')).toBe('Monday 2 September 2019');
		expect(formatDay('2019-09-02', 'Pacific/Pago_Pago')).toBe('Monday 2 September 2019');
		expect(formatDay('2010-11-12', VIENTIANE)).toBe('Friday 12 November 2010');
	});

	it('names the day in the page’s language', () => {
		expect(formatDay('2019-09-02T08:00:00Z', ZURICH, 'fr')).toBe('lundi 2 septembre 2019');
		expect(formatDay('2019-09-02T02:00:00Z', NEW_YORK, 'es')).toBe('domingo, 1 de septiembre de 2019');
		expect(formatDay('2019-09-02', ZURICH, 'en')).toBe('Monday 2 September 2019');
	});
});

describe('zoneAbbreviation and zoneOffsetLabel', () => {
	it.each([
		['2019-09-02T08:00:00Z', ZURICH, 'CEST'],
		['2019-12-02T08:00:00Z', ZURICH, 'CET'],
		['2019-09-02T08:00:00Z', 'Europe/London', 'BST'],
		['2019-12-02T08:00:00Z', 'Europe/London', 'GMT'],
		['2019-09-02T08:00:00Z', NEW_YORK, 'EDT'],
		['2019-12-02T08:00:00Z', NEW_YORK, 'EST'],
		['2019-09-02T08:00:00Z', 'UTC', 'UTC'],
		['2019-09-02T08:00:00Z', VIENTIANE, 'UTC+07:00'],
		['2019-09-02T08:00:00Z', 'Asia/Kolkata', 'UTC+05:30'],
		['2019-09-02T08:00:00Z', 'America/Santiago', 'UTC-04:00']
	])('%s in %s is %s', (iso, zone, name) => {
		expect(zoneAbbreviation(iso, zone)).toBe(name);
	});

	it('switches at the DST change', () => {
		expect(zoneAbbreviation('2019-10-27T00:59:00Z', ZURICH)).toBe('CEST');
		expect(zoneAbbreviation('2019-10-27T01:00:00Z', ZURICH)).toBe('CET');
	});

	it('labels offsets with sign and minutes', () => {
		expect(zoneOffsetLabel('2019-09-02T08:00:00Z', ZURICH)).toBe('UTC+02:00');
		expect(zoneOffsetLabel('2019-09-02T08:00:00Z', NEW_YORK)).toBe('UTC-04:00');
		expect(zoneOffsetLabel('2019-09-02T08:00:00Z', 'UTC')).toBe('UTC+00:00');
		expect(zoneOffsetLabel('2019-09-02T08:00:00Z', 'America/St_Johns')).toBe('UTC-02:30');
	});
});

describe('isValidTimeZone', () => {
	it.each(['Europe/Zurich', 'America/New_York', 'Asia/Vientiane', 'UTC', 'Etc/GMT-2', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince'])(
		'accepts %s',
		(zone) => expect(isValidTimeZone(zone)).toBe(true)
	);

	it.each(['', 'Geneva', 'Mars/Olympus_Mons', 'europe/zurich', '+02:00', 'Europe/Zurich ', 'CEST'])('rejects %j', (zone) =>
		expect(isValidTimeZone(zone)).toBe(false)
	);
});
