import { spawnSync } from 'node:child_process';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import {
	ALLOWED_DOCUMENT_MIMES,
	ALLOWED_DOCUMENT_TYPES,
	DOCUMENT_TYPES,
	DOCUMENT_TYPE_LABELS,
	LANGUAGES,
	LANGUAGE_CODES,
	MAX_DOCUMENT_BYTES,
	compareDocumentTypes,
	isAllowedDocumentMime,
	isDocumentType,
	isLanguage,
	placeholderPdf,
	toAscii
} from './files';

describe('languages', () => {
	it('serves the six UN languages in a fixed order', () => {
		expect(LANGUAGES).toEqual({ en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic', zh: 'Chinese', ru: 'Russian' });
		expect(LANGUAGE_CODES).toEqual(['en', 'fr', 'es', 'ar', 'zh', 'ru']);
	});

	it('knows only its own lower-case codes', () => {
		for (const code of LANGUAGE_CODES) expect(isLanguage(code)).toBe(true);
		for (const code of ['EN', 'de', 'e', 'eng', '', ' en', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])
			expect(isLanguage(code), code).toBe(false);
		for (const value of [null, undefined, 1, {}, ['en']]) expect(isLanguage(value)).toBe(false);
	});
});

/** A zip whose one stored entry is `[Content_Types].xml` naming the main part: what Office detection reads. */
function officeZip(mainPart: string): Buffer {
	const name = Buffer.from('[Content_Types].xml', 'ascii');
	const data = Buffer.from(`<?xml version="1.0"?><Types><Override PartName="/main.xml" ContentType="${mainPart}.main+xml"/></Types>`, 'ascii');
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4);
	header.writeUInt32LE(data.length, 18);
	header.writeUInt32LE(data.length, 22);
	header.writeUInt16LE(name.length, 26);
	return Buffer.concat([header, name, data]);
}

describe('allowed document types', () => {
	it('lists PDF, DOCX, XLSX, PNG and JPEG', () => {
		expect(ALLOWED_DOCUMENT_MIMES).toEqual([
			'application/pdf',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'image/png',
			'image/jpeg'
		]);
		expect(Object.values(ALLOWED_DOCUMENT_TYPES).map((t) => t.ext)).toEqual(['pdf', 'docx', 'xlsx', 'png', 'jpg']);
		for (const t of Object.values(ALLOWED_DOCUMENT_TYPES)) expect(t.label).toMatch(/\S/);
	});

	it('refuses other types, including lookalikes', () => {
		for (const mime of ALLOWED_DOCUMENT_MIMES) expect(isAllowedDocumentMime(mime)).toBe(true);
		for (const mime of ['application/msword', 'application/zip', 'image/svg+xml', 'text/html', 'APPLICATION/PDF', 'application/pdf ', 'toString', '', null]) {
			expect(isAllowedDocumentMime(mime), String(mime)).toBe(false);
		}
	});

	it('agrees with what file-type reads from the content, extension included', async () => {
		const samples: [Buffer, string][] = [
			[placeholderPdf('A', 'CCM/1'), 'application/pdf'],
			[
				officeZip('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			],
			[officeZip('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
			[Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32)]), 'image/png'],
			[Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(32)]), 'image/jpeg']
		];
		for (const [bytes, mime] of samples) {
			const found = await fileTypeFromBuffer(bytes);
			expect(found?.mime).toBe(mime);
			expect(found?.ext).toBe(ALLOWED_DOCUMENT_TYPES[mime as keyof typeof ALLOWED_DOCUMENT_TYPES].ext);
		}
	});

	it('caps a file at 25 MiB', () => {
		expect(MAX_DOCUMENT_BYTES).toBe(26_214_400);
	});
});

describe('document types', () => {
	it('has a label for each type, in display order', () => {
		expect(DOCUMENT_TYPES).toEqual([
			'provisional_agenda',
			'programme_of_work',
			'working_paper',
			'information_paper',
			'report',
			'statement',
			'list_of_participants',
			'decision',
			'other'
		]);
		expect(Object.keys(DOCUMENT_TYPE_LABELS)).toEqual([...DOCUMENT_TYPES]);
		expect(DOCUMENT_TYPE_LABELS.provisional_agenda).toBe('Provisional agenda');
		expect(DOCUMENT_TYPE_LABELS.list_of_participants).toBe('List of participants');
		for (const t of DOCUMENT_TYPES) expect(DOCUMENT_TYPE_LABELS[t]).toMatch(/^[A-Z][a-z ]+$/);
	});

	it('recognises the types and sorts unknown ones last', () => {
		for (const t of DOCUMENT_TYPES) expect(isDocumentType(t)).toBe(true);
		for (const v of ['Report', 'agenda', '', 'toString', null, 3]) expect(isDocumentType(v)).toBe(false);
		expect(['other', 'legacy', 'report', 'provisional_agenda', 'decision'].sort(compareDocumentTypes)).toEqual([
			'provisional_agenda',
			'report',
			'decision',
			'other',
			'legacy'
		]);
	});
});

describe('toAscii', () => {
	it('strips accents and spells a few letters and marks the usual way', () => {
		expect(toAscii('Genève, Ça, São Tomé, Côte d’Ivoire')).toBe("Geneve, Ca, Sao Tome, Cote d'Ivoire");
		expect(toAscii('Straße – Øresund … “Łódź”')).toBe('Strasse - Oresund ... "Lodz"');
		expect(toAscii('ﬁnal ½')).toBe('final 1/2');
	});

	it('turns other scripts into ? (one per character) and whitespace controls into spaces', () => {
		expect(toAscii('中文')).toBe('??');
		expect(toAscii('Лаос')).toBe('????');
		expect(toAscii('ok 🙂')).toBe('ok ?');
		expect(toAscii('a\tb\nc\u0000d')).toBe('a b c?d');
	});
});

function hasTool(name: string): boolean {
	return !spawnSync(name, ['-v'], { stdio: 'ignore' }).error;
}

function pdftotext(pdf: Buffer): { text: string; stderr: string } {
	const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
	return { text: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('placeholderPdf', () => {
	const title = 'Analysis of the request submitted by Bulgaria for an extension of its deadline under Article 3';
	const pdf = placeholderPdf(title, 'CCM/MSP/2019/10');
	const text = pdf.toString('latin1');

	it('is a PDF from its first to its last bytes', async () => {
		expect(text.startsWith('%PDF-1.4\n')).toBe(true);
		expect(text).toMatch(/%%EOF\n?$/);
		expect(await fileTypeFromBuffer(pdf)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
		expect(pdf.length).toBeLessThan(4096);
	});

	it('has a cross-reference table whose offsets point at each object', () => {
		const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)![1]);
		expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
		const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
		expect(first).toBe('0');
		const entries = text
			.slice(startxref)
			.split('\n')
			.slice(2, 2 + Number(count));
		expect(entries[0]).toBe('0000000000 65535 f ');
		entries.slice(1).forEach((e, i) => {
			expect(e).toMatch(/^\d{10} 00000 n $/);
			const offset = Number(e.slice(0, 10));
			expect(text.slice(offset, offset + 20)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`));
		});
		expect(text).toContain(`/Size ${count}`);
		expect(text.match(/ 0 obj\n/g)).toHaveLength(Number(count) - 1);
	});

	it('declares the exact length of its content stream', () => {
		const m = /\/Length (\d+) >>\nstream\n/.exec(text)!;
		const start = m.index + m[0].length;
		expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
	});

	it('is ASCII after the binary-marker comment, and says what it is', () => {
		const body = text.slice(text.indexOf('\n', 9) + 1);
		expect(body).toMatch(/^[\x20-\x7e\n]*$/);
		expect(text).toContain('(CCM/MSP/2019/10) Tj');
		expect(text).toContain('Placeholder for demonstration \\227 not the official document');
		expect((text.match(/\/Type \/Page /g) ?? []).length).toBe(1);
	});

	it('gives the same bytes for the same input, so the file store keeps one copy', () => {
		expect(placeholderPdf(title, 'CCM/MSP/2019/10').equals(pdf)).toBe(true);
		expect(placeholderPdf(title, 'CCM/MSP/2019/11').equals(pdf)).toBe(false);
	});

	it('escapes PDF string syntax and transliterates non-ASCII titles', () => {
		const odd = placeholderPdf('Costs (2RC) \\ budget) ( — Genève 中文', 'CCM/MSP/2019/9').toString('latin1');
		expect(odd).toContain('(Costs \\(2RC\\) \\\\ budget\\) \\( - Geneve ??) Tj');
		expect(odd.slice(odd.indexOf('\n', 9) + 1)).toMatch(/^[\x20-\x7e\n]*$/);
	});

	it('stays one page with a very long title or symbol, and with empty ones', () => {
		for (const [t, s] of [
			['word '.repeat(2000), 'CCM/MSP/2019/4'],
			['A'.repeat(3000), `CCM/${'X'.repeat(190)}/2019/4`],
			['', '']
		]) {
			const p = placeholderPdf(t, s).toString('latin1');
			expect((p.match(/\/Type \/Page /g) ?? []).length).toBe(1);
			expect(p).toMatch(/%%EOF\n?$/);
			const lines = p.match(/\) Tj/g) ?? [];
			expect(lines.length).toBeLessThanOrEqual(2 + 4 + 24);
		}
	});

	it.skipIf(!hasTool('pdftotext'))('reads back with pdftotext: symbol, title and notice, without syntax errors', () => {
		const { text: out, stderr } = pdftotext(placeholderPdf(`${title} (Genève)`, 'CCM/MSP/2019/10/Rev.1'));
		expect(stderr).toBe('');
		expect(out).toContain('CCM/MSP/2019/10/Rev.1');
		expect(out).toContain('Placeholder for demonstration — not the official document');
		expect(out.replace(/\s+/g, ' ')).toContain(`${title} (Geneve)`);
	});

	it.skipIf(!hasTool('pdfinfo'))('is one A4 page for pdfinfo', () => {
		const r = spawnSync('pdfinfo', ['-'], { input: pdf });
		const info = r.stdout.toString('utf8');
		expect(r.stderr.toString('utf8')).toBe('');
		expect(info).toMatch(/^Pages:\s+1$/m);
		expect(info).toMatch(/^Page size:\s+595 x 842 pts \(A4\)$/m);
		expect(info).toMatch(/^Title:\s+CCM\/MSP\/2019\/10 - Analysis/m);
	});
});
