import { describe, expect, it } from 'vitest';
import { parseForm } from './forms';
import { inviteSchema, signupSchema } from './auth/forms';
import { meetingSchema } from './meetings/forms';
import { newDocumentSchema } from './records/forms';
import { applicationSchema, programmeSchema } from './sponsorship/forms';

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

function errors(r: ReturnType<typeof parseForm>) {
	expect(r.ok).toBe(false);
	return r.ok ? {} : r.errors;
}

// A rule that compares fields is told in the same answer as a wrong field: a person fixes everything in one go.
describe('every error at once', () => {
	it('new meeting: a missing title and an end before the start', () => {
		const e = errors(
			parseForm(meetingSchema, fd({ code: '9MSP', title: '', kind: 'msp', start_date: '2031-09-05', end_date: '2031-09-02', time_zone: 'Europe/Zurich' }))
		);
		expect(e.title).toMatch(/required/);
		expect(e.end_date).toBe('The end date cannot be before the start date.');
	});

	it('new meeting: registration closing before it opens while the code is wrong', () => {
		const e = errors(
			parseForm(
				meetingSchema,
				fd({
					code: '!',
					title: 'Ninth',
					kind: 'msp',
					start_date: '2031-09-02',
					end_date: '2031-09-05',
					time_zone: 'Europe/Zurich',
					registration_opens: '2031-08-01T09:00',
					registration_closes: '2031-07-01T09:00'
				})
			)
		);
		expect(Object.keys(e).sort()).toEqual(['code', 'registration_closes']);
	});

	it('sponsorship application: nine nights is refused with a wrong airfare', () => {
		const e = errors(parseForm(applicationSchema(7), fd({ airfare: 'a lot', nights: '9' })));
		expect(e.airfare).toMatch(/positive amount/);
		expect(e.nights).toMatch(/At most 7 nights/);
	});

	it('sponsorship settings: a window closing before it opens with a wrong budget', () => {
		const e = errors(
			parseForm(
				programmeSchema('Europe/Zurich'),
				fd({ budget: 'x', dsa: '360', default_nights: '4', offer_response_days: '7', opens: '2031-06-01T09:00', closes: '2031-05-01T09:00' })
			)
		);
		expect(e.budget).toMatch(/budget/);
		expect(e.closes).toBe('Applications must close after they open.');
	});

	it('new document: a revision without a symbol and no title', () => {
		const e = errors(parseForm(newDocumentSchema, fd({ title: '', type: 'working_paper', distribution: 'general', kind: 'revision', symbol: '' })));
		expect(e.title).toMatch(/required/);
		expect(e.symbol).toMatch(/symbol of the document to revise/);
	});

	it('sign-up: passwords that differ with a wrong e-mail', () => {
		const e = errors(
			parseForm(signupSchema, fd({ email: 'nope', given_name: 'Ana', family_name: 'Lee', password: 'long enough 1', password_confirm: 'other one 12' }))
		);
		expect(e.email).toMatch(/valid e-mail/);
		expect(e.password_confirm).toBe('The two passwords do not match.');
	});

	it('invitation: a focal point without an organisation with a wrong e-mail', () => {
		const e = errors(parseForm(inviteSchema, fd({ email: 'nope', role: 'focal_point', organization_id: '' })));
		expect(Object.keys(e).sort()).toEqual(['email', 'organization_id']);
	});

	it('a valid form still parses to its data', () => {
		const r = parseForm(applicationSchema(7), fd({ airfare: '1250', nights: '7' }));
		expect(r.ok && r.data.nights).toBe(7);
	});
});
