// The follow-up report as a PDF (pdfkit, DejaVu fonts as the badges use): the table an ISU puts before a meeting.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { OutcomeState, ReportGroup } from './rules';
import type { TaskStatus } from '../db';
import type { Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

/** Every fixed string of the PDF, in a language. */
export function reportPdfText(locale: Locale = 'en') {
	const o = { locale };
	return {
		title: m.srv_report_title({}, o),
		subtitle: (code: string, previous: string) => m.srv_report_subtitle({ code, previous }, o),
		asAt: (day: string) => m.srv_report_as_at({ day }, o),
		asAtPast: (day: string) => m.srv_report_as_at_past({ day }, o),
		counts: (c: Record<OutcomeState, number>) =>
			m.srv_report_counts({ done: c.done, underway: c.in_progress + c.open, overdue: c.overdue, none: c.no_tasks }, o),
		noItem: m.srv_report_no_item({}, o),
		noOutcomes: (previous: string) => m.srv_report_no_outcomes({ previous }, o),
		noTask: m.srv_report_no_task({}, o),
		task: (what: string, owner: string, due: string) => m.srv_report_task({ what, owner, due }, o),
		today: (status: string) => m.srv_report_today({ status }, o),
		state: m.srv_report_state({}, o),
		footer: (code: string) => m.srv_report_footer({ code }, o),
		page: (n: number, of: number) => m.srv_pdf_page({ n, count: of }, o),
		states: {
			no_tasks: m.srv_report_state_no_tasks({}, o),
			done: m.srv_report_state_done({}, o),
			in_progress: m.srv_report_state_in_progress({}, o),
			overdue: m.srv_report_state_overdue({}, o),
			open: m.srv_report_state_open({}, o)
		} satisfies Record<OutcomeState, string>,
		statuses: {
			open: m.srv_report_status_open({}, o),
			in_progress: m.srv_report_status_in_progress({}, o),
			done: m.srv_report_status_done({}, o),
			dropped: m.srv_report_status_dropped({}, o)
		} satisfies Record<TaskStatus, string>
	};
}
/** English, for readers of the old name. */
export const REPORT_PDF_TEXT = reportPdfText('en');

export interface ReportPdfInput {
	meeting: { code: string; title: string };
	previous: { code: string; title: string };
	asAt: string;
	today: string;
	report: { groups: ReportGroup[]; counts: Record<OutcomeState, number> };
}

const PAGE_H = 841.89;
const M = { top: 64, bottom: 64, left: 64, right: 64 };
const TEXT_W = 595.28 - M.left - M.right;
const INDENT = 14;
const INK = '#111111';
const GREY = '#4a4a4a';

let fontFiles: { body: Buffer; bold: Buffer } | undefined;
function fonts() {
	if (!fontFiles) {
		const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
		fontFiles = { body: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
	}
	return fontFiles;
}

/** Starts a new page when `needed` points do not fit above the bottom margin. */
function ensure(doc: PDFKit.PDFDocument, needed: number) {
	if (doc.y + needed > PAGE_H - M.bottom) doc.addPage();
}

export function followUpReportPdf(input: ReportPdfInput, locale: Locale = 'en'): Promise<Buffer> {
	const T = reportPdfText(locale);
	const doc = new PDFDocument({ size: 'A4', font: '', margins: M, bufferPages: true, info: { Title: `${input.meeting.code} ${T.title}` } });
	const f = fonts();
	doc.registerFont('body', f.body);
	doc.registerFont('bold', f.bold);
	const done = new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	doc.font('bold').fontSize(17).fillColor(INK).text(T.title, M.left, M.top, { width: TEXT_W });
	doc.font('body').fontSize(10.5).fillColor(GREY).text(T.subtitle(input.meeting.code, input.previous.code), { width: TEXT_W });
	doc.text(input.previous.title, { width: TEXT_W });
	doc
		.moveDown(0.6)
		.fillColor(INK)
		.text(input.asAt < input.today ? T.asAtPast(input.asAt) : T.asAt(input.asAt), { width: TEXT_W });
	doc.text(T.counts(input.report.counts), { width: TEXT_W });

	if (!input.report.groups.length) doc.moveDown().text(T.noOutcomes(input.previous.code), { width: TEXT_W });
	for (const g of input.report.groups) {
		ensure(doc, 70);
		doc
			.moveDown(0.9)
			.font('bold')
			.fontSize(12)
			.fillColor(INK)
			.text(g.agenda_label ?? T.noItem, M.left, doc.y, { width: TEXT_W });
		for (const o of g.outcomes) {
			doc.font('body').fontSize(10);
			ensure(doc, Math.min(doc.heightOfString(o.text, { width: TEXT_W - INDENT }) + 30, 200));
			doc.moveDown(0.5).font('bold').fontSize(10).text(`${o.number} · ${T.state}: ${T.states[o.state]}`, M.left, doc.y, { width: TEXT_W });
			doc
				.font('body')
				.fontSize(10)
				.text(o.text, M.left + INDENT, doc.y + 2, { width: TEXT_W - INDENT });
			doc.fontSize(9).fillColor(GREY);
			if (!o.tasks.length) doc.text(T.noTask, M.left + INDENT, doc.y + 2, { width: TEXT_W - INDENT });
			for (const t of o.tasks) {
				const line = `• ${T.task(t.what, t.owner, t.due_date)}: ${T.statuses[t.status]}${t.status_now !== t.status ? T.today(T.statuses[t.status_now]) : ''}`;
				ensure(doc, doc.heightOfString(line, { width: TEXT_W - INDENT }) + 2);
				doc.text(line, M.left + INDENT, doc.y + 2, { width: TEXT_W - INDENT });
			}
			doc.fillColor(INK);
		}
	}

	const { start, count } = doc.bufferedPageRange();
	for (let i = start; i < start + count; i++) {
		doc.switchToPage(i);
		// Writing below the bottom margin would make pdfkit add a page; lift the margin while drawing the footer.
		doc.page.margins.bottom = 0;
		const y = PAGE_H - M.bottom + 24;
		doc.font('body').fontSize(8).fillColor(GREY);
		doc.text(T.footer(input.meeting.code), M.left, y, { width: TEXT_W / 2, lineBreak: false });
		doc.text(T.page(i - start + 1, count), M.left + TEXT_W / 2, y, { width: TEXT_W / 2, align: 'right', lineBreak: false });
		doc.page.margins.bottom = M.bottom;
	}
	doc.end();
	return done;
}
