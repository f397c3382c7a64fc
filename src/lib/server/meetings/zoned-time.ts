/**
 * Wall-clock time in a meeting's IANA zone ↔ UTC instants. We store UTC with the meeting's zone beside it; forms
 * (`<input type="datetime-local">`) and pages speak the wall clock of the venue. Zone data is Node's own (ICU), read
 * through @date-fns/tz, so the server needs no tz database of its own.
 *
 * Stored values (ISO instants, zone names) that do not parse throw a RangeError: that is a bug, not user input.
 * `localToUtc` takes user input and returns null instead.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { INTL_LOCALE } from '$lib/dates';
import { currentLocale, type Locale } from '$lib/i18n';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** tzdata spelling: every segment starts with a capital ("Europe/Zurich", "America/Port-au-Prince", "Etc/GMT-2"). */
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const zoneCache = new Map<string, boolean>();

/**
 * True for a zone name Node knows, spelt as in tzdata. Intl alone would also take "europe/zurich", which other
 * tools (VTIMEZONE lookups, calendar clients) would not.
 */
export function isValidTimeZone(timeZone: string): boolean {
	if (!IANA_NAME.test(timeZone)) return false;
	// Building an Intl formatter costs tens of microseconds; programmes and feeds ask about the same few zones.
	let known = zoneCache.get(timeZone);
	if (known === undefined) {
		known = intlKnows(timeZone);
		if (zoneCache.size < 1000) zoneCache.set(timeZone, known);
	}
	return known;
}

function intlKnows(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone });
		return true;
	} catch {
		return false;
	}
}

function assertZone(timeZone: string): void {
	if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

function instant(isoUtc: string): Date {
	const date = new Date(isoUtc);
	if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO instant: ${isoUtc}`);
	return date;
}

/** The wall clock at `ms` in the zone, as 'YYYY-MM-DDTHH:mm:ss'. */
function wallClock(ms: number, timeZone: string): string {
	const d = new TZDate(ms, timeZone);
	const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Every instant whose wall clock in the zone reads `local` ('YYYY-MM-DDTHH:mm' or with ':ss'), earliest first:
 * one as a rule, two in the hour repeated when clocks go back, none in the hour skipped when they go forward or
 * when the input or zone is invalid.
 */
export function localToUtcCandidates(local: string, timeZone: string): string[] {
	const m = LOCAL_INPUT.exec(local);
	if (!m || !isValidTimeZone(timeZone)) return [];
	const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	const wanted = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
	// Date.UTC rolls 31 Feb over to 3 Mar; a real date reads back the same.
	if (new Date(asUtc).toISOString().slice(0, 19) !== wanted) return [];
	// The offsets a day either side cover both sides of any one transition near this time.
	const offsets = new Set([-DAY_MS, 0, DAY_MS].map((delta) => tzOffset(timeZone, new Date(asUtc + delta))));
	return [...offsets]
		.map((offset) => asUtc - offset * MINUTE_MS)
		.filter((ms) => wallClock(ms, timeZone) === wanted)
		.sort((a, b) => a - b)
		.map((ms) => new Date(ms).toISOString());
}

/**
 * 'YYYY-MM-DDTHH:mm' (or with ':ss') at the venue → ISO UTC instant ('…Z'); null when the input or zone is invalid.
 *
 * Around a DST change a wall-clock time can happen twice or never:
 * - ambiguous (fall back, e.g. 02:30 on 27 Oct 2019 in Zurich): the earlier instant, the first 02:30, as RFC 5545
 *   reads such times;
 * - nonexistent (spring forward, e.g. 02:30 on 31 Mar 2019 in Zurich): null, so the form can ask again rather
 *   than silently shifting the session by an hour (TZDate would move it to 03:30).
 */
export function localToUtc(local: string, timeZone: string): string | null {
	return localToUtcCandidates(local, timeZone)[0] ?? null;
}

/** ISO UTC instant → 'YYYY-MM-DDTHH:mm' at the venue, the value a datetime-local input expects. */
export function utcToLocalInput(isoUtc: string, timeZone: string): string {
	assertZone(timeZone);
	return wallClock(instant(isoUtc).getTime(), timeZone).slice(0, 16);
}

/** ISO UTC instant → the venue's calendar date 'YYYY-MM-DD' (a late-evening UTC session may be the next day there). */
export function localDate(isoUtc: string, timeZone: string): string {
	return utcToLocalInput(isoUtc, timeZone).slice(0, 10);
}

/** '10:00', 24-hour clock at the venue. */
export function formatTime(isoUtc: string, timeZone: string): string {
	return utcToLocalInput(isoUtc, timeZone).slice(11, 16);
}

const DAY_FORMATS = new Map<Locale, Intl.DateTimeFormat>();
function dayFormat(locale: Locale): Intl.DateTimeFormat {
	let f = DAY_FORMATS.get(locale);
	if (!f)
		DAY_FORMATS.set(
			locale,
			(f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
		);
	return f;
}

/**
 * 'Monday 2 September 2019' (en-GB puts a comma after the weekday; UN documents do not), 'lundi 2 septembre 2019',
 * 'lunes, 2 de septiembre de 2019' in the page's language. Takes an ISO instant, read at the venue, or a plain
 * 'YYYY-MM-DD' date, which is already the venue's date and is not shifted.
 */
export function formatDay(isoOrDate: string, timeZone: string, locale: Locale = currentLocale()): string {
	const date = PLAIN_DATE.test(isoOrDate) ? isoOrDate : localDate(isoOrDate, timeZone);
	const [y, m, d] = date.split('-').map(Number);
	const day = new Date(Date.UTC(y, m - 1, d));
	if (locale !== 'en') return dayFormat(locale).format(day);
	const parts = dayFormat(locale).formatToParts(day);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** 'UTC+02:00', 'UTC-04:00', 'UTC+05:30', 'UTC+00:00' for the zone's offset at that instant. */
export function zoneOffsetLabel(isoUtc: string, timeZone: string): string {
	assertZone(timeZone);
	const offset = tzOffset(timeZone, instant(isoUtc));
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// Building a formatter costs ~0.1 ms; a programme asks for the same zone hundreds of times.
const shortNameFormats = new Map<string, Intl.DateTimeFormat>();

function shortName(locale: string, date: Date, timeZone: string): string {
	const key = `${locale}|${timeZone}`;
	let format = shortNameFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
		if (shortNameFormats.size < 500) shortNameFormats.set(key, format);
	}
	const parts = format.formatToParts(date);
	return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** ICU falls back to 'GMT+2' / 'GMT-4' / 'GMT+5:30' when a locale has no abbreviation for a zone. */
const GMT_OFFSET = /^(?:GMT|UTC)[+-]/;

/**
 * A short zone name for programmes: 'CEST', 'CET', 'BST', 'EDT'. en-GB knows the European ones, en-US the North
 * American ones (en-GB says 'GMT-4' for New York); zones neither names get an offset label such as 'UTC+07:00'
 * (Vientiane) in the form we print offsets elsewhere, rather than ICU's 'GMT+7'.
 */
export function zoneAbbreviation(isoUtc: string, timeZone: string): string {
	assertZone(timeZone);
	const date = instant(isoUtc);
	for (const locale of ['en-GB', 'en-US']) {
		const name = shortName(locale, date, timeZone);
		if (name && !GMT_OFFSET.test(name)) return name;
	}
	return zoneOffsetLabel(isoUtc, timeZone);
}
