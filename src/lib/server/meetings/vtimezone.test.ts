import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { nthWeekday, parseVtimezone, verifiedVtimezone, vtimezoneOffsetAt, type ParsedVtimezone } from './vtimezone';

const at = (iso: string) => Date.parse(iso);

function packaged(zone: string): { text: string; parsed: ParsedVtimezone } {
	const text = getVtimezoneComponent(zone);
	if (!text) throw new Error(`no VTIMEZONE for ${zone}`);
	const parsed = parseVtimezone(text);
	if (!parsed) throw new Error(`cannot read the VTIMEZONE of ${zone}`);
	return { text, parsed };
}

describe('nthWeekday', () => {
	it.each([
		[2019, 3, -1, 0, 31], // last Sunday of March: EU summer time starts
		[2019, 10, -1, 0, 27], // last Sunday of October: it ends
		[2019, 3, 2, 0, 10], // second Sunday of March: US
		[2019, 11, 1, 0, 3], // first Sunday of November: US
		[2020, 2, -1, 6, 29], // last Saturday of a leap February
		[2019, 9, 1, 0, 1], // the 1st is itself a Sunday
		[2019, 6, -1, 0, 30], // the 30th is itself the last Sunday
		[2019, 12, -2, 5, 20] // the last Friday but one
	])('%i-%i week %i weekday %i is the %i', (year, month, week, weekday, day) => {
		expect(nthWeekday(year, month, week, weekday)).toBe(day);
	});
});

describe('parseVtimezone', () => {
	it('reads the yearly rule pair of a zone with DST', () => {
		const { parsed } = packaged('Europe/Zurich');
		expect(parsed).toEqual({
			tzid: 'Europe/Zurich',
			observances: [
				{ offsetFrom: 60, offsetTo: 120, month: 3, week: -1, weekday: 0, time: 2 * 3600 },
				{ offsetFrom: 120, offsetTo: 60, month: 10, week: -1, weekday: 0, time: 3 * 3600 }
			]
		});
	});

	it('reads a fixed offset', () => {
		expect(packaged('Asia/Vientiane').parsed).toEqual({ tzid: 'Asia/Vientiane', fixedOffset: 420 });
		expect(packaged('Asia/Kathmandu').parsed).toEqual({ tzid: 'Asia/Kathmandu', fixedOffset: 345 });
		expect(packaged('America/Caracas').parsed).toEqual({ tzid: 'America/Caracas', fixedOffset: -240 });
	});

	it('refuses shapes it cannot vouch for', () => {
		const zurich = packaged('Europe/Zurich').text;
		expect(parseVtimezone(zurich.replace('BYDAY=-1SU', 'BYDAY=-1SU,1SA'))).toBeNull();
		expect(parseVtimezone(zurich.replace(/RRULE:.*\r?\n/, 'RDATE:20200329T020000\r\n'))).toBeNull();
		expect(parseVtimezone(zurich.replace(/TZOFFSETTO:\+0200/, 'TZOFFSETTO:two'))).toBeNull();
		expect(parseVtimezone('BEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE')).toBeNull();
	});
});

describe('vtimezoneOffsetAt', () => {
	it('switches at the transition instants', () => {
		const zurich = packaged('Europe/Zurich').parsed;
		expect(vtimezoneOffsetAt(zurich, at('2019-03-31T00:59:59Z'))).toBe(60);
		expect(vtimezoneOffsetAt(zurich, at('2019-03-31T01:00:00Z'))).toBe(120);
		expect(vtimezoneOffsetAt(zurich, at('2019-10-27T00:59:59Z'))).toBe(120);
		expect(vtimezoneOffsetAt(zurich, at('2019-10-27T01:00:00Z'))).toBe(60);
		expect(vtimezoneOffsetAt(zurich, at('2019-01-01T00:00:00Z'))).toBe(60);
	});

	// ical.js reads the same text independently: our reading must match it, right or wrong against ICU. We compare
	// the way a client reads an event (wall clock with TZID → offset); ical.js's UTC → zone direction is off by an
	// hour for up to a zone's whole offset after each change (2019-09-28T16:00Z shows as 04:00 NZST in Auckland).
	it.each([
		'Europe/Zurich',
		'America/New_York',
		'Australia/Sydney',
		'America/Santiago',
		'Pacific/Auckland',
		'Asia/Tehran',
		'America/Sao_Paulo',
		'Asia/Vientiane'
	])('reads %s as ical.js does, every 47 hours of 2019–2030 and every 20 minutes around each change', (zone) => {
		const { text, parsed } = packaged(zone);
		const vtimezone = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}END:VCALENDAR`)).getFirstSubcomponent('vtimezone');
		if (!vtimezone) throw new Error('no vtimezone');
		const reference = new ICAL.Timezone(vtimezone);
		const ours = (ms: number) => vtimezoneOffsetAt(parsed, ms);
		const wallOf = (ms: number) => new Date(ms + ours(ms) * 60_000);
		// A wall clock of a repeated hour has two readings; RFC 5545 says the first, ical.js takes the second.
		const repeated = (ms: number) => {
			const wall = wallOf(ms).getTime();
			const readings = new Set([ours(ms - 86_400_000), ours(ms + 86_400_000)].map((offset) => wall - offset * 60_000));
			return [...readings].filter((candidate) => wallOf(candidate).getTime() === wall).length > 1;
		};
		const theirs = (ms: number) => {
			const w = wallOf(ms);
			const local = new ICAL.Time(
				{
					year: w.getUTCFullYear(),
					month: w.getUTCMonth() + 1,
					day: w.getUTCDate(),
					hour: w.getUTCHours(),
					minute: w.getUTCMinutes(),
					second: 0,
					isDate: false
				},
				reference
			);
			return reference.utcOffset(local) / 60;
		};
		const steady = Array.from({ length: 2240 }, (_, i) => Date.UTC(2019, 0, 1) + i * 47 * 3_600_000);
		const changes = steady.filter((ms, i) => i > 0 && ours(ms) !== ours(steady[i - 1]));
		const nearChanges = changes.flatMap((end) => Array.from({ length: 29 * 3 + 1 }, (_, i) => end - i * 20 * 60_000));
		const compared = [...steady, ...nearChanges].filter((ms) => !repeated(ms));
		const differences = compared.filter((ms) => ours(ms) !== theirs(ms));
		expect(differences.map((ms) => new Date(ms).toISOString())).toEqual([]);
		if ('observances' in parsed) expect(changes.length).toBeGreaterThanOrEqual(20);
	});
});

describe('verifiedVtimezone', () => {
	it('gives the component where it agrees with Node', () => {
		const instants = [at('2019-09-02T08:00:00Z'), at('2019-12-02T09:00:00Z'), at('2030-07-01T00:00:00Z')];
		expect(verifiedVtimezone('Europe/Zurich', instants)).toContain('TZID:Europe/Zurich');
		expect(verifiedVtimezone('America/New_York', instants)).toContain('TZID:America/New_York');
		expect(verifiedVtimezone('Asia/Vientiane', instants)).toContain('TZID:Asia/Vientiane');
	});

	it('refuses rules that changed after 2018 only for the instants they get wrong', () => {
		// Mexico dropped DST in 2022: the 2018 rules put summer 2023 an hour early.
		expect(verifiedVtimezone('America/Mexico_City', [at('2019-06-01T12:00:00Z')])).toContain('TZID:America/Mexico_City');
		expect(verifiedVtimezone('America/Mexico_City', [at('2019-06-01T12:00:00Z'), at('2023-06-01T12:00:00Z')])).toBeNull();
		// Brazil dropped DST in 2019.
		expect(verifiedVtimezone('America/Sao_Paulo', [at('2019-12-02T12:00:00Z')])).toBeNull();
	});

	it('refuses the inverted Etc/GMT±N signs, aliases filed under another TZID, and zones it lacks', () => {
		const june = [at('2019-06-01T12:00:00Z')];
		expect(verifiedVtimezone('Etc/GMT-2', june)).toBeNull();
		expect(verifiedVtimezone('US/Eastern', june)).toBeNull();
		expect(verifiedVtimezone('Canada/Saskatchewan', june)).toBeNull();
		expect(verifiedVtimezone('Europe/Kyiv', june)).toBeNull();
		expect(verifiedVtimezone('Mars/Olympus_Mons', june)).toBeNull();
	});
});
