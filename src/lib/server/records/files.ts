/** What document files we accept and serve, and the placeholder PDF the demonstration data uses. Pure: no I/O. */

/** The six official UN languages, in the order the document pages list them. Codes are lower case. */
export const LANGUAGES = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic', zh: 'Chinese', ru: 'Russian' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

export function isLanguage(code: unknown): code is Language {
	return typeof code === 'string' && Object.hasOwn(LANGUAGES, code);
}

/** Keyed by the MIME type that `file-type` reads from the content; `ext` is the one it reports too. */
export const ALLOWED_DOCUMENT_TYPES = {
	'application/pdf': { ext: 'pdf', label: 'PDF' },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'Word (DOCX)' },
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'Excel (XLSX)' },
	'image/png': { ext: 'png', label: 'PNG image' },
	'image/jpeg': { ext: 'jpg', label: 'JPEG image' }
} as const;
export type DocumentMime = keyof typeof ALLOWED_DOCUMENT_TYPES;
export const ALLOWED_DOCUMENT_MIMES = Object.keys(ALLOWED_DOCUMENT_TYPES) as DocumentMime[];

export function isAllowedDocumentMime(mime: unknown): mime is DocumentMime {
	return typeof mime === 'string' && Object.hasOwn(ALLOWED_DOCUMENT_TYPES, mime);
}

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** In display order: the order a meeting's document list groups them. */
export const DOCUMENT_TYPES = [
	'provisional_agenda',
	'programme_of_work',
	'working_paper',
	'information_paper',
	'report',
	'statement',
	'list_of_participants',
	'decision',
	'other'
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
	provisional_agenda: 'Provisional agenda',
	programme_of_work: 'Programme of work',
	working_paper: 'Working paper',
	information_paper: 'Information paper',
	report: 'Report',
	statement: 'Statement',
	list_of_participants: 'List of participants',
	decision: 'Decision',
	other: 'Other'
};

export function isDocumentType(value: unknown): value is DocumentType {
	return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** Display order; a type this version does not know (an old row) sorts last. */
export function compareDocumentTypes(a: string, b: string): number {
	const rank = (t: string) => (isDocumentType(t) ? DOCUMENT_TYPES.indexOf(t) : DOCUMENT_TYPES.length);
	return rank(a) - rank(b);
}

const ASCII_FOR: Record<string, string> = {
	ß: 'ss',
	ẞ: 'SS',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ø: 'o',
	Ø: 'O',
	đ: 'd',
	Đ: 'D',
	ð: 'd',
	Ð: 'D',
	ł: 'l',
	Ł: 'L',
	þ: 'th',
	Þ: 'Th',
	ı: 'i',
	'‘': "'",
	'’': "'",
	'‚': "'",
	'“': '"',
	'”': '"',
	'„': '"',
	'«': '"',
	'»': '"',
	'–': '-',
	'—': '-',
	'‐': '-',
	'‑': '-',
	'−': '-',
	'…': '...',
	'•': '*',
	'€': 'EUR',
	'⁄': '/'
};

/** Latin letters lose their accents, a few letters and punctuation get their usual spelling, anything else is `?`. */
export function toAscii(text: string): string {
	return [...text.normalize('NFKD')]
		.map((c) => ASCII_FOR[c] ?? c)
		.join('')
		.replace(/\p{M}/gu, '')
		.replace(/[\t\n\r\f\v\u00a0]/g, ' ')
		.replace(/[^\x20-\x7e]/gu, '?');
}

/** Helvetica advance widths in em, coarsely: enough to wrap lines inside the margins. */
function widthEm(text: string): number {
	let w = 0;
	for (const c of text) {
		if (c === ' ' || /[.,:;'!|il]/.test(c)) w += 0.278;
		else if (/[A-Z]|[mw@%]/.test(c)) w += c === 'I' ? 0.278 : 0.72;
		else w += 0.556;
	}
	return w;
}

function wrap(text: string, size: number, width: number, maxLines: number): string[] {
	const fits = (s: string) => widthEm(s) * size <= width;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ').filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (fits(candidate)) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		// A word wider than the line (a long symbol, a URL) is cut where it no longer fits.
		while (!fits(line)) {
			let cut = 1;
			while (fits(line.slice(0, cut + 1))) cut++;
			lines.push(line.slice(0, cut));
			line = line.slice(cut);
		}
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		lines.length = maxLines;
		lines[maxLines - 1] = `${lines[maxLines - 1].slice(0, -3)}...`;
	}
	return lines;
}

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** `\227` is the em dash in WinAnsiEncoding: the file stays ASCII and the reader still shows the dash. */
const NOTICE = 'Placeholder for demonstration \\227 not the official document';

/**
 * A one-page A4 PDF standing in for a document the demonstration does not have: the symbol, the title and the notice.
 * Written by hand, deterministically (no dates), so equal inputs give equal bytes and are stored once.
 */
export function placeholderPdf(title: string, symbol: string): Buffer {
	const margin = 72;
	const width = 595 - 2 * margin;
	const sym = toAscii(symbol).trim().slice(0, 200);
	const ttl = toAscii(title).replace(/ +/g, ' ').trim().slice(0, 1000);

	const ops: string[] = ['0.75 0 0 RG 1.5 w 60 60 475 722 re S'];
	let y = 740;
	const block = (font: string, size: number, leading: number, lines: string[]) => {
		if (!lines.length) return;
		ops.push(`BT /${font} ${size} Tf ${leading} TL ${margin} ${y} Td`, ...lines.map((l, i) => `${i ? 'T* ' : ''}${pdfString(l)} Tj`), 'ET');
		y -= lines.length * leading;
	};
	ops.push(`BT /F3 11 Tf ${margin} ${y} Td 0.75 0 0 rg (${NOTICE}) Tj 0 g ET`);
	y -= 48;
	block('F2', 20, 26, wrap(sym, 20, width, 4));
	y -= 14;
	block('F1', 13, 18, wrap(ttl, 13, width, 24));
	ops.push(`BT /F3 11 Tf ${margin} 80 Td 0.75 0 0 rg (${NOTICE}) Tj 0 g ET`);
	const content = ops.join('\n');

	const font = (name: string) => `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		font('Helvetica'),
		font('Helvetica-Bold'),
		font('Helvetica-Oblique'),
		`<< /Title ${pdfString(`${sym} - ${ttl}`.slice(0, 250))} /Producer (CCM Meetings, placeholder) >>`
	];

	// Every character is below U+0100 (the header's comment holds four high bytes, marking the file as binary for
	// transfer tools), so with latin1 the string length is the byte count and the offsets below are byte offsets.
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}
