import { localDate, localToUtc } from './zoned-time';
import { m as msg } from '$lib/paraglide/messages';

export interface MeetingDates {
	start_date: string;
	end_date: string;
	time_zone: string;
}

export type Phase = 'upcoming' | 'ongoing' | 'past';

/** Where a meeting stands on the venue's calendar. */
export function meetingPhase(m: MeetingDates, now: Date = new Date()): Phase {
	const today = localDate(now.toISOString(), m.time_zone);
	if (today < m.start_date) return 'upcoming';
	if (today > m.end_date) return 'past';
	return 'ongoing';
}

export type Window =
	{ state: 'none' } | { state: 'not_yet'; opensAt: string } | { state: 'open'; closesAt: string | null } | { state: 'closed'; closedAt: string };

/** A window from an optional opening to an optional closing instant (ISO UTC). */
export function windowState(opensAt: string | null, closesAt: string | null, now: Date = new Date()): Window {
	if (!opensAt && !closesAt) return { state: 'none' };
	const t = now.toISOString();
	if (opensAt && t < opensAt) return { state: 'not_yet', opensAt };
	if (closesAt && t >= closesAt) return { state: 'closed', closedAt: closesAt };
	return { state: 'open', closesAt };
}

export interface SessionTimes {
	startsAt: string;
	endsAt: string;
}

/** Field messages for a session's times, or none: it must end after it starts, within the meeting's days. */
export function sessionTimeErrors(s: SessionTimes, m: MeetingDates): Record<string, string> {
	const errors: Record<string, string> = {};
	const first = localToUtc(`${m.start_date}T00:00`, m.time_zone);
	const afterLast = localToUtc(`${nextDate(m.end_date)}T00:00`, m.time_zone);
	if (first && s.startsAt < first) errors.starts_at = msg.mtg_prog_start_before({ date: m.start_date });
	else if (afterLast && s.startsAt >= afterLast) errors.starts_at = msg.mtg_prog_start_after({ date: m.end_date });
	if (s.endsAt <= s.startsAt) errors.ends_at = msg.mtg_prog_end_before_start();
	else if (afterLast && s.endsAt > afterLast) errors.ends_at = msg.mtg_prog_end_after({ date: m.end_date });
	return errors;
}

export function nextDate(date: string): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface RoomBooking {
	id: number;
	room: string | null;
	startsAt: string;
	endsAt: string;
}

/** For each session, the other sessions in the same room whose times overlap it. Rooms compare case-blind. */
export function roomOverlaps(sessions: readonly RoomBooking[]): Map<number, number[]> {
	const byRoom = new Map<string, RoomBooking[]>();
	for (const s of sessions) {
		const room = s.room?.trim().toLowerCase();
		if (!room) continue;
		byRoom.set(room, [...(byRoom.get(room) ?? []), s]);
	}
	const out = new Map<number, number[]>();
	for (const list of byRoom.values()) {
		const sorted = [...list].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id));
		for (let i = 0; i < sorted.length; i++) {
			for (let j = i + 1; j < sorted.length && sorted[j].startsAt < sorted[i].endsAt; j++) {
				out.set(sorted[i].id, [...(out.get(sorted[i].id) ?? []), sorted[j].id]);
				out.set(sorted[j].id, [...(out.get(sorted[j].id) ?? []), sorted[i].id]);
			}
		}
	}
	return out;
}

/** A URL slug from a meeting code: `9MSP` → `9msp`, `2RC-PM1` → `2rc-pm1`. */
export function slugFromCode(code: string): string {
	return code
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export interface AgendaRow {
	id: number;
	sub_number: string | null;
}

/** Top items with the sub-items that follow them: moving or deleting a top item takes its block along. */
export function agendaBlocks<T extends AgendaRow>(items: readonly T[]): T[][] {
	const blocks: T[][] = [];
	for (const item of items) {
		if (item.sub_number && blocks.length) blocks[blocks.length - 1].push(item);
		else blocks.push([item]);
	}
	return blocks;
}

/** The new order of ids after moving one item up or down: a top item among top items, a sub-item within its parent. */
export function moveAgendaItem<T extends AgendaRow>(items: readonly T[], id: number, direction: 'up' | 'down'): number[] {
	const blocks = agendaBlocks(items);
	const bi = blocks.findIndex((b) => b[0].id === id);
	if (bi >= 0) {
		const to = direction === 'up' ? bi - 1 : bi + 1;
		if (to >= 0 && to < blocks.length) [blocks[bi], blocks[to]] = [blocks[to], blocks[bi]];
	} else {
		for (const b of blocks) {
			const i = b.findIndex((x) => x.id === id);
			if (i < 1) continue;
			const to = direction === 'up' ? i - 1 : i + 1;
			if (to >= 1 && to < b.length) [b[i], b[to]] = [b[to], b[i]];
		}
	}
	return blocks.flat().map((x) => x.id);
}
