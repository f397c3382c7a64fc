import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CATEGORY_COLOURS, type Category } from './rules';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** The fixed words of the badges and the list of participants, in a language. */
export function pdfTexts(locale: Locale) {
	const o = { locale };
	return {
		category: {
			party: m.srv_badge_party({}, o),
			signatory: m.srv_badge_signatory({}, o),
			observer: m.srv_badge_observer({}, o),
			io: m.srv_badge_io({}, o),
			ngo: m.srv_badge_ngo({}, o),
			staff: m.srv_badge_staff({}, o)
		} satisfies Record<Category, string>,
		badgesTitle: (code: string) => m.srv_badges_title({ code }, o),
		noBadges: m.srv_badges_none({}, o),
		participants: m.srv_participants_title({}, o),
		participantsDocTitle: (code: string) => m.srv_participants_doc_title({ code }, o),
		noParticipants: m.srv_participants_none({}, o),
		continued: (name: string) => m.srv_participants_continued({ name }, o),
		page: (n: number, count: number) => m.srv_pdf_page({ n, count }, o)
	};
}

export interface PdfMeeting {
	code: string;
	title: string;
	/** Already formatted, e.g. '2–4 September 2019'. */
	dates: string;
	city: string | null;
}

export interface BadgePerson {
	name: string;
	title: string | null;
	organization: string;
	category: Category;
	roleLabel: string;
	/** Opaque random string; the QR code carries this and nothing else, so a lost badge leaks no personal data. */
	badgeToken: string;
	/** The language of this badge's words (its holder's); the sheet's otherwise. */
	locale?: Locale;
}

export interface ParticipantGroup {
	heading: string;
	organizations: { name: string; people: { name: string; position: string | null; roleLabel: string }[] }[];
}

type Doc = PDFKit.PDFDocument;

/*
 * DejaVu Sans covers Latin (incl. Vietnamese), Cyrillic, Greek, Armenian, Georgian, Hebrew and Arabic. It has no CJK,
 * Thai or Indic glyphs: such names print as boxes (see `printable`). Noto Sans CJK (~16 MB) and friends would be needed.
 * The files are resolved through the package, not relative to this module: Vite bundles this file into build/, while
 * dependencies stay external in node_modules. They are read once per process and registered once per document.
 */
let fontFiles: { body: Buffer; bold: Buffer; mono: Buffer } | undefined;

function fonts() {
	if (!fontFiles) {
		const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
		fontFiles = {
			body: readFileSync(join(dir, 'DejaVuSans.ttf')),
			bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')),
			mono: readFileSync(join(dir, 'DejaVuSansMono.ttf'))
		};
	}
	return fontFiles;
}

export function newDoc(options: PDFKit.PDFDocumentOptions): Doc {
	// `font: false` would be ideal; an empty string skips pdfkit's default Helvetica (and its AFM files) as well.
	const doc = new PDFDocument({ size: 'A4', font: '', ...options });
	const f = fonts();
	doc.registerFont('body', f.body);
	doc.registerFont('bold', f.bold);
	doc.registerFont('mono', f.mono);
	return doc.font('body');
}

export function toBuffer(doc: Doc): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.end();
	});
}

/**
 * Characters the current font lacks, as '□'. Left to pdfkit they become the font's .notdef glyph, which pdfkit 0.17
 * measures at its true width but writes into the PDF unscaled (1229/1000 em instead of 1229/2048 for DejaVu), so the
 * text came out wider than measured and ran off the badge. Reaches into pdfkit's current font for fontkit's coverage.
 */
export function printable(doc: Doc, text: string): string {
	if (/^[\u0000-\u024f]*$/.test(text)) return text;
	const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
	let out = '';
	for (const ch of text) out += /[\s\p{Cf}]/u.test(ch) || font.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : '□';
	return out;
}

/*
 * pdfkit shapes text word by word, so a right-to-left name comes out with its words in left-to-right order. Passing
 * OpenType features makes it shape the whole run at once, and fontkit then orders an all-RTL run correctly.
 * Mixed-direction strings (Arabic with Latin in one line) are not reordered: there is no bidi algorithm here.
 */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
function dir(text: string): PDFKit.Mixins.TextOptions {
	return RTL.test(text) ? { features: ['kern', 'liga'] } : {};
}

/** The largest size from `max` down to `min` at which `text` fits on one line of `width`. */
function fitSize(doc: Doc, text: string, width: number, max: number, min: number, opts: PDFKit.Mixins.TextOptions = {}): number {
	doc.fontSize(max);
	const w = doc.widthOfString(text, { ...dir(text), ...opts });
	return w <= width ? max : Math.max(min, Math.floor(((max * width) / w) * 4) / 4);
}

/*
 * Badges set their text line by line with the font already chosen: pdfkit's own wrapper (used whenever a width is given)
 * costs several times more, and 2,000 badges have to be ready while the organiser waits.
 */

/** Greedy word wrap into at most `maxLines` lines; the last line ends in an ellipsis when text is left over. */
function wrapLines(doc: Doc, text: string, width: number, maxLines: number, opts: PDFKit.Mixins.TextOptions = {}): string[] {
	const fits = (s: string) => doc.widthOfString(s, opts) <= width;
	const words = text.trim().split(/\s+/);
	const lines: string[] = [];
	let i = 0;
	while (i < words.length && lines.length < maxLines) {
		let line = words[i++];
		while (i < words.length && fits(`${line} ${words[i]}`)) line += ` ${words[i++]}`;
		lines.push(line);
	}
	const cut = (line: string) => {
		while (line.length > 1 && !fits(`${line}…`)) line = line.slice(0, -1).trimEnd();
		return `${line}…`;
	};
	// A single word too long for the line is cut too, rather than run off the badge.
	return lines.map((line, n) => ((n === lines.length - 1 && i < words.length) || !fits(line) ? cut(line) : line));
}

function centred(doc: Doc, line: string, centreX: number, y: number, opts: PDFKit.Mixins.TextOptions = {}) {
	doc.text(line, centreX - doc.widthOfString(line, opts) / 2, y, { ...opts, lineBreak: false });
}

function printableMeeting(doc: Doc, m: PdfMeeting): PdfMeeting {
	return { code: printable(doc, m.code), title: printable(doc, m.title), dates: printable(doc, m.dates), city: m.city && printable(doc, m.city) };
}

function placeLine(meeting: PdfMeeting): string {
	return meeting.city ? `${meeting.city}, ${meeting.dates}` : meeting.dates;
}

// ---------------------------------------------------------------------------------------------------------- badges

const PAGE_W = 595.28;
const PAGE_H = 841.89;
/** Inset of each badge inside its quarter page: room for crop marks and for printers that cannot print to the edge. */
const INSET = 16;
const BADGE_W = PAGE_W / 2 - 2 * INSET; // ≈ 94 × 137 mm: fits an A6 badge holder
const BADGE_H = PAGE_H / 2 - 2 * INSET;
const PAD = 14;
const INK = '#111111';
const GREY = '#4a4a4a';

function cropMarks(doc: Doc, x: number, y: number) {
	const gap = 3;
	const len = 9;
	doc.save().lineWidth(0.4).strokeColor('#777777');
	for (const [cx, sx] of [
		[x, -1],
		[x + BADGE_W, 1]
	] as const) {
		for (const [cy, sy] of [
			[y, -1],
			[y + BADGE_H, 1]
		] as const) {
			doc.moveTo(cx + sx * gap, cy).lineTo(cx + sx * (gap + len), cy);
			doc.moveTo(cx, cy + sy * gap).lineTo(cx, cy + sy * (gap + len));
		}
	}
	doc.stroke();
	// A hairline at the cut itself, so a slightly inaccurate cut leaves no white sliver of doubt about the edge.
	doc.lineWidth(0.25).strokeColor('#c4c4c4').rect(x, y, BADGE_W, BADGE_H).stroke().restore();
}

/*
 * The QR code as filled rectangles, one per horizontal run of dark modules, in one path: far faster than a PNG, and one
 * fill leaves no seams between modules. The mask is fixed rather than searched for: the search (8 trial masks scored by
 * penalty rules) took about 0.8 ms a badge, over half the time of the whole sheet, and it buys nothing here because the
 * payload is a random token, which no mask turns into finder-like patterns any more than another. Any mask is valid QR.
 */
function qr(doc: Doc, token: string, x: number, y: number, size: number) {
	const { modules } = QRCode.create([{ mode: 'byte', data: Buffer.from(token, 'utf8') }], { errorCorrectionLevel: 'M', maskPattern: 0 });
	const n = modules.size;
	doc
		.save()
		.translate(x, y)
		.scale(size / n);
	for (let r = 0; r < n; r++) {
		let c = 0;
		while (c < n) {
			if (!modules.get(r, c)) {
				c++;
				continue;
			}
			const start = c;
			while (c < n && modules.get(r, c)) c++;
			doc.rect(start, r, c - start, 1);
		}
	}
	doc.fillColor('#000000').fill().restore();
}

interface MeetingLines {
	code: string;
	title: string[];
	place: string;
}

function badge(doc: Doc, meeting: MeetingLines, p: BadgePerson, x: number, y: number, t: ReturnType<typeof pdfTexts>) {
	const inner = BADGE_W - 2 * PAD;
	const mid = x + BADGE_W / 2;
	const colour = CATEGORY_COLOURS[p.category];
	cropMarks(doc, x, y);

	// Category band, readable across a room; the thin strip at the foot repeats the colour.
	const bandH = 46;
	doc.rect(x, y, BADGE_W, bandH).fill(colour);
	doc.rect(x, y + BADGE_H - 8, BADGE_W, 8).fill(colour);
	const label = t.category[p.category].toLocaleUpperCase();
	const spaced = { characterSpacing: 0.6 };
	doc.font('bold').fillColor(INK);
	let labelSize = fitSize(doc, label, inner - 4, 14, 11, spaced);
	// One line when it fits at a size readable from afar, otherwise two ("NON-GOVERNMENTAL / ORGANISATION").
	let labelLines = [label];
	if (doc.fontSize(labelSize).widthOfString(label, spaced) > inner - 4) {
		labelSize = 13;
		labelLines = wrapLines(doc.fontSize(labelSize), label, inner - 4, 2, spaced);
	}
	const labelLineH = labelSize * 1.15;
	let ly = y + (bandH - labelLines.length * labelLineH) / 2 + 1;
	for (const line of labelLines) {
		centred(doc, line, mid, ly, spaced);
		ly += labelLineH;
	}

	// Meeting.
	doc.font('bold').fontSize(10);
	centred(doc, meeting.code, mid, y + bandH + 10);
	doc.font('body').fontSize(7.5).fillColor(GREY);
	let my = y + bandH + 24;
	for (const line of [...meeting.title, meeting.place]) {
		centred(doc, line, mid, my);
		my += 9.5;
	}
	const ruleY = y + bandH + 64;
	doc
		.moveTo(mid - inner / 4, ruleY)
		.lineTo(mid + inner / 4, ruleY)
		.lineWidth(0.5)
		.strokeColor('#9a9a9a')
		.stroke();

	// Check-in: QR with the token only, and the token again for typing when the camera fails.
	// The token sits about three modules below the code: scanners want a quiet margin (four modules by the book).
	const qrSize = 84;
	const qrY = y + BADGE_H - 8 - 36 - qrSize;
	qr(doc, p.badgeToken, mid - qrSize / 2, qrY, qrSize);
	doc.font('mono').fontSize(7.5).fillColor(GREY);
	centred(doc, printable(doc, p.badgeToken), mid, qrY + qrSize + 9);

	// Person, centred between the rule and the QR code: title, name as large as fits, organization, role.
	const nameText = printable(doc.font('bold'), p.name);
	const nameOpts = dir(nameText);
	const nameSize = fitSize(doc, nameText, inner, 24, 16);
	const name = wrapLines(doc.fontSize(nameSize), nameText, inner, 3, nameOpts);
	const orgText = printable(doc.font('body'), p.organization);
	const orgOpts = dir(orgText);
	const orgSize = fitSize(doc, orgText, inner, 13, 10.5);
	const org = wrapLines(doc.fontSize(orgSize), orgText, inner, 2, orgOpts);
	const nameLineH = nameSize * 1.12;
	const orgLineH = orgSize * 1.2;
	const height = (p.title ? 15 : 0) + name.length * nameLineH + 7 + org.length * orgLineH + 4 + 12;
	let cy = ruleY + Math.max(8, (qrY - ruleY - height) / 2 - 4);
	if (p.title) {
		doc.font('body').fontSize(10).fillColor(GREY);
		centred(doc, printable(doc, p.title), mid, cy);
		cy += 15;
	}
	doc.font('bold').fontSize(nameSize).fillColor(INK);
	for (const line of name) {
		centred(doc, line, mid, cy, nameOpts);
		cy += nameLineH;
	}
	cy += 7;
	doc.font('body').fontSize(orgSize);
	for (const line of org) {
		centred(doc, line, mid, cy, orgOpts);
		cy += orgLineH;
	}
	doc.fontSize(9.5).fillColor(GREY);
	centred(doc, printable(doc, p.roleLabel), mid, cy + 4);
}

/** Printable badges, four to an A4 page, each about 94 × 137 mm with crop marks. */
export async function badgesPdf(meeting: PdfMeeting, people: BadgePerson[], locale: Locale = 'en'): Promise<Buffer> {
	const t = pdfTexts(locale);
	const doc = newDoc({ margin: 0, info: { Title: t.badgesTitle(meeting.code), Subject: meeting.title } });
	meeting = printableMeeting(doc, meeting);
	if (people.length === 0) {
		const width = PAGE_W - 144;
		doc.font('bold').fontSize(16).fillColor(INK).text(t.badgesTitle(meeting.code), 72, 96, { width });
		doc.font('body').fontSize(10).fillColor(GREY).text(meeting.title, { width }).text(placeLine(meeting), { width });
		doc
			.fontSize(11)
			.fillColor(INK)
			.text(t.noBadges, 72, doc.y + 18, { width });
		return toBuffer(doc);
	}
	doc.font('body').fontSize(7.5);
	const lines: MeetingLines = { code: meeting.code, title: wrapLines(doc, meeting.title, BADGE_W - 2 * PAD, 2), place: placeLine(meeting) };
	people.forEach((p, i) => {
		const slot = i % 4;
		if (i > 0 && slot === 0) doc.addPage();
		const x = (slot % 2) * (PAGE_W / 2) + INSET;
		const y = Math.floor(slot / 2) * (PAGE_H / 2) + INSET;
		badge(doc, lines, p, x, y, p.locale && p.locale !== locale ? pdfTexts(p.locale) : t);
	});
	return toBuffer(doc);
}

// ----------------------------------------------------------------------------------------------- participant list

const M = { top: 64, bottom: 64, left: 64, right: 64 };
const TEXT_W = PAGE_W - M.left - M.right;
const INDENT = 16;
const BOTTOM = PAGE_H - M.bottom;

type Person = ParticipantGroup['organizations'][number]['people'][number];

function personHeight(doc: Doc, p: Person): number {
	doc.font('body').fontSize(10);
	let h = doc.heightOfString(p.name, { width: TEXT_W - INDENT, ...dir(p.name) });
	doc.fontSize(8.5);
	h += doc.heightOfString(detailLine(p), { width: TEXT_W - INDENT });
	return h + 6;
}

function detailLine(p: Person): string {
	return p.position ? `${p.roleLabel} · ${p.position}` : p.roleLabel;
}

function orgHeading(doc: Doc, name: string, continued: boolean, t: ReturnType<typeof pdfTexts>) {
	doc.font('bold').fontSize(10.5).fillColor(INK);
	doc.text(continued ? t.continued(name) : name, M.left, doc.y, { width: TEXT_W, ...dir(name) });
	doc.moveDown(0.25);
}

function groupHeading(doc: Doc, heading: string) {
	doc.font('bold').fontSize(12).fillColor(INK);
	doc.text(heading.toUpperCase(), M.left, doc.y, { width: TEXT_W, characterSpacing: 0.8 });
	const ruleY = doc.y + 2;
	doc
		.moveTo(M.left, ruleY)
		.lineTo(M.left + TEXT_W, ruleY)
		.lineWidth(0.6)
		.strokeColor('#555555')
		.stroke();
	doc.y = ruleY + 8;
}

/** Starts a new page unless `needed` points remain above the bottom margin. */
function ensure(doc: Doc, needed: number): boolean {
	if (doc.y + needed <= BOTTOM) return false;
	doc.addPage();
	return true;
}

/** The list of participants, in the order given (sort with `compareParticipants` first), with "Page n of m". */
export async function participantsPdf(meeting: PdfMeeting, groups: ParticipantGroup[], locale: Locale = 'en'): Promise<Buffer> {
	const t = pdfTexts(locale);
	const doc = newDoc({ margins: M, bufferPages: true, info: { Title: t.participantsDocTitle(meeting.code), Subject: meeting.title } });
	const pr = (text: string) => printable(doc, text);
	meeting = printableMeeting(doc, meeting);
	groups = groups.map((g) => ({
		heading: pr(g.heading),
		organizations: g.organizations.map((o) => ({
			name: pr(o.name),
			people: o.people.map((p) => ({ name: pr(p.name), position: p.position && pr(p.position), roleLabel: pr(p.roleLabel) }))
		}))
	}));

	doc.font('bold').fontSize(17).fillColor(INK).text(t.participants, M.left, M.top, { width: TEXT_W, align: 'center' });
	doc.moveDown(0.4);
	doc.font('bold').fontSize(11).text(meeting.code, { width: TEXT_W, align: 'center' });
	doc.font('body').fontSize(10).fillColor(GREY).text(meeting.title, { width: TEXT_W, align: 'center' });
	doc.text(placeLine(meeting), { width: TEXT_W, align: 'center' });
	doc.moveDown(1.6);

	const nonEmpty = groups.filter((g) => g.organizations.some((o) => o.people.length > 0));
	if (nonEmpty.length === 0) {
		doc.font('body').fontSize(11).fillColor(INK).text(t.noParticipants, M.left, doc.y, { width: TEXT_W, align: 'center' });
	}
	for (const group of nonEmpty) {
		const orgs = group.organizations.filter((o) => o.people.length > 0);
		// A group heading never ends a page: it keeps its first organization heading and first person with it.
		ensure(doc, 40 + 20 + personHeight(doc, orgs[0].people[0]));
		doc.moveDown(0.6);
		groupHeading(doc, group.heading);
		for (const org of orgs) {
			// Nor does an organization heading: it keeps at least its first person (two when it has them).
			const keep = org.people.slice(0, 2).reduce((h, p) => h + personHeight(doc, p), 0);
			ensure(doc, 24 + keep);
			doc.moveDown(0.5);
			orgHeading(doc, org.name, false, t);
			for (const p of org.people) {
				if (ensure(doc, personHeight(doc, p))) orgHeading(doc, org.name, true, t);
				doc
					.font('body')
					.fontSize(10)
					.fillColor(INK)
					.text(p.name, M.left + INDENT, doc.y, { width: TEXT_W - INDENT, ...dir(p.name) });
				doc
					.fontSize(8.5)
					.fillColor(GREY)
					.text(detailLine(p), M.left + INDENT, doc.y + 0.5, { width: TEXT_W - INDENT });
				doc.y += 5;
			}
		}
	}

	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		// Writing below the bottom margin would make pdfkit add a page; lift the margin while drawing the footer.
		doc.page.margins.bottom = 0;
		const footY = PAGE_H - M.bottom + 24;
		doc
			.moveTo(M.left, footY - 8)
			.lineTo(M.left + TEXT_W, footY - 8)
			.lineWidth(0.4)
			.strokeColor('#9a9a9a')
			.stroke();
		doc.font('body').fontSize(8).fillColor(GREY);
		doc.text(`${meeting.code} · ${t.participants}`, M.left, footY, { width: TEXT_W / 2, lineBreak: false });
		doc.text(t.page(i - start + 1, count), M.left + TEXT_W / 2, footY, { width: TEXT_W / 2, align: 'right', lineBreak: false });
		doc.page.margins.bottom = M.bottom;
	}
	return toBuffer(doc);
}
