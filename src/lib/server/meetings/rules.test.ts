import { describe, expect, it } from 'vitest';
import { agendaBlocks, meetingPhase, moveAgendaItem, roomOverlaps, sessionTimeErrors, slugFromCode, windowState } from './rules';

const msp = { start_date: '2019-09-02', end_date: '2019-09-04', time_zone: 'Europe/Zurich' };

describe('meetingPhase', () => {
	it('reads the venue calendar, not UTC', () => {
		// 23:30 UTC on 1 September is already 2 September in Geneva.
		expect(meetingPhase(msp, new Date('2019-09-01T21:59:00Z'))).toBe('upcoming');
		expect(meetingPhase(msp, new Date('2019-09-01T22:00:00Z'))).toBe('ongoing');
		expect(meetingPhase(msp, new Date('2019-09-04T21:59:00Z'))).toBe('ongoing');
		expect(meetingPhase(msp, new Date('2019-09-04T22:00:00Z'))).toBe('past');
	});
});

describe('windowState', () => {
	const opens = '2019-06-01T00:00:00.000Z';
	const closes = '2019-08-15T22:00:00.000Z';
	it('is not yet open, open, then closed at the exact instant', () => {
		expect(windowState(opens, closes, new Date('2019-05-31T23:59:59Z'))).toEqual({ state: 'not_yet', opensAt: opens });
		expect(windowState(opens, closes, new Date('2019-06-01T00:00:00Z'))).toEqual({ state: 'open', closesAt: closes });
		expect(windowState(opens, closes, new Date('2019-08-15T22:00:00Z'))).toEqual({ state: 'closed', closedAt: closes });
		expect(windowState(null, null)).toEqual({ state: 'none' });
		expect(windowState(null, closes, new Date('2000-01-01T00:00:00Z'))).toEqual({ state: 'open', closesAt: closes });
	});
});

describe('sessionTimeErrors', () => {
	it('accepts a session inside the meeting days (in Geneva time)', () => {
		expect(sessionTimeErrors({ startsAt: '2019-09-02T08:00:00.000Z', endsAt: '2019-09-02T11:00:00.000Z' }, msp)).toEqual({});
		// 23:00 on the last day in Geneva is 21:00 UTC: still inside.
		expect(sessionTimeErrors({ startsAt: '2019-09-04T20:00:00.000Z', endsAt: '2019-09-04T21:30:00.000Z' }, msp)).toEqual({});
	});
	it('refuses a start before the first day, after the last, and an end not after the start', () => {
		expect(sessionTimeErrors({ startsAt: '2019-09-01T21:00:00.000Z', endsAt: '2019-09-02T08:00:00.000Z' }, msp).starts_at).toMatch(/starts on 2019-09-02/);
		expect(sessionTimeErrors({ startsAt: '2019-09-04T22:30:00.000Z', endsAt: '2019-09-04T23:00:00.000Z' }, msp).starts_at).toMatch(/ends on 2019-09-04/);
		expect(sessionTimeErrors({ startsAt: '2019-09-02T10:00:00.000Z', endsAt: '2019-09-02T10:00:00.000Z' }, msp).ends_at).toMatch(/after the start/);
		expect(sessionTimeErrors({ startsAt: '2019-09-04T20:00:00.000Z', endsAt: '2019-09-05T08:00:00.000Z' }, msp).ends_at).toMatch(/cannot end after/);
	});
});

describe('roomOverlaps', () => {
	it('flags sessions that overlap in the same room only', () => {
		const s = (id: number, room: string | null, a: string, b: string) => ({ id, room, startsAt: `2019-09-02T${a}:00.000Z`, endsAt: `2019-09-02T${b}:00.000Z` });
		const result = roomOverlaps([
			s(1, 'Room XIX', '08:00', '11:00'),
			s(2, 'room xix ', '10:00', '12:00'),
			s(3, 'Room XIX', '11:00', '13:00'), // touches 1 at 11:00 (no overlap), overlaps 2
			s(4, 'Room XX', '08:00', '11:00'),
			s(5, null, '08:00', '11:00'),
			s(6, '', '08:00', '11:00')
		]);
		expect(Object.fromEntries(result)).toEqual({ 1: [2], 2: [1, 3], 3: [2] });
	});
});

describe('agenda order', () => {
	const items = [
		{ id: 1, sub_number: null },
		{ id: 2, sub_number: null },
		{ id: 21, sub_number: 'a' },
		{ id: 22, sub_number: 'b' },
		{ id: 3, sub_number: null }
	];
	it('groups sub-items with their parent', () => {
		expect(agendaBlocks(items).map((b) => b.map((x) => x.id))).toEqual([[1], [2, 21, 22], [3]]);
	});
	it('moves a top item with its sub-items, and a sub-item within its parent', () => {
		expect(moveAgendaItem(items, 2, 'up')).toEqual([2, 21, 22, 1, 3]);
		expect(moveAgendaItem(items, 2, 'down')).toEqual([1, 3, 2, 21, 22]);
		expect(moveAgendaItem(items, 1, 'up')).toEqual([1, 2, 21, 22, 3]);
		expect(moveAgendaItem(items, 22, 'up')).toEqual([1, 2, 22, 21, 3]);
		expect(moveAgendaItem(items, 21, 'up')).toEqual([1, 2, 21, 22, 3]); // stays under its parent
		expect(moveAgendaItem(items, 22, 'down')).toEqual([1, 2, 21, 22, 3]);
	});
});

describe('slugFromCode', () => {
	it('lowercases and keeps letters, digits and dashes', () => {
		expect(slugFromCode('9MSP')).toBe('9msp');
		expect(slugFromCode('2RC-PM1')).toBe('2rc-pm1');
		expect(slugFromCode(' IM 2011 ')).toBe('im-2011');
	});
});
