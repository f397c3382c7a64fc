// The letter of invitation for visa purposes, issued in the ISU's name. Fixed wording first, in one object, so that a
// later pass can move it into translated messages.
import { formatDate } from '../../dates';
import { newDoc, printable, toBuffer } from './pdf';

const LETTER = {
	title: 'Letter of invitation',
	purpose: 'For visa purposes',
	sender: 'Implementation Support Unit · Convention on Cluster Munitions',
	senderAddress: 'Geneva, Switzerland',
	reference: 'Reference',
	date: 'Date',
	to: 'To whom it may concern',
	body: (m: { code: string; title: string; dates: string; place: string }, org: string) =>
		`The Implementation Support Unit of the Convention on Cluster Munitions confirms that the person named below is registered, and approved, as a member of the delegation of ${org} to the ${m.title} (${m.code}), to be held ${m.place} on ${m.dates}.`,
	request:
		'We would be grateful if the competent authorities could issue the visa the person needs to attend the meeting. This letter does not commit the Implementation Support Unit to any cost of travel or stay unless the person has been offered sponsorship separately.',
	name: 'Name (as in the passport)',
	nationality: 'Nationality',
	passport: 'Passport number',
	delegation: 'Delegation',
	meeting: 'Meeting',
	dates: 'Dates',
	venue: 'Venue',
	check: 'The reference above can be checked with the Implementation Support Unit.'
};

/** The signature block: VISA_LETTER_SIGNATURE, lines separated by "|" (README "Letters of invitation"). */
export function signatureLines(env: NodeJS.ProcessEnv = process.env): string[] {
	const raw = env.VISA_LETTER_SIGNATURE?.trim() || 'Director|Implementation Support Unit|Convention on Cluster Munitions';
	return raw
		.split('|')
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 6);
}

export interface VisaLetterFacts {
	reference: string;
	/** YYYY-MM-DD */
	issuedOn: string;
	passportName: string;
	nationality: string;
	passportNumber: string;
	organization: string;
	meeting: { code: string; title: string; dates: string; venue: string | null; city: string | null; country: string | null };
}

const W = 595.28 - 2 * 72;

export async function visaLetterPdf(f: VisaLetterFacts): Promise<Buffer> {
	const doc = newDoc({ margins: { top: 64, bottom: 64, left: 72, right: 72 }, info: { Title: `${LETTER.title} ${f.reference}`, Subject: f.meeting.title } });
	const pr = (s: string) => printable(doc, s);
	const place = [f.meeting.venue, f.meeting.city, f.meeting.country].filter(Boolean).join(', ');

	doc.font('bold').fontSize(11).fillColor('#111111').text(LETTER.sender, 72, 64, { width: W });
	doc.font('body').fontSize(9.5).fillColor('#4a4a4a').text(LETTER.senderAddress, { width: W });
	doc.moveDown(1.5);
	doc.fillColor('#111111').fontSize(10);
	doc.text(`${LETTER.reference}: ${f.reference}`, { width: W });
	doc.text(`${LETTER.date}: ${formatDate(f.issuedOn)}`, { width: W });
	doc.moveDown(1.5);
	doc.font('bold').fontSize(16).text(LETTER.title, { width: W });
	doc.font('body').fontSize(10.5).fillColor('#4a4a4a').text(LETTER.purpose, { width: W });
	doc.moveDown(1.2).fillColor('#111111').fontSize(10.5);
	doc.text(LETTER.to, { width: W });
	doc.moveDown(0.8);
	doc.text(
		pr(
			LETTER.body({ code: f.meeting.code, title: f.meeting.title, dates: f.meeting.dates, place: f.meeting.city ? `in ${f.meeting.city}` : '' }, f.organization)
		).replace(/ {2,}/g, ' '),
		{ width: W }
	);
	doc.moveDown(1);
	const rows: [string, string][] = [
		[LETTER.name, f.passportName],
		[LETTER.nationality, f.nationality],
		[LETTER.passport, f.passportNumber],
		[LETTER.delegation, f.organization],
		[LETTER.meeting, `${f.meeting.code}: ${f.meeting.title}`],
		[LETTER.dates, f.meeting.dates],
		...(place ? [[LETTER.venue, place] as [string, string]] : [])
	];
	for (const [label, value] of rows) {
		const y = doc.y;
		doc.font('body').fontSize(9.5).fillColor('#4a4a4a').text(label, 72, y, { width: 150 });
		const labelBottom = doc.y;
		doc
			.font('bold')
			.fontSize(10.5)
			.fillColor('#111111')
			.text(pr(value), 72 + 160, y, { width: W - 160 });
		doc.y = Math.max(doc.y, labelBottom) + 4;
	}
	doc.moveDown(1);
	doc.font('body').fontSize(10.5).text(LETTER.request, 72, doc.y, { width: W });
	doc.moveDown(2.5);
	const [first, ...rest] = signatureLines();
	doc.font('bold').text(pr(first), { width: W });
	doc.font('body');
	for (const line of rest) doc.text(pr(line), { width: W });
	doc.moveDown(2);
	doc.fontSize(8.5).fillColor('#4a4a4a').text(LETTER.check, { width: W });
	return toBuffer(doc);
}
