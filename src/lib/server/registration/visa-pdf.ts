// The letter of invitation for visa purposes, issued in the ISU's name, in a language (its fixed wording in messages).
import { formatDate } from '../../dates';
import { newDoc, printable, toBuffer } from './pdf';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** The letter's fixed wording in a language. */
function letterTexts(locale: Locale) {
	const o = { locale };
	return {
		title: m.srv_visa_title({}, o),
		purpose: m.srv_visa_purpose({}, o),
		sender: m.srv_visa_sender({}, o),
		senderAddress: m.srv_visa_sender_address({}, o),
		reference: (reference: string) => m.srv_visa_reference({ reference }, o),
		date: (date: string) => m.srv_visa_date({ date }, o),
		to: m.srv_visa_to({}, o),
		body: (mt: { code: string; title: string; dates: string; city: string | null }, org: string) =>
			mt.city
				? m.srv_visa_body_city({ org, title: mt.title, code: mt.code, city: mt.city, dates: mt.dates }, o)
				: m.srv_visa_body({ org, title: mt.title, code: mt.code, dates: mt.dates }, o),
		request: m.srv_visa_request({}, o),
		name: m.srv_visa_name({}, o),
		nationality: m.srv_visa_nationality({}, o),
		passport: m.srv_visa_passport({}, o),
		delegation: m.srv_visa_delegation({}, o),
		meeting: m.srv_visa_meeting({}, o),
		dates: m.srv_visa_dates({}, o),
		venue: m.srv_visa_venue({}, o),
		check: m.srv_visa_check({}, o)
	};
}

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

export async function visaLetterPdf(f: VisaLetterFacts, locale: Locale = 'en'): Promise<Buffer> {
	const LETTER = letterTexts(locale);
	const doc = newDoc({ margins: { top: 64, bottom: 64, left: 72, right: 72 }, info: { Title: `${LETTER.title} ${f.reference}`, Subject: f.meeting.title } });
	const pr = (s: string) => printable(doc, s);
	const place = [f.meeting.venue, f.meeting.city, f.meeting.country].filter(Boolean).join(', ');

	doc.font('bold').fontSize(11).fillColor('#111111').text(LETTER.sender, 72, 64, { width: W });
	doc.font('body').fontSize(9.5).fillColor('#4a4a4a').text(LETTER.senderAddress, { width: W });
	doc.moveDown(1.5);
	doc.fillColor('#111111').fontSize(10);
	doc.text(LETTER.reference(f.reference), { width: W });
	doc.text(LETTER.date(formatDate(f.issuedOn, locale)), { width: W });
	doc.moveDown(1.5);
	doc.font('bold').fontSize(16).text(LETTER.title, { width: W });
	doc.font('body').fontSize(10.5).fillColor('#4a4a4a').text(LETTER.purpose, { width: W });
	doc.moveDown(1.2).fillColor('#111111').fontSize(10.5);
	doc.text(LETTER.to, { width: W });
	doc.moveDown(0.8);
	doc.text(pr(LETTER.body({ code: f.meeting.code, title: f.meeting.title, dates: f.meeting.dates, city: f.meeting.city }, f.organization)), { width: W });
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
