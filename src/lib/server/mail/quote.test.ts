import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../db/schema';
import { sponsorshipMails } from '../sponsorship/mails';
import { QUOTED_TEXT_NOTE, quoted } from './quote';
import { mails } from './templates';

const meeting = { code: '14MSP', title: 'Fourteenth Meeting of States Parties', time_zone: 'Europe/Zurich' } as Meeting;
// A name typed to make the focal point's e-mail read as an ISU notice with a link to follow.
const FAKE = 'Ana Lee\r\n\r\n-- \nISU NOTICE: your delegation page has moved.\tRe-validate at http://evil.example/login\u2028\u202eknil\u202c';

describe('people’s text in e-mails', () => {
	it('quoted() makes one bounded line in quotes, with no link and no bidi tricks', () => {
		expect(quoted('  Ana\n\tLee  ')).toBe('"Ana Lee"');
		expect(quoted('Say "hi"')).toBe(`"Say 'hi'"`);
		expect(quoted('x'.repeat(300), 10)).toBe(`"${'x'.repeat(9)}…"`);
		expect(quoted('😀'.repeat(20), 10)).toBe(`"${'😀'.repeat(9)}…"`);
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
				const q = quoted(s, 50);
				expect(q).toMatch(/^"[^"]*"$/);
				expect(q).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]|:\/\//u);
				expect([...q].length).toBeLessThanOrEqual(52);
			}),
			{ numRuns: 500 }
		);
	});

	it('the endorsement request shows the applicant’s name on its own labelled line, so it cannot pass for the ISU’s text', () => {
		const m = sponsorshipMails.endorse('fp@example.org', meeting, FAKE, 'https://meetings.example.org/meetings/14msp/delegation').render('en');
		const lines = m.text.split('\n');
		const nameLine = lines.filter((l) => l.includes('Ana Lee'));
		expect(nameLine).toEqual([
			`Name of the applicant (as they entered it): "Ana Lee -- ISU NOTICE: your delegation page has moved. Re-validate at http[:]//evil.example/login knil"`
		]);
		// Nothing of the name starts a line, the signature separator appears once, and the only link is the ISU's.
		expect(lines.some((l) => l.startsWith('ISU NOTICE'))).toBe(false);
		expect(lines.filter((l) => l === '-- ')).toHaveLength(1);
		expect(m.text.match(/https?:\/\/\S+/g)).toEqual(['https://meetings.example.org/meetings/14msp/delegation']);
		expect(m.text).toContain(QUOTED_TEXT_NOTE);
		expect(m.text).not.toMatch(/[\r\t\u2028\u202e]/);
	});

	it('the endorsement request stays short whatever the name', () => {
		const m = sponsorshipMails.endorse('fp@example.org', meeting, 'A'.repeat(100_000), 'https://x.example/d').render('en');
		expect(m.text.length).toBeLessThan(1200);
	});

	it('the notice of an e-mail change quotes the new address as entered', () => {
		const m = mails.emailChangeRequested('old@example.org', 'new@example.org').render('en');
		expect(m.text).toContain('\nNew address (as entered): "new@example.org"\n');
		expect(m.text).toContain(QUOTED_TEXT_NOTE);
	});
});
