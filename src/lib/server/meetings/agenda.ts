/**
 * Agenda item labels as the UN writes them: top items `1` … `15`, sub-items `(a)`, `(b)` shown as `10 (a)`.
 * Pure functions: parsing a pasted provisional agenda, renumbering after a reorder, formatting and sorting labels.
 */
import { m as msg } from '$lib/paraglide/messages';

export interface AgendaDraftItem {
	/** Top-level number label, e.g. "8" (also on sub-items: the parent's number). */
	number: string;
	/** "a" for "(a)"; null on a top-level item. */
	subNumber: string | null;
	title: string;
	depth: 0 | 1;
}

export interface AgendaParseError {
	/** 1-based line of the pasted text. */
	line: number;
	message: string;
}

export const MAX_TITLE_LENGTH = 500;

/** Roman numerals a pasted agenda may use for sub-sub-items: (i), (ii) … (xii). */
const ROMAN = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})$/;
const ROMAN_TOP = /^[IVXLC]+[.)]\s/;
/** "ii) …": two or more roman letters without the opening parenthesis (SUB takes one letter only). */
const ROMAN_BARE = /^([ivx]{2,4})\)/i;
/** "10 (a) Title": the label as we display it, pasted back. */
const COMBINED = /^(\d{1,3})\s*\(([a-z]{1,2})\)\.?\s*(.*)$/i;
/** "1. Title", "1) Title", "1 - Title", "1 Title"; "1.2 Title" is not item 1 (decimal numbering). */
const TOP = /^(\d{1,3})(?:\s*[.):](?!\d)\s*|\s+[-–—]\s+|\s+|$)(.*)$/;
/** "(a) Title", "(a). Title", "a) Title"; the bare form only with one letter, or "or) …" would be a sub-item. */
const SUB = /^(?:\(([a-z]{1,2})\)|([a-z])\))\.?\s*(.*)$/i;

/** Invisible characters pasted from Word or PDFs (BOM, zero-width spaces and joiners, soft hyphen). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** C0 and C1 controls except tab and line breaks, which the whitespace collapse turns into spaces. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** Trims, collapses inner whitespace (tabs, non-breaking spaces) and drops control characters. */
export function cleanLine(raw: string): string {
	return raw.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

type Line =
	| { kind: 'top'; number: number; title: string }
	| { kind: 'sub'; letter: string; title: string; parent?: number }
	| { kind: 'roman'; numeral: string }
	| { kind: 'text'; text: string };

function classify(text: string): Line {
	let m = COMBINED.exec(text);
	if (m) return { kind: 'sub', parent: Number(m[1]), letter: m[2].toLowerCase(), title: m[3] };
	m = TOP.exec(text);
	if (m) return { kind: 'top', number: Number(m[1]), title: m[2] };
	m = SUB.exec(text);
	if (m) return { kind: 'sub', letter: (m[1] ?? m[2]).toLowerCase(), title: m[3] };
	if (ROMAN_TOP.test(text)) return { kind: 'roman', numeral: text.split(/[.)]/)[0] };
	m = ROMAN_BARE.exec(text);
	if (m && ROMAN.test(m[1].toLowerCase())) return { kind: 'roman', numeral: `(${m[1]})` };
	return { kind: 'text', text };
}

interface ParseState {
	items: AgendaDraftItem[];
	errors: AgendaParseError[];
	/** Line each item started on, to report a too-long title where the item begins. */
	startLines: number[];
	parent: AgendaDraftItem | null;
	subCount: number;
	/** Labels already used, e.g. "8" or "8 (a)", with the line where they first appeared. */
	seen: Map<string, number>;
}

function addItem(state: ParseState, item: AgendaDraftItem, line: number): void {
	const label = formatAgendaNumber(item.number, item.subNumber);
	const first = state.seen.get(label);
	if (first !== undefined) {
		state.errors.push({ line, message: msg.mtg_parse_twice({ line, label, first }) });
	} else {
		state.seen.set(label, line);
	}
	state.items.push(item);
	state.startLines.push(line);
}

function takeTop(state: ParseState, l: Extract<Line, { kind: 'top' }>, line: number): void {
	if (l.number < 1) {
		state.errors.push({ line, message: msg.mtg_parse_start_at_1({ line }) });
		return;
	}
	const item: AgendaDraftItem = { number: String(l.number), subNumber: null, title: l.title, depth: 0 };
	addItem(state, item, line);
	state.parent = item;
	state.subCount = 0;
}

function takeSub(state: ParseState, l: Extract<Line, { kind: 'sub' }>, line: number): void {
	const parent = state.parent;
	if (!parent) {
		state.errors.push({ line, message: msg.mtg_parse_sub_first({ line, letter: l.letter }) });
		return;
	}
	if (l.parent !== undefined && String(l.parent) !== parent.number) {
		state.errors.push({ line, message: msg.mtg_parse_sub_not_under({ line, parent: l.parent, letter: l.letter }) });
		return;
	}
	// "(i)" right after "(h)" is the letter i; elsewhere it is a roman numeral we do not nest.
	if (ROMAN.test(l.letter) && l.letter !== subLetter(state.subCount)) {
		state.errors.push({ line, message: msg.mtg_parse_roman_sub({ line, letter: l.letter }) });
		return;
	}
	addItem(state, { number: parent.number, subNumber: l.letter, title: l.title, depth: 1 }, line);
	state.subCount += 1;
}

function takeText(state: ParseState, text: string, line: number): void {
	const last = state.items.at(-1);
	// A wrapped title goes on in lowercase; anything else without a number is a mistake worth reporting.
	if (last && /^\p{Ll}/u.test(text)) {
		last.title = last.title ? `${last.title} ${text}` : text;
		return;
	}
	state.errors.push({ line, message: msg.mtg_parse_no_number({ line }) });
}

/** Titles are checked once continuation lines are joined, and reported at the line where the item starts. */
function checkTitles(state: ParseState): void {
	state.items.forEach((item, i) => {
		const line = state.startLines[i];
		const label = formatAgendaNumber(item.number, item.subNumber);
		if (!item.title) state.errors.push({ line, message: msg.mtg_parse_no_title({ line, label }) });
		if (item.title.length > MAX_TITLE_LENGTH) {
			state.errors.push({ line, message: msg.mtg_parse_too_long({ line, max: MAX_TITLE_LENGTH }) });
		}
	});
}

/**
 * Parses a provisional agenda pasted as text, one item a line. Items are returned even when errors are found
 * (for a preview); callers must not save while `errors` is not empty.
 */
export function parseAgendaText(text: string): { items: AgendaDraftItem[]; errors: AgendaParseError[] } {
	const state: ParseState = { items: [], errors: [], startLines: [], parent: null, subCount: 0, seen: new Map() };
	text.split(/\r\n|\r|\n/).forEach((raw, index) => {
		const line = index + 1;
		const clean = cleanLine(raw);
		if (!clean || clean.startsWith('#')) return;
		const l = classify(clean);
		if (l.kind === 'top') takeTop(state, l, line);
		else if (l.kind === 'sub') takeSub(state, l, line);
		else if (l.kind === 'roman') {
			const hint = l.numeral.startsWith('(') ? '(a), (b)' : '1, 2';
			state.errors.push({ line, message: msg.mtg_parse_roman({ line, numeral: l.numeral, hint }) });
		} else takeText(state, l.text, line);
	});
	checkTitles(state);
	state.errors.sort((a, b) => a.line - b.line);
	return { items: state.items, errors: state.errors };
}

/** 0 → "a", 25 → "z", 26 → "aa", 27 → "ab" (spreadsheet-column style, so there is no gap after z). */
export function subLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(97 + rem) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

/**
 * Reassigns numbers 1..n to top items and letters a, b … to the sub-items under each, in the given display order.
 * A sub-item with no top item before it is promoted to a top item: there is nothing to hang it under.
 */
export function renumber<T extends { depth: 0 | 1 }>(items: readonly T[]): (T & { number: string; subNumber: string | null; depth: 0 | 1 })[] {
	let top = 0;
	let sub = 0;
	return items.map((item) => {
		if (item.depth === 1 && top > 0) {
			return { ...item, number: String(top), subNumber: subLetter(sub++), depth: 1 as const };
		}
		top += 1;
		sub = 0;
		return { ...item, number: String(top), subNumber: null, depth: 0 as const };
	});
}

/** "10" or "10 (a)". */
export function formatAgendaNumber(number: string, subNumber: string | null): string {
	return subNumber ? `${number} (${subNumber})` : number;
}

const LABEL = /^\s*(\d+)\s*(?:\(\s*([a-z]+)\s*\))?\s*$/i;

/** Sorts labels as the UN reads them: "2" < "10" < "10 (a)" < "10 (b)" < "10 (z)" < "10 (aa)" < "11". */
export function compareAgendaNumbers(a: string, b: string): number {
	const ma = LABEL.exec(a);
	const mb = LABEL.exec(b);
	// Labels we cannot read go last, in text order, rather than throwing inside a sort.
	if (!ma || !mb) return ma ? -1 : mb ? 1 : a.localeCompare(b);
	const byNumber = Number(ma[1]) - Number(mb[1]);
	if (byNumber !== 0) return byNumber;
	const sa = (ma[2] ?? '').toLowerCase();
	const sb = (mb[2] ?? '').toLowerCase();
	// Shorter letters first ("z" before "aa"); no letter (the parent) before any letter.
	return sa.length - sb.length || (sa < sb ? -1 : sa > sb ? 1 : 0);
}
