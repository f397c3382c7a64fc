import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { visaLetterPdf } from './visa-pdf';
import { followUpReportPdf } from '../decisions/report-pdf';

// Letters and reports read back with pdftotext (poppler-utils), as the e2e tests read them.
const hasPdftotext = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();
const text = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');

const facts = {
	reference: 'CCM/14MSP/VL/0001',
	issuedOn: '2026-08-03',
	passportName: 'Amadou Ouédraogo',
	nationality: 'Burkina Faso',
	passportNumber: 'B1234567',
	organization: 'Burkina Faso',
	meeting: { code: '14MSP', title: 'Fourteenth Meeting of States Parties', dates: '7–9 septembre 2026', venue: null, city: 'Genève', country: 'Suisse' }
};

describe.skipIf(!hasPdftotext)('PDFs in a language', () => {
	it('writes the letter of invitation in French, English unchanged', async () => {
		const fr = text(await visaLetterPdf(facts, 'fr'));
		for (const s of ["Lettre d'invitation", 'À qui de droit', 'Numéro de passeport', 'qui se tiendra à Genève (7–9 septembre 2026)', 'Date : 3 août 2026'])
			expect(fr).toContain(s);
		expect(fr).not.toContain('Letter of invitation');
		const en = text(await visaLetterPdf(facts));
		expect(en).toContain('to be held in Genève on 7–9 septembre 2026.');
	});

	it('writes the follow-up report in Spanish', async () => {
		const es = text(
			await followUpReportPdf(
				{
					meeting: { code: '14MSP', title: 'x' },
					previous: { code: '13MSP', title: 'y' },
					asAt: '2026-09-07',
					today: '2026-09-07',
					report: { groups: [], counts: { no_tasks: 0, done: 1, in_progress: 0, overdue: 2, open: 0 } }
				},
				'es'
			)
		);
		for (const s of ['Informe de seguimiento', '1 terminado(s), 0 en curso, 2 con retraso, 0 sin tarea.', 'Página 1 de 1']) expect(es).toContain(s);
	});
});
