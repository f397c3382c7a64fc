/**
 * VTIMEZONE components for iCalendar feeds, taken from @touch4it/ical-timezones and used only where they agree
 * with Node's own zone data at the instants a feed writes.
 *
 * Why the check: that package ships tzdata 2018g as one yearly rule pair per zone (the shape Outlook reads), so it
 * is wrong wherever the rules changed since (Mexico 2022, Brazil 2019, Jordan, Egypt, Chile's dates…) and it has the
 * signs of Etc/GMT±N inverted: 65 of its 470 zones disagree with Node's ICU somewhere in 2019–2030. A wrong
 * VTIMEZONE moves a session by an hour in a delegate's calendar; the caller writes UTC times instead.
 */
import { tzOffset } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';

/** One yearly transition: "the `week`th (or, if negative, last-but) `weekday` of `month`, at `time` local". */
export interface Observance {
	offsetFrom: number;
	offsetTo: number;
	month: number;
	week: number;
	weekday: number;
	/** Seconds after local midnight, in the offset before the change. */
	time: number;
}

export type ParsedVtimezone = { tzid: string; fixedOffset: number } | { tzid: string; observances: Observance[] };

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const RRULE = /^FREQ=YEARLY;BYMONTH=(\d{1,2});BYDAY=(-?[1-5])(SU|MO|TU|WE|TH|FR|SA)$/;
const OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/;
const LOCAL_TIME = /^\d{8}T(\d{2})(\d{2})(\d{2})$/;

function prop(block: string, name: string): string | undefined {
	return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(block)?.[1]?.trim();
}

function offsetMinutes(value: string | undefined): number | null {
	const m = value ? OFFSET.exec(value) : null;
	if (!m) return null;
	const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
	return m[1] === '-' ? -minutes : minutes;
}

function observance(block: string): Observance | 'fixed' | null {
	const offsetFrom = offsetMinutes(prop(block, 'TZOFFSETFROM'));
	const offsetTo = offsetMinutes(prop(block, 'TZOFFSETTO'));
	const start = LOCAL_TIME.exec(prop(block, 'DTSTART') ?? '');
	const rrule = prop(block, 'RRULE');
	if (offsetFrom === null || offsetTo === null || !start) return null;
	if (!rrule) return 'fixed';
	const rule = RRULE.exec(rrule);
	if (!rule) return null;
	const time = Number(start[1]) * 3600 + Number(start[2]) * 60 + Number(start[3]);
	return { offsetFrom, offsetTo, month: Number(rule[1]), week: Number(rule[2]), weekday: WEEKDAYS.indexOf(rule[3]), time };
}

/**
 * Reads the only shapes the package ships: one STANDARD without RRULE (a fixed offset), or a STANDARD and a
 * DAYLIGHT with `RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nDD`. Anything else gives null: we cannot vouch for it.
 */
export function parseVtimezone(component: string): ParsedVtimezone | null {
	const tzid = prop(component, 'TZID');
	const blocks = [...component.matchAll(/^BEGIN:(STANDARD|DAYLIGHT)\r?$([\s\S]*?)^END:\1\r?$/gm)].map((m) => m[2]);
	if (!tzid || blocks.length === 0) return null;
	const parsed = blocks.map(observance);
	if (parsed.length === 1 && parsed[0] === 'fixed') return { tzid, fixedOffset: offsetMinutes(prop(blocks[0], 'TZOFFSETTO')) ?? 0 };
	const observances = parsed.filter((o): o is Observance => o !== null && o !== 'fixed');
	return observances.length === parsed.length ? { tzid, observances } : null;
}

/** Day of month of the `week`th `weekday` (week -1: the last one, -2: the one before). */
export function nthWeekday(year: number, month: number, week: number, weekday: number): number {
	if (week > 0) {
		const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
		return 1 + ((weekday - first + 7) % 7) + (week - 1) * 7;
	}
	const lastDay = new Date(Date.UTC(year, month, 0));
	const last = lastDay.getUTCDate();
	return last - ((lastDay.getUTCDay() - weekday + 7) % 7) + (week + 1) * 7;
}

function transitionAt(o: Observance, year: number): number {
	const localMidnight = Date.UTC(year, o.month - 1, nthWeekday(year, o.month, o.week, o.weekday));
	return localMidnight + o.time * 1000 - o.offsetFrom * 60_000;
}

/** The UTC offset, in minutes, that a client reading this VTIMEZONE applies at the instant `ms`. */
export function vtimezoneOffsetAt(zone: ParsedVtimezone, ms: number): number {
	if ('fixedOffset' in zone) return zone.fixedOffset;
	const year = new Date(ms).getUTCFullYear();
	let latest = { at: -Infinity, offset: zone.observances[0].offsetFrom };
	for (const y of [year - 1, year, year + 1]) {
		for (const o of zone.observances) {
			const at = transitionAt(o, y);
			if (at <= ms && at > latest.at) latest = { at, offset: o.offsetTo };
		}
	}
	return latest.offset;
}

/**
 * The VTIMEZONE for `timeZone` if the package has one, it is for that very TZID (the package maps aliases such as
 * US/Eastern to America/New_York's file), and it gives Node's offset at every instant in `instants` (epoch ms).
 * Otherwise null, and the caller writes those times in UTC.
 */
export function verifiedVtimezone(timeZone: string, instants: readonly number[]): string | null {
	const component = getVtimezoneComponent(timeZone);
	const zone = component ? parseVtimezone(component) : null;
	if (!component || !zone || zone.tzid !== timeZone) return null;
	const agrees = instants.every((ms) => vtimezoneOffsetAt(zone, ms) === tzOffset(timeZone, new Date(ms)));
	return agrees ? component : null;
}
