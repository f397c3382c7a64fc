/**
 * UN-style CCM document symbols: the meeting's series prefix (`CCM/MSP/2019`, `CCM/CONF/2015/PM.1`, Dublin's `CCM`),
 * then the document's place in a sub-series (`4`, `WP.4`, `INF.2`, `L.1`), then an optional `Rev.n` and `Corr.n`.
 * Pure functions: the database stores the canonical text that `formatSymbol` writes.
 */

export type Series = 'main' | 'WP' | 'INF' | 'L';

export interface ParsedSymbol {
	/** Upper case, e.g. `CCM/MSP/2019`. */
	prefix: string;
	series: Series;
	number: number;
	revision: number | null;
	corrigendum: number | null;
}

export type SymbolParse = { ok: true; symbol: ParsedSymbol } | { ok: false; message: string };

export const SYMBOL_HINT = 'A symbol looks like CCM/MSP/2019/4, …/Rev.1 or …/Corr.1.';
export const MAX_SYMBOL_LENGTH = 200;

const SERIES_ORDER: Series[] = ['main', 'INF', 'L', 'WP'];
const MAX_NUMBER = 999_999;
const DIGITS = /^\d+$/;
const SUB_SERIES = /^(WP|INF|L)\.(\d+)$/i;
const REV = /^REV\.(\d+)$/i;
const CORR = /^CORR\.(\d+)$/i;
const PREFIX_SEGMENT = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

const fail = (why: string): { ok: false; message: string } => ({ ok: false, message: `${why} ${SYMBOL_HINT}` });

/** A positive number as written in a symbol, or the reason it is not one. */
function readNumber(digits: string, what: string): number | string {
	if (!DIGITS.test(digits)) return `${what} must be a whole number.`;
	if (/^0+$/.test(digits)) return `${what} starts at 1, not 0.`;
	if (digits.startsWith('0')) return `${what} is written without leading zeros (4, not 04).`;
	if (digits.length > String(MAX_NUMBER).length) return `${what} is too large.`;
	return Number(digits);
}

/** The prefix segments in canonical form, or the reason they are not a meeting's series. */
function readPrefix(segments: string[]): string | { error: string } {
	if (!segments.length) return { error: "The symbol must start with the meeting's series, e.g. CCM/MSP/2019/." };
	const upper = segments.map((s) => s.toUpperCase());
	if (!/^[A-Z]+$/.test(upper[0])) return { error: 'The symbol must start with letters, e.g. CCM/.' };
	for (const s of upper) {
		if (REV.test(s) || CORR.test(s) || SUB_SERIES.test(s)) {
			return { error: 'Rev., Corr., WP., INF. and L. parts come after the series, in that order: …/4/Rev.1/Corr.1.' };
		}
		if (!PREFIX_SEGMENT.test(s)) return { error: 'Between the slashes use only letters, digits and dots.' };
	}
	// A series names a session (`2019`, `PM.1`) after its body; only Dublin's bare `CCM/78` has none. This is what
	// refuses `CCM/MSP/2019` and `CCM/MSP/2019/Rev.1`, which would otherwise read as document 2019 of `CCM/MSP`.
	if (upper.length > 1 && /^[A-Z]+$/.test(upper[upper.length - 1])) {
		return { error: "The document number comes after the meeting's series: CCM/MSP/2019/4." };
	}
	return upper.join('/');
}

/**
 * Reads a symbol typed by staff or found in a URL. Case is forgiven (`ccm/msp/2019/4/rev.1`), the result is canonical.
 * With `knownPrefix`, the symbol must belong to that meeting's series.
 */
export function parseSymbol(text: unknown, knownPrefix?: string): SymbolParse {
	const expected = knownPrefix === undefined ? null : canonicalPrefix(knownPrefix);
	if (typeof text !== 'string' || !text.trim()) return fail('Enter the document symbol.');
	const s = text.trim();
	if (expected && s.replace(/\/$/, '').toUpperCase() === expected) return fail(`Add the document number after ${expected}/.`);
	if (s.length > MAX_SYMBOL_LENGTH) return fail(`This symbol is longer than ${MAX_SYMBOL_LENGTH} characters.`);
	if (/\s/.test(s)) return fail('A symbol has no spaces inside it.');
	const segments = s.split('/');
	if (segments.some((seg) => seg === '')) return fail('This symbol has an empty part: a slash at the start or end, or two slashes together.');

	let i = segments.length - 1;
	let corrigendum: number | null = null;
	let revision: number | null = null;
	const corr = CORR.exec(segments[i]);
	if (corr) {
		const n = readNumber(corr[1], 'A corrigendum number');
		if (typeof n === 'string') return fail(n);
		corrigendum = n;
		i--;
	}
	const rev = i >= 0 ? REV.exec(segments[i]) : null;
	if (rev) {
		const n = readNumber(rev[1], 'A revision number');
		if (typeof n === 'string') return fail(n);
		revision = n;
		i--;
	}
	if (i >= 0 && (REV.test(segments[i]) || CORR.test(segments[i]))) {
		return fail('A symbol has at most one Rev. and one Corr., the revision first: …/4/Rev.1/Corr.1.');
	}
	if (i < 0) return fail('The document number is missing.');

	const part = segments[i];
	const sub = SUB_SERIES.exec(part);
	let series: Series = 'main';
	let digits = part;
	if (sub) {
		series = sub[1].toUpperCase() as Series;
		digits = sub[2];
	} else if (!DIGITS.test(part)) {
		return fail('After the series comes the document number: …/4, …/WP.4, …/INF.2 or …/L.1.');
	}
	const number = readNumber(digits, 'A document number');
	if (typeof number === 'string') return fail(number);

	const prefix = readPrefix(segments.slice(0, i));
	if (typeof prefix !== 'string') return fail(prefix.error);
	if (expected && prefix !== expected) return fail(`This symbol does not belong to this meeting: it should start with ${expected}/.`);
	return { ok: true, symbol: { prefix, series, number, revision, corrigendum } };
}

/** A meeting's series in canonical form; a malformed one is a programming or data error, so it throws. */
function canonicalPrefix(prefix: string): string {
	const segments = prefix.trim().replace(/\/+$/, '').split('/');
	const canonical = segments.every((s) => s !== '') ? readPrefix(segments) : null;
	if (typeof canonical !== 'string') throw new Error(`Not a symbol series: ${JSON.stringify(prefix)}`);
	return canonical;
}

type SymbolLike = string | ParsedSymbol;

function parsed(symbol: SymbolLike): ParsedSymbol {
	if (typeof symbol !== 'string') return symbol;
	const r = parseSymbol(symbol);
	if (!r.ok) throw new Error(`Not a document symbol: ${JSON.stringify(symbol)}`);
	return r.symbol;
}

function tryParse(symbol: SymbolLike): ParsedSymbol | null {
	if (typeof symbol !== 'string') return symbol;
	const r = parseSymbol(symbol);
	return r.ok ? r.symbol : null;
}

function documentPart(p: ParsedSymbol): string {
	return p.series === 'main' ? String(p.number) : `${p.series}.${p.number}`;
}

export function formatSymbol(p: ParsedSymbol): string {
	let s = `${p.prefix}/${documentPart(p)}`;
	if (p.revision !== null) s += `/Rev.${p.revision}`;
	if (p.corrigendum !== null) s += `/Corr.${p.corrigendum}`;
	return s;
}

/** The symbol without Rev./Corr.: what all versions of one document share (`documents.base_symbol`). */
export function baseSymbol(p: SymbolLike): string {
	return formatSymbol({ ...parsed(p), revision: null, corrigendum: null });
}

/** True when both are versions (original, revision, corrigendum) of one document. Unreadable symbols match nothing. */
export function isSameDocument(a: SymbolLike, b: SymbolLike): boolean {
	const pa = tryParse(a);
	const pb = tryParse(b);
	return !!pa && !!pb && pa.prefix === pb.prefix && pa.series === pb.series && pa.number === pb.number;
}

/**
 * The next free number in a meeting's series: one more than the highest taken. Revisions and corrigenda reuse their
 * document's number. Gaps (a number skipped, or a document withdrawn) are never filled: a symbol once issued may be
 * cited in reports, statements and mail, so it must keep meaning the document it was given to. For that reason
 * documents are withdrawn, never deleted. Symbols that cannot be read are ignored.
 */
export function nextNumber(existingSymbols: Iterable<string>, prefix: string, series: Series): number {
	const want = canonicalPrefix(prefix);
	let max = 0;
	for (const s of existingSymbols) {
		const p = tryParse(s);
		if (p && p.prefix === want && p.series === series) max = Math.max(max, p.number);
	}
	if (max >= MAX_NUMBER) throw new Error(`No number left in ${want}`);
	return max + 1;
}

/** The next revision of a document (given by any of its versions): Rev.1, or one more than the highest. */
export function nextRevision(existingSymbols: Iterable<string>, base: SymbolLike): ParsedSymbol {
	const b = parsed(base);
	let max = 0;
	for (const s of existingSymbols) {
		const p = tryParse(s);
		if (p && isSameDocument(p, b) && p.revision !== null) max = Math.max(max, p.revision);
	}
	return { ...b, revision: max + 1, corrigendum: null };
}

/**
 * The next corrigendum of one version: of the original (`4/Corr.n`) or of a revision (`4/Rev.1/Corr.n`); each version
 * counts its own. A target that is itself a corrigendum stands for the version it corrects.
 */
export function nextCorrigendum(existingSymbols: Iterable<string>, target: SymbolLike): ParsedSymbol {
	const t = parsed(target);
	let max = 0;
	for (const s of existingSymbols) {
		const p = tryParse(s);
		if (p && isSameDocument(p, t) && p.revision === t.revision && p.corrigendum !== null) max = Math.max(max, p.corrigendum);
	}
	return { ...t, corrigendum: max + 1 };
}

/** Digits compare as numbers, so PM.2 comes before PM.10. */
function compareNatural(a: string, b: string): number {
	const ta = a.match(/\d+|\D+/g) ?? [];
	const tb = b.match(/\d+|\D+/g) ?? [];
	for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
		const x = ta[i];
		const y = tb[i];
		if (DIGITS.test(x) && DIGITS.test(y)) {
			const nx = x.replace(/^0+/, '');
			const ny = y.replace(/^0+/, '');
			if (nx.length !== ny.length) return nx.length - ny.length;
		}
		if (x !== y) return x < y ? -1 : 1;
	}
	return ta.length - tb.length;
}

function comparePrefixes(a: string, b: string): number {
	const sa = a.split('/');
	const sb = b.split('/');
	for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
		const c = compareNatural(sa[i], sb[i]);
		if (c) return c;
	}
	return sa.length - sb.length;
}

/**
 * Listing order: series prefix, then main documents before INF, L and WP, then number, then versions as issued:
 * original < Corr.1 < Rev.1 < Rev.1/Corr.1 < Rev.2. Unreadable symbols go last, in plain text order.
 */
export function compareSymbols(a: SymbolLike, b: SymbolLike): number {
	const pa = tryParse(a);
	const pb = tryParse(b);
	if (!pa || !pb) {
		if (pa) return -1;
		if (pb) return 1;
		const [x, y] = [String(a), String(b)];
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return (
		comparePrefixes(pa.prefix, pb.prefix) ||
		SERIES_ORDER.indexOf(pa.series) - SERIES_ORDER.indexOf(pb.series) ||
		pa.number - pb.number ||
		(pa.revision ?? 0) - (pb.revision ?? 0) ||
		(pa.corrigendum ?? 0) - (pb.corrigendum ?? 0)
	);
}

/** The rest parameter of `/documents/[...symbol]`: one path segment per symbol segment, canonical. */
export function symbolToPath(symbol: SymbolLike): string {
	return formatSymbol(parsed(symbol)).split('/').map(encodeURIComponent).join('/');
}

/**
 * The canonical symbol for a `/documents/[...symbol]` path (encoded or already decoded by the router), or null for
 * anything that is not a symbol, including `.`/`..` segments and encoded slashes.
 */
export function pathToSymbol(path: string): string | null {
	if (typeof path !== 'string' || path.length > MAX_SYMBOL_LENGTH * 3) return null;
	const segments: string[] = [];
	for (const raw of path.split('/')) {
		let seg: string;
		try {
			seg = decodeURIComponent(raw);
		} catch {
			return null;
		}
		if (seg === '' || seg === '.' || seg === '..' || /[\s/\\]/.test(seg)) return null;
		segments.push(seg);
	}
	const r = parseSymbol(segments.join('/'));
	return r.ok ? formatSymbol(r.symbol) : null;
}

function asciiToken(s: string): string {
	return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-');
}

/**
 * A file name for Content-Disposition, e.g. `CCM-MSP-2019-4-Rev.1_EN.pdf`: ASCII letters, digits, `.`, `-` and `_`
 * only, so it needs no quoting or RFC 5987 encoding.
 */
export function downloadName(symbol: string, language: string, ext: string): string {
	const p = tryParse(symbol);
	const stem = asciiToken((p ? formatSymbol(p) : String(symbol)).replaceAll('/', '-'))
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 120)
		.replace(/[-.]+$/, '');
	const lang = String(language)
		.replace(/[^A-Za-z]/g, '')
		.slice(0, 8)
		.toUpperCase();
	const extension = String(ext)
		.replace(/^\./, '')
		.replace(/[^A-Za-z0-9]/g, '')
		.slice(0, 10)
		.toLowerCase();
	return `${stem || 'document'}${lang ? `_${lang}` : ''}${extension ? `.${extension}` : ''}`;
}
