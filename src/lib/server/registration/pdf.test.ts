import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { badgesPdf, participantsPdf, type BadgePerson, type ParticipantGroup } from './pdf';

/*
 * The PDFs are checked from their bytes, so that CI needs no poppler: pages are counted from the page objects, and the
 * text is read back through each font's ToUnicode map. This reads what pdfkit writes, nothing more general. Glyphs of
 * right-to-left runs come out in visual order, so Arabic is checked with pdftotext, when it is installed.
 */
interface Run {
	font: string;
	size: number;
	text: string;
}

function pdfPages(pdf: Buffer): Run[][] {
	const src = pdf.toString('latin1');
	const objects = new Map<string, { dict: string; stream: Buffer | null }>();
	for (const m of src.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
		const at = m[2].indexOf('\nstream\n');
		if (at < 0) objects.set(m[1], { dict: m[2], stream: null });
		else {
			const dict = m[2].slice(0, at);
			const raw = Buffer.from(m[2].slice(at + 8, m[2].lastIndexOf('\nendstream')), 'latin1');
			objects.set(m[1], { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
		}
	}
	const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
	const fonts = new Map<string, { name: string; cmap: Map<number, string> }>();
	for (const [, name, id] of src.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
		const dict = objects.get(id)!.dict;
		const cmap = new Map<number, string>();
		const cmapText = objects.get(/\/ToUnicode (\d+) 0 R/.exec(dict)![1])!.stream!.toString('latin1');
		for (const [, from, list] of cmapText.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
			[...list.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, u], i) => cmap.set(parseInt(from, 16) + i, utf16(u)));
		}
		fonts.set(name, { name: /\/BaseFont \/\w+\+([\w-]+)/.exec(dict)![1], cmap });
	}
	const kids = /\/Type \/Pages[\s\S]*?\/Kids \[([^\]]*)\]/.exec(src)![1];
	return [...kids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
		const contents = /\/Contents (\d+) 0 R/.exec(objects.get(pageId)!.dict)![1];
		const ops = objects.get(contents)!.stream!.toString('latin1');
		const runs: Run[] = [];
		let font = { name: '', cmap: new Map<number, string>() };
		let size = 0;
		for (const [, f, s, tj] of ops.matchAll(/\/(F\d+) ([\d.]+) Tf|\[([^\]]*)\] TJ/g)) {
			if (f) [font, size] = [fonts.get(f)!, Number(s)];
			else {
				const hex = [...tj.matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('');
				const text = (hex.match(/.{4}/g) ?? []).map((g) => font.cmap.get(parseInt(g, 16)) ?? '?').join('');
				runs.push({ font: font.name, size, text });
			}
		}
		return runs;
	});
}

const pageText = (page: Run[]) => page.map((r) => r.text).join('\n');

const hasPdftotext = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();
const pdftotext = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');

const meeting = { code: '9MSP', title: 'Ninth Meeting of States Parties to the Convention on Cluster Munitions', dates: '2–4 September 2019', city: 'Geneva' };

const token = () => randomBytes(16).toString('base64url');
const people: BadgePerson[] = [
	{ name: 'Nguyễn Thị Minh Khai', title: 'H.E. Ms.', organization: 'Viet Nam', category: 'observer', roleLabel: 'Head of delegation', badgeToken: token() },
	{ name: 'Алексей Смирнов', title: 'Mr.', organization: 'Российская Федерация', category: 'signatory', roleLabel: 'Adviser', badgeToken: token() },
	{ name: 'عبد الله بن محمد', title: null, organization: 'العراق', category: 'party', roleLabel: 'Alternate', badgeToken: token() },
	{ name: 'Zoë Ó Súilleabháin', title: 'Dr.', organization: 'Cluster Munition Coalition', category: 'ngo', roleLabel: 'Observer', badgeToken: token() },
	{
		name: 'Hēmi Te Rangi (Ngāti Porou)',
		title: null,
		organization: 'International Committee of the Red Cross',
		category: 'io',
		roleLabel: 'Member',
		badgeToken: token()
	}
];

describe('badgesPdf', () => {
	it('prints four badges a page with category, meeting, person and token', async () => {
		const pdf = await badgesPdf(meeting, people);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const pages = pdfPages(pdf);
		expect(pages).toHaveLength(2);
		const text = pages.map(pageText).join('\n');
		for (const p of people) expect(text).toContain(p.badgeToken);
		for (const s of ['Nguyễn Thị Minh Khai', 'Алексей Смирнов', 'Zoë Ó Súilleabháin', 'Российская Федерация', 'H.E. Ms.', 'Head of delegation']) {
			expect(text).toContain(s);
		}
		for (const s of ['OBSERVER STATE', 'SIGNATORY STATE', 'STATE PARTY', 'NON-GOVERNMENTAL', 'ORGANISATION', '9MSP', 'Geneva, 2–4 September 2019']) {
			expect(text).toContain(s);
		}
		expect(text).not.toContain('?'); // every glyph maps back to text: nothing fell outside the font
	});

	it('prints the category band in the language asked for', async () => {
		const fr = pdfPages(await badgesPdf(meeting, people, 'fr'))
			.map(pageText)
			.join('\n');
		for (const s of ['ÉTAT OBSERVATEUR', 'ÉTAT SIGNATAIRE', 'ÉTAT PARTIE', 'ORGANISATION NON', 'GOUVERNEMENTALE']) expect(fr).toContain(s);
		expect(fr).not.toContain('STATE PARTY');
		const es = pdfPages(await badgesPdf(meeting, people, 'es'))
			.map(pageText)
			.join('\n');
		expect(es).toContain('ESTADO PARTE');
		expect(pageText(pdfPages(await badgesPdf(meeting, [], 'es'))[0])).toContain('No hay participantes aprobados');
	});

	it.skipIf(!hasPdftotext)('renders right-to-left names in reading order (pdftotext)', async () => {
		const text = pdftotext(await badgesPdf(meeting, people));
		expect(text).toContain('عبد الله بن محمد');
		expect(text).toContain('Nguyễn Thị Minh Khai');
	});

	it('cuts a name too long for three lines with an ellipsis instead of running off the badge', async () => {
		const long = { ...people[0], name: `${'Wolfeschlegelsteinhausenbergerdorff'.repeat(2)} ${'Hubert Blaine '.repeat(8)}` };
		const text = pageText(pdfPages(await badgesPdf(meeting, [long]))[0]);
		expect(text).toContain('…');
		expect(text).toContain('Hubert Blaine');
		expect(text).not.toContain(long.name.trim());
	});

	it('prints characters the font lacks (CJK) as boxes of the right width, a known limit', async () => {
		const text = pageText(pdfPages(await badgesPdf(meeting, [{ ...people[0], name: '王小明 (Wang Xiaoming)' }]))[0]);
		expect(text).toContain('□□□ (Wang Xiaoming)');
	});

	it('says so on a single page when nobody is approved', async () => {
		const pages = pdfPages(await badgesPdf(meeting, []));
		expect(pages).toHaveLength(1);
		expect(pageText(pages[0])).toContain('There are no approved participants');
	});

	// How long 2,000 badges take is measured by `npm run bench`, not here.
	it('puts 200 people on 50 pages, four to a page, the last one on the last page', async () => {
		const many = Array.from({ length: 200 }, (_, i): BadgePerson => ({
			...people[i % people.length],
			name: `${people[i % people.length].name} ${i}`,
			badgeToken: token()
		}));
		const pages = pdfPages(await badgesPdf(meeting, many));
		expect(pages).toHaveLength(50);
		expect(pageText(pages[49])).toContain(many[199].badgeToken);
	});
});

const person = (i: number) => ({
	name: `Participant ${i}`,
	position: i % 2 ? 'Counsellor, Permanent Mission' : null,
	roleLabel: i === 0 ? 'Head of delegation' : 'Member'
});

describe('participantsPdf', () => {
	const groups: ParticipantGroup[] = [
		{
			heading: 'States Parties',
			organizations: [
				{ name: 'Afghanistan', people: [{ name: 'Nguyễn Thị Minh Khai', position: 'Ambassador', roleLabel: 'Head of delegation' }] },
				{ name: 'Iraq', people: [{ name: 'عبد الله بن محمد', position: null, roleLabel: 'Alternate' }] },
				// Sizes from 1 to 9 so that page breaks fall at every position within an organization.
				...Array.from({ length: 60 }, (_, o) => ({ name: `State ${o}`, people: Array.from({ length: 1 + ((o * 7) % 9) }, (_, i) => person(i)) }))
			]
		},
		{
			heading: 'Signatory States',
			organizations: [{ name: 'Indonesia', people: [{ name: 'Алексей Смирнов', position: 'Director', roleLabel: 'Head of delegation' }] }]
		},
		{ heading: 'Observer States', organizations: [] },
		{
			heading: 'Non-governmental organisations',
			organizations: [{ name: 'Cluster Munition Coalition', people: [{ name: 'Zoë Ó Súilleabháin', position: null, roleLabel: 'Observer' }] }]
		}
	];

	it('writes the list’s own words in the language asked for', async () => {
		const pages = pdfPages(await participantsPdf(meeting, groups, 'fr'));
		pages.forEach((page, i) => expect(pageText(page)).toContain(`Page ${i + 1} sur ${pages.length}`));
		const text = pages.map(pageText).join('\n');
		expect(text).toContain('Liste des participants');
		expect(text).toContain('(suite)');
		expect(text).not.toContain('List of participants');
	});

	it('lists groups, organizations and people with "Page n of m"', async () => {
		const pdf = await participantsPdf(meeting, groups);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const pages = pdfPages(pdf);
		expect(pages.length).toBeGreaterThan(5);
		pages.forEach((page, i) => expect(pageText(page)).toContain(`Page ${i + 1} of ${pages.length}`));
		const text = pages.map(pageText).join('\n');
		for (const s of [
			'List of participants',
			'STATES PARTIES',
			'SIGNATORY STATES',
			'NON-GOVERNMENTAL ORGANISATIONS',
			'Afghanistan',
			'Nguyễn Thị Minh Khai',
			'Head of delegation · Ambassador',
			'Алексей Смирнов',
			'Zoë Ó Súilleabháin',
			'(continued)'
		]) {
			expect(text).toContain(s);
		}
		expect(text).not.toContain('OBSERVER STATES'); // a group with nobody in it is left out
	});

	it('never leaves a group or organization heading at the foot of a page', async () => {
		const pages = pdfPages(await participantsPdf(meeting, groups));
		for (const page of pages) {
			const body = page.filter((r) => r.size !== 8); // the footer is set at 8 pt
			const last = body.at(-1)!;
			expect(last.font, `page ends with "${last.text}"`).toBe('DejaVuSans');
			// Every heading on the page has a person after it on the same page.
			body.forEach((r, i) => {
				if (r.font === 'DejaVuSans-Bold' && r.size <= 12) expect(body.slice(i + 1).some((n) => n.font === 'DejaVuSans' && n.size === 10)).toBe(true);
			});
		}
	});

	it.skipIf(!hasPdftotext)('keeps names in every script readable (pdftotext)', async () => {
		const text = pdftotext(await participantsPdf(meeting, groups));
		for (const s of ['عبد الله بن محمد', 'Nguyễn Thị Minh Khai', 'Алексей Смирнов', 'Zoë Ó Súilleabháin']) expect(text).toContain(s);
	});

	it('says so when nobody is approved', async () => {
		const pages = pdfPages(await participantsPdf(meeting, []));
		expect(pages).toHaveLength(1);
		expect(pageText(pages[0])).toContain('There are no approved participants.');
		expect(pageText(pages[0])).toContain('Page 1 of 1');
	});
});
