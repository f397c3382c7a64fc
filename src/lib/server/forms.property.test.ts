/**
 * Hostile input, property-based: every form schema the actions hand to `parseForm`, fed FormData built from a
 * valid submission with a few fields swapped for random or malicious values (very long strings, control
 * characters, markup, SQL, numbers, empties, missing and repeated fields, files where text is expected) and a few
 * extra fields. Whatever arrives, parseForm answers: the data, or a short message per field of the form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms';
import {
	acceptInviteSchema,
	changeEmailSchema,
	changePasswordSchema,
	forgotSchema,
	inviteSchema,
	loginSchema,
	resetSchema,
	setRoleSchema,
	signupSchema
} from './auth/forms';
import { agendaEditSchema, agendaImportSchema, agendaItemSchema, idSchema, meetingSchema, moveSchema, sessionSchema } from './meetings/forms';
import { decisionSchema, personSchema } from './registration/forms';
import { adjustSchema, applicationSchema, programmeSchema } from './sponsorship/forms';
import { documentMetaSchema, newDocumentSchema } from './records/forms';

// ---------------------------------------------------------------------------------------------------------------
// What each form is, as the tests see it.

type Value = string | string[];

interface FormSpec {
	schema: z.ZodType;
	/** A submission that passes: the mutations start from here, so accepted input is exercised too. */
	valid: Record<string, Value>;
	/** Fields read through `text()` / `optionalText()` (or their multi-line forms): trimmed, at most `max`, controls refused. */
	text?: Record<string, { max: number; optional?: boolean; multiline?: boolean }>;
	/** Upper bound on every other string the schema lets through (enums, e-mails, symbols …). */
	max?: Record<string, number>;
	/** String outputs the schema passes on unchanged, control characters and all (secrets, multi-line pastes). */
	raw?: string[];
}

const EMAIL = 'ana.lee@example.org';
const PW = 'correct horse battery';

const FORMS: Record<string, FormSpec> = {
	signup: {
		schema: signupSchema,
		valid: { email: EMAIL, given_name: 'Ana', family_name: 'Lee', password: PW, password_confirm: PW },
		text: { given_name: { max: 100 }, family_name: { max: 100 } },
		max: { email: 254, password: 256, password_confirm: 256 },
		raw: ['password', 'password_confirm']
	},
	login: { schema: loginSchema, valid: { email: EMAIL, password: PW }, max: { email: 254, password: 256 }, raw: ['password'] },
	forgot: { schema: forgotSchema, valid: { email: EMAIL }, max: { email: 254 } },
	reset: {
		schema: resetSchema,
		valid: { password: PW, password_confirm: PW },
		max: { password: 256, password_confirm: 256 },
		raw: ['password', 'password_confirm']
	},
	changePassword: {
		schema: changePasswordSchema,
		valid: { current_password: 'old password', password: PW, password_confirm: PW },
		// current_password has no upper bound in the schema (see the report); 200k is what the generators reach.
		max: { password: 256, password_confirm: 256, current_password: 200_000 },
		raw: ['password', 'password_confirm', 'current_password']
	},
	changeEmail: {
		schema: changeEmailSchema,
		valid: { new_email: EMAIL, current_password: PW },
		max: { new_email: 254, current_password: 200_000 },
		raw: ['current_password']
	},
	acceptInvite: {
		schema: acceptInviteSchema,
		valid: { given_name: 'Ana', family_name: 'Lee', password: PW, password_confirm: PW },
		text: { given_name: { max: 100 }, family_name: { max: 100 } },
		max: { password: 256, password_confirm: 256 },
		raw: ['password', 'password_confirm']
	},
	invite: { schema: inviteSchema, valid: { email: EMAIL, role: 'focal_point', organization_id: '3' }, max: { email: 254, role: 20 } },
	setRole: { schema: setRoleSchema, valid: { user_id: '7', role: 'staff', organization_id: '' }, max: { role: 20 } },
	meeting: {
		schema: meetingSchema,
		valid: {
			code: '9MSP',
			slug: '',
			title: 'Ninth Meeting of States Parties',
			kind: 'msp',
			start_date: '2031-09-02',
			end_date: '2031-09-04',
			time_zone: 'Europe/Zurich',
			venue: 'CICG',
			city: 'Geneva',
			country: 'Switzerland',
			description: 'The ninth meeting.',
			registration_opens: '2031-06-01T09:00',
			registration_closes: '2031-08-15T18:00',
			capacity: '300',
			delegation_cap: '',
			participants_list: 'consent',
			sponsorship_deadline: '',
			symbol_prefix: 'CCM/MSP/2031'
		},
		text: {
			title: { max: 200 },
			title_fr: { max: 200, optional: true },
			title_es: { max: 200, optional: true },
			venue: { max: 200, optional: true },
			city: { max: 100, optional: true },
			country: { max: 100, optional: true },
			description: { max: 5000, optional: true, multiline: true }
		},
		max: {
			code: 20,
			slug: 60,
			kind: 40,
			participants_list: 7,
			start_date: 10,
			end_date: 10,
			time_zone: 64,
			registration_opens_at: 24,
			registration_closes_at: 24,
			sponsorship_deadline: 24,
			symbol_prefix: 40
		}
	},
	session: {
		schema: sessionSchema,
		valid: { title: 'Opening', starts_at: '2031-09-02T10:00', ends_at: '2031-09-02T13:00', room: 'Room XVIII', chair: '', agenda_item_ids: ['1', '2'] },
		text: {
			title: { max: 200 },
			title_fr: { max: 200, optional: true },
			title_es: { max: 200, optional: true },
			room: { max: 100, optional: true },
			chair: { max: 200, optional: true }
		},
		max: { starts_at: 19, ends_at: 19 }
	},
	agendaItem: {
		schema: agendaItemSchema,
		valid: { title: 'Opening of the meeting', parent_id: '' },
		text: { title: { max: 500 }, title_fr: { max: 500, optional: true }, title_es: { max: 500, optional: true } }
	},
	agendaEdit: {
		schema: agendaEditSchema,
		valid: { title: 'Universalization', number: '8', sub_number: '(a)' },
		text: { title: { max: 500 }, title_fr: { max: 500, optional: true }, title_es: { max: 500, optional: true } },
		max: { number: 3, sub_number: 2 }
	},
	agendaImport: {
		schema: agendaImportSchema,
		valid: { text: '1. Opening of the meeting\n2. Election of the President', mode: 'preview' },
		// The pasted agenda is cleaned line by line by parseAgendaText, not by the schema.
		max: { text: 50_000, mode: 7 },
		raw: ['text']
	},
	id: { schema: idSchema, valid: { id: '5' } },
	move: { schema: moveSchema, valid: { id: '5', direction: 'up' }, max: { direction: 4 } },
	person: {
		schema: personSchema,
		valid: {
			organization_id: '12',
			title: 'Dr.',
			given_name: 'Ana',
			family_name: 'Lee',
			gender: 'female',
			position: 'Counsellor',
			email: EMAIL,
			phone: '+41 22 917 00 00',
			role: 'member',
			consent_published: 'on',
			access_needs: ''
		},
		text: {
			title: { max: 30, optional: true },
			given_name: { max: 100 },
			family_name: { max: 100 },
			position: { max: 200, optional: true },
			phone: { max: 40, optional: true },
			access_needs: { max: 1000, optional: true, multiline: true }
		},
		max: { gender: 20, email: 254, role: 20 }
	},
	approve: { schema: decisionSchema, valid: { decision: 'approve', ids: ['1', '2'] }, max: { decision: 7 } },
	reject: {
		schema: decisionSchema,
		valid: { decision: 'reject', ids: ['3'], reason: 'Registered twice.' },
		text: { reason: { max: 1000, multiline: true } },
		max: { decision: 7 }
	},
	application: {
		schema: applicationSchema(12),
		valid: {
			departure_city: 'Lusaka',
			airfare: '1,250.50',
			nights: '4',
			justification: 'Our delegation would be one person.',
			statement: 'on',
			statement_items: ['a', 'b'],
			implementation_responsibility: 'on',
			mode: 'submit'
		},
		text: { departure_city: { max: 100, optional: true }, justification: { max: 2000, optional: true, multiline: true } },
		max: { mode: 6, statement_items: 20 },
		// Statement items are ticked-box names, kept as JSON: bounded, not cleaned.
		raw: ['statement_items']
	},
	programme: {
		schema: programmeSchema('Europe/Zurich'),
		valid: { budget: '150000', dsa: '360', default_nights: '4', places_per_state: '1', offer_response_days: '7', opens: '2031-01-05T09:00', closes: '' },
		// datetime-local values, converted with the meeting's zone by applicationWindow.
		max: { opens: 19, closes: 19 }
	},
	documentMeta: {
		schema: documentMetaSchema,
		valid: { title: 'Working paper on universalization', type: 'working_paper', agenda_item_id: '', organization_id: '', distribution: 'general' },
		text: { title: { max: 500 }, title_fr: { max: 500, optional: true }, title_es: { max: 500, optional: true } },
		max: { type: 40, distribution: 7 }
	},
	newDocument: {
		schema: newDocumentSchema,
		valid: {
			title: 'Working paper on universalization',
			type: 'working_paper',
			agenda_item_id: '',
			organization_id: '',
			distribution: 'general',
			kind: 'new',
			symbol: '',
			series: 'main'
		},
		text: { title: { max: 500 }, title_fr: { max: 500, optional: true }, title_es: { max: 500, optional: true } },
		max: { type: 40, distribution: 7, kind: 11, series: 4, symbol: 200 },
		// The symbol is checked by parseSymbol in createDocument, which only takes letters, digits, / . and -.
		raw: ['symbol']
	},
	adjust: {
		schema: adjustSchema,
		valid: { application_id: '4', criterion_id: 'gender', points: '2', reason: 'Checked with the delegation.' },
		text: { reason: { max: 500 } },
		max: { criterion_id: 60 },
		raw: ['criterion_id']
	}
};

/** The names of a form's fields: what an error may be keyed by. */
function fieldNames(schema: z.ZodType): string[] {
	const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType; options?: z.ZodType[] } } })._zod.def;
	if (def.type === 'object') return Object.keys(def.shape!);
	if (def.type === 'pipe') return fieldNames(def.in!);
	if (def.type === 'union') return [...new Set(def.options!.flatMap(fieldNames))];
	throw new Error(`fieldNames: no fields in a ${def.type}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values.

const NASTY = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"javascript:alert('x')",
	"' OR 1=1 --",
	'"; DROP TABLE users; --',
	"Robert'); DROP TABLE registrations;--",
	'%',
	'_',
	'\\',
	'%_\\%',
	'\u0000',
	'a\u0000b',
	'\u0007',
	'\u001b[31mred\u001b[0m',
	'\u202eevil\u202c',
	'\u200b\ufeff',
	'\u00a0',
	'\r\n',
	'\t',
	'\u007f',
	'😀👍🏽',
	'Ǆ ß İ ﬀ',
	'مرحبا',
	'',
	' ',
	'0',
	'-1',
	'1.5',
	'1e309',
	'NaN',
	'Infinity',
	'9007199254740993',
	'0x10',
	'null',
	'undefined',
	'true',
	'on',
	'[]',
	'{}',
	'__proto__',
	'${7*7}{{7*7}}'
];

const C0 = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const longString = fc
	.tuple(fc.constantFrom('a', 'é', '😀', '<script>', '\u0000', "' OR 1=1 -- ", '\u202e'), fc.integer({ min: 10_000, max: 200_000 }))
	.map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

const hostileString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...NASTY) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.oneof(C0, fc.constantFrom('\u007f', '\u202e', '\u2028', 'x', ' ')), maxLength: 20 }) },
	{ weight: 2, arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 5 }).map((a) => a.join('')) },
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
	{ weight: 1, arbitrary: longString }
);

/** One entry of the submitted FormData, as plain data (so fast-check can print and shrink it). */
type Entry = [name: string, value: string | { file: string; filename?: string; type?: string }];

const fileValue = fc.record(
	{
		file: fc.oneof(fc.constant(''), hostileString),
		filename: fc.constantFrom('blob', 'x.txt', '<script>.html', '../../etc/passwd'),
		type: fc.constantFrom('', 'text/plain', 'text/html')
	},
	{ requiredKeys: ['file'] }
);

type Mutation =
	| { kind: 'set'; value: string }
	| { kind: 'wrap'; before: string; after: string }
	| { kind: 'missing' }
	| { kind: 'repeat'; values: string[] }
	| { kind: 'file'; value: { file: string; filename?: string; type?: string } };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 3, arbitrary: hostileString.map((value) => ({ kind: 'set' as const, value })) },
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('wrap' as const),
			before: fc.oneof(fc.constant(''), hostileString),
			after: fc.oneof(fc.constant(''), hostileString)
		})
	},
	{ weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
	{ weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 4 }).map((values) => ({ kind: 'repeat' as const, values })) },
	{ weight: 1, arbitrary: fileValue.map((value) => ({ kind: 'file' as const, value })) }
);

const extraName = fc.oneof(
	fc.constantFrom('password', 'new_password', 'x_Password_y', '_token', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '_form', ''),
	hostileString.filter((s) => s.length < 100)
);

function submission(spec: FormSpec): fc.Arbitrary<Entry[]> {
	const names = [...new Set([...Object.keys(spec.valid), ...fieldNames(spec.schema)])];
	return fc
		.record({
			mutations: fc.array(fc.tuple(fc.constantFrom(...names), mutation), { maxLength: 4 }),
			extras: fc.array(fc.tuple(extraName, fc.oneof(hostileString, fileValue)), { maxLength: 2 })
		})
		.map(({ mutations, extras }) => {
			const fields = new Map<string, Entry[1][]>(Object.entries(spec.valid).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
			for (const [name, m] of mutations) {
				const current = fields.get(name) ?? [];
				if (m.kind === 'set') fields.set(name, [m.value]);
				else if (m.kind === 'wrap')
					fields.set(name, current.length ? current.map((v) => (typeof v === 'string' ? m.before + v + m.after : v)) : [m.before + m.after]);
				else if (m.kind === 'missing') fields.delete(name);
				else if (m.kind === 'repeat') fields.set(name, m.values);
				else fields.set(name, [m.value]);
			}
			const entries: Entry[] = [];
			for (const [k, vs] of fields) for (const v of vs) entries.push([k, v]);
			return [...entries, ...extras];
		});
}

function toFormData(entries: Entry[]): FormData {
	const fd = new FormData();
	for (const [k, v] of entries) {
		if (typeof v === 'string') fd.append(k, v);
		else fd.append(k, new File([v.file], v.filename ?? 'blob', { type: v.type ?? '' }));
	}
	return fd;
}

/** What formValues should hand back: each non-secret, non-internal text field as typed, repeats comma-joined. */
function typedBack(entries: Entry[]): Record<string, string> {
	const out = new Map<string, string>();
	for (const [k, v] of entries) {
		if (typeof v !== 'string' || /password/i.test(k) || k.startsWith('_')) continue;
		const typed = usv(v).slice(0, 5000);
		out.set(k, out.has(k) ? `${out.get(k)},${typed}` : typed);
	}
	return Object.fromEntries(out);
}

// What text() refuses, written out independently of it: C0 and C1 controls, DEL, U+2028/2029, bidi embeddings,
// overrides and isolates; the multi-line forms allow \t and \n (CRLF arrives as \n).
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const NOT_MULTI_LINE = /(?![\t\n])[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** Control characters other schemas must not let through either (multi-line pastes and secrets aside). */
const STRIPPED_ONE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const asTyped = (s: string, multiline?: boolean) => (multiline ? usv(s).replace(/\r\n?/g, '\n') : usv(s)).trim();
/** zod measures string lengths in code points (an emoji is one character), as PostgreSQL does. */
const codePoints = (s: string) => [...s].length;
/** FormData keeps strings as USVStrings: a lone surrogate arrives as U+FFFD. */
const usv = (s: string) => s.toWellFormed();

// ---------------------------------------------------------------------------------------------------------------

const NUM_RUNS = 200;

describe('parseForm under hostile input', () => {
	describe.each(Object.entries(FORMS))('%s', (_name, spec) => {
		const fields = new Set(fieldNames(spec.schema));

		it('accepts its valid submission', () => {
			const r = parseForm(spec.schema, toFormData(Object.entries(spec.valid).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): Entry => [k, x]))));
			expect(r.ok ? 'ok' : r.errors).toBe('ok');
		});

		it(`never throws; refuses with a short message at a field of the form; accepted text is clean and bounded (${NUM_RUNS} runs)`, () => {
			let accepted = 0;
			let refused = 0;
			fc.assert(
				fc.property(submission(spec), (entries) => {
					const r = parseForm(spec.schema, toFormData(entries));

					if (!r.ok) {
						refused++;
						const keys = Object.keys(r.errors);
						expect(keys.length).toBeGreaterThan(0);
						for (const k of keys) expect(k === '_form' || fields.has(k), `error key ${JSON.stringify(k)}`).toBe(true);
						for (const m of Object.values(r.errors)) {
							expect(typeof m).toBe('string');
							expect(m.length).toBeGreaterThan(0);
							expect(m.length).toBeLessThan(300);
						}
						for (const [k, v] of Object.entries(r.values)) {
							expect(k).not.toMatch(/password/i);
							expect(k.startsWith('_')).toBe(false);
							expect(typeof v).toBe('string');
						}
						// The input put back is what was typed (first 5000 characters of each value), nothing added.
						expect(r.values).toEqual(typedBack(entries));
						return;
					}

					accepted++;
					const data = r.data as Record<string, unknown>;
					const submitted = (name: string) => entries.filter(([k]) => k === name).map(([, v]) => v);
					for (const [key, value] of Object.entries(data)) {
						const textRule = spec.text?.[key];
						if (textRule) {
							// Exactly what was typed, less surrounding space: nothing altered, nothing stripped.
							const given = submitted(key);
							const expected = given.length ? asTyped(given[0] as string, textRule.multiline) : '';
							expect(value).toBe(textRule.optional && expected === '' ? null : expected);
							if (typeof value === 'string') {
								expect(value).not.toMatch(textRule.multiline ? NOT_MULTI_LINE : NOT_ONE_LINE);
								expect(codePoints(value)).toBeLessThanOrEqual(textRule.max);
							}
							continue;
						}
						const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
						for (const s of strings) {
							const max = spec.max?.[key];
							expect(max, `no declared bound for string output ${key}`).toBeDefined();
							expect(codePoints(s), key).toBeLessThanOrEqual(max!);
							if (!spec.raw?.includes(key)) expect(s, key).not.toMatch(STRIPPED_ONE);
						}
					}
				}),
				{ numRuns: NUM_RUNS }
			);
			// Both paths were exercised.
			expect(accepted).toBeGreaterThan(0);
			expect(refused).toBeGreaterThan(0);
		});
	});

	// What a name could carry into an e-mail or a page to pass for other text: each refused at its field, input kept.
	const FAKES = [
		'\n',
		'\r',
		'\r\n',
		'\t',
		'\u000b',
		'\u0000',
		'\u001b[2J',
		'\u007f',
		'\u0085',
		'\u009b',
		'\u2028',
		'\u2029',
		'\u202e',
		'\u202a',
		'\u2066',
		'\u2069'
	];

	describe.each(Object.entries(FORMS).filter(([, spec]) => spec.text))('%s: line breaks and controls', (_name, spec) => {
		const fill = (key: string, value: string) =>
			toFormData(Object.entries({ ...spec.valid, [key]: value }).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): Entry => [k, x])));

		it.each(Object.entries(spec.text!))('%s refuses what it must, with a message there, and keeps the input', (key, rule) => {
			for (const fake of FAKES) {
				if (rule.multiline && (fake === '\n' || fake === '\r' || fake === '\r\n' || fake === '\t')) continue;
				const typed = `Ana${fake}ISU NOTICE`;
				const r = parseForm(spec.schema, fill(key, typed));
				expect(r.ok, `${key} with ${JSON.stringify(fake)}`).toBe(false);
				if (r.ok) continue;
				expect(r.errors[key]).toMatch(rule.multiline ? /invisible control characters/ : /one line of text/);
				expect(r.values[key]).toBe(typed.toWellFormed());
			}
		});

		it.each(Object.entries(spec.text!).filter(([, rule]) => rule.multiline))('%s keeps line breaks and tabs, CRLF as LF', (key) => {
			const r = parseForm(spec.schema, fill(key, ' Wheelchair access.\r\nSign language:\tIS\rplease. '));
			expect(r.ok ? (r.data as Record<string, unknown>)[key] : r.errors).toBe('Wheelchair access.\nSign language:\tIS\nplease.');
		});
	});

	it('field names that are Object.prototype members are plain fields: nothing inherited, nothing swapped in', () => {
		const f = toFormData([
			['toString', 'a'],
			['toString', 'b'],
			['constructor', 'c'],
			['hasOwnProperty', '<script>'],
			['__proto__', { file: 'x', filename: 'x.txt', type: 'working_paper' }],
			['title', 'T'],
			['distribution', 'general']
		]);
		const r = parseForm(documentMetaSchema, f);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual({ type: 'Choose a type of document.' });
		expect(r.values).toEqual({ toString: 'a,b', constructor: 'c', hasOwnProperty: '<script>', title: 'T', distribution: 'general' });
	});

	it('a refused form never sends back a secret, whatever it is called', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.oneof(extraName, fc.constantFrom('password', 'Password', 'current_password', 'password_confirm', 'PASSWORD2')), hostileString), {
					maxLength: 6
				}),
				(entries) => {
					const fd = toFormData([...entries, ['password', 'hunter2hunter2'], ['email', 'not an address']]);
					for (const schema of [loginSchema, signupSchema, changePasswordSchema, changeEmailSchema, resetSchema, acceptInviteSchema]) {
						const r = parseForm(schema, fd);
						if (!r.ok) for (const k of Object.keys(r.values)) expect(k).not.toMatch(/password/i);
					}
				}
			),
			{ numRuns: 100 }
		);
	});
});
