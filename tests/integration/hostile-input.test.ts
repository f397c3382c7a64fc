/**
 * Hostile input through the real stores, on each engine: markup, SQL, emoji, right-to-left text and control
 * characters are stored exactly as the form let them through and read back equal (escaping is the renderer's
 * job, checked at the end with the app's own Field component); searches take %, _, \, quotes, SQL and NUL
 * literally and never throw; logins with absurd passwords are simply refused.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { render } from 'svelte/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import Field from '../../src/lib/components/Field.svelte';
import { parseForm } from '../../src/lib/server/forms';
import { signupSchema } from '../../src/lib/server/auth/forms';
import { authenticate, createUser, signUp } from '../../src/lib/server/auth/accounts';
import { audit, listAudit, AUDIT_PAGE_SIZE } from '../../src/lib/server/audit/audit';
import { listOutbox, queueMail, OUTBOX_PAGE_SIZE } from '../../src/lib/server/mail/outbox';
import { meetingSchema } from '../../src/lib/server/meetings/forms';
import { createMeeting } from '../../src/lib/server/meetings/queries';
import { searchDocuments, searchForm, SEARCH_PAGE_SIZE } from '../../src/lib/server/records/queries';
import { personSchema } from '../../src/lib/server/registration/forms';
import { listRegistrations } from '../../src/lib/server/registration/queries';
import { register, type PersonDetails } from '../../src/lib/server/registration/store';

const ORIGIN = 'http://app.test';

/** Names people have, and names attackers type. None has a control character or a bidi override: the forms refuse those. */
const HOSTILE_NAMES = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"O'Brien",
	"' OR 1=1 --",
	'"; DROP TABLE users; --',
	"Robert'); DROP TABLE registrations;--",
	'100% Real',
	'under_score',
	'back\\slash',
	'Zoë 😀👍🏽',
	'\u200fevil\u200e',
	'مرحبا بالعالم',
	'Łukasz Żółć',
	'${7*7} {{7*7}}',
	'x'.repeat(100)
];

/** What searches are asked: LIKE wildcards and escapes, quotes, SQL, NUL, very long strings. */
const NASTY_NEEDLES = [
	'%',
	'%%',
	'_',
	'__',
	'\\',
	'\\%',
	'\\_',
	'%_\\',
	"'",
	'"',
	"''",
	"' OR 1=1 --",
	"' OR '1'='1",
	'"; DROP TABLE users; --',
	'*',
	'?',
	'[a-z]',
	'.*',
	'\u0000',
	'a\u0000b',
	'\u0000%',
	'<script>',
	'😀',
	'\u202e',
	'x'.repeat(10_000),
	'%'.repeat(10_000),
	'a b c d e f g h i j k l m n o'
];

/** A search needle: a nasty one, a piece of something stored (so some searches match), or random ASCII. */
const needle = (stored: string[]) =>
	fc.oneof(
		fc.constantFrom(...NASTY_NEEDLES),
		fc
			.tuple(fc.constantFrom(...stored), fc.nat(), fc.nat({ max: 12 }))
			.map(([s, start, len]) => [...s].slice(start % Math.max(1, [...s].length), (start % Math.max(1, [...s].length)) + len + 1).join('')),
		fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 })
	);

/**
 * The intended meaning of a search: contains, every character literal, case-insensitive as far as the database's
 * lower() goes (ASCII only on SQLite and in a C locale). `hay` and `q` come lowered by the database; a NUL in the
 * needle matches nothing, since no stored text holds one.
 */
const contains = (hay: string | null, q: string | null) => hay !== null && q !== null && hay.includes(q);

function fd(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

describe.each(engines)('hostile input on %s', (engine) => {
	let t: TestDb;
	let orgId: number;
	let meetingId: number;
	let staff: { id: number; email: string };

	function person(i: number, over: Partial<PersonDetails> = {}): PersonDetails {
		return {
			organization_id: orgId,
			title: null,
			given_name: `Given${i}`,
			family_name: `Family${i}`,
			gender: null,
			position: null,
			email: `hostile${i}@example.org`,
			phone: null,
			role: 'member',
			consent_published: true,
			access_needs: null,
			...over
		};
	}
	let seq = 0;
	const registerOne = (p: PersonDetails) => register(t.db, p, { meetingId, userId: null, createdBy: null, byStaff: true, formToken: null, origin: ORIGIN });
	const readRegistration = (id: number) => t.db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	/** The needle as the database lowers it; null for one with NUL (PostgreSQL refuses those outright). */
	const dbLower = async (q: string) => (q.includes('\u0000') ? null : (await sql<{ l: string }>`select lower(${q}) as l`.execute(t.db)).rows[0].l);

	beforeAll(async () => {
		t = await freshDb(engine);
		const org = await t.db
			.insertInto('organizations')
			.values({
				kind: 'state',
				name: 'State <b>of</b> "Quotes" & Ampersands',
				iso3: 'QQQ',
				ccm_status: 'state_party',
				joined: '2010-01-01',
				observer_by_right: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		orgId = org.id;
		const now = new Date().toISOString();
		const m = await t.db
			.insertInto('meetings')
			.values({
				code: 'HOST',
				slug: 'host',
				title: 'Hostile input meeting',
				kind: 'msp',
				start_date: '2031-09-01',
				end_date: '2031-09-03',
				time_zone: 'Europe/Zurich',
				registration_opens_at: '2020-01-01T00:00:00.000Z',
				registration_closes_at: '2031-08-01T00:00:00.000Z',
				capacity: null,
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		meetingId = m.id;
		const u = await createUser(t.db, { email: 'staff@example.org', password: null, role: 'staff', verified: true });
		staff = { id: u.id, email: u.email };
	});
	afterAll(async () => t?.close());

	describe('stored exactly as given', () => {
		it('register: hostile names, positions and access needs read back unchanged', async () => {
			for (const name of HOSTILE_NAMES) {
				const i = ++seq;
				const p = person(i, { given_name: name, family_name: name, position: name, access_needs: `${name}\n${name}`, title: name.slice(0, 30) });
				const r = await registerOne(p);
				expect(r.ok, name).toBe(true);
				if (!r.ok) continue;
				const row = await readRegistration(r.registration.id);
				expect({ given: row.given_name, family: row.family_name, position: row.position, needs: row.access_needs, title: row.title }).toEqual({
					given: name,
					family: name,
					position: name,
					needs: `${name}\n${name}`,
					title: name.slice(0, 30)
				});
			}
		});

		it('register through the form: whatever is typed is stored as the form cleaned it, nothing else altered (property)', async () => {
			const fragment = fc.oneof(fc.constantFrom(...HOSTILE_NAMES, '\u0000', '\u0007', '\u001b', '\t', '  '), fc.string({ unit: 'binary', maxLength: 12 }));
			const typed = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
			await fc.assert(
				fc.asyncProperty(typed, typed, async (given, family) => {
					const i = ++seq;
					const parsed = parseForm(
						personSchema,
						fd({ organization_id: String(orgId), given_name: given, family_name: family, email: `typed${i}@example.org`, role: 'member' })
					);
					if (!parsed.ok) {
						// Refused only for the reasons the form gives: empty once trimmed, too long, or a control character.
						expect(Object.keys(parsed.errors).every((k) => k === 'given_name' || k === 'family_name')).toBe(true);
						return;
					}
					const clean = (s: string) => s.toWellFormed().trim();
					expect(clean(given) + clean(family)).not.toMatch(/\p{Cc}/u);
					expect(parsed.data.given_name).toBe(clean(given));
					expect(parsed.data.family_name).toBe(clean(family));
					const r = await registerOne(parsed.data);
					expect(r.ok).toBe(true);
					if (!r.ok) return;
					const row = await readRegistration(r.registration.id);
					expect([row.given_name, row.family_name]).toEqual([parsed.data.given_name, parsed.data.family_name]);
				}),
				{ numRuns: 40 }
			);
		});

		it('signUp: hostile names are stored as given; the users table is still there', async () => {
			for (const [i, name] of HOSTILE_NAMES.entries()) {
				const parsed = parseForm(
					signupSchema,
					fd({
						email: `signup${i}@example.org`,
						given_name: name,
						family_name: `${name} ${name}`.slice(0, 100),
						password: 'long enough pw',
						password_confirm: 'long enough pw'
					})
				);
				expect(parsed.ok, name).toBe(true);
				if (!parsed.ok) continue;
				await signUp(t.db, ORIGIN, parsed.data);
				const u = await t.db.selectFrom('users').selectAll().where('email', '=', `signup${i}@example.org`).executeTakeFirstOrThrow();
				expect([u.given_name, u.family_name]).toEqual([name, `${name} ${name}`.slice(0, 100)]);
			}
			const n = await t.db
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(n.n)).toBe(HOSTILE_NAMES.length + 1);
		});

		it('createMeeting: hostile title, venue and description are stored as given', async () => {
			for (const [i, name] of HOSTILE_NAMES.entries()) {
				const parsed = parseForm(
					meetingSchema,
					fd({
						code: `H${i}X`,
						title: name,
						kind: 'workshop',
						start_date: '2032-01-10',
						end_date: '2032-01-11',
						time_zone: 'Europe/Zurich',
						venue: name,
						city: name.slice(0, 100),
						description: `${name}\r\n${name}\t.`
					})
				);
				expect(parsed.ok ? 'ok' : parsed.errors, name).toBe('ok');
				if (!parsed.ok) continue;
				const r = await createMeeting(t.db, staff, parsed.data);
				expect(r.ok, name).toBe(true);
				if (!r.ok) continue;
				const m = await t.db.selectFrom('meetings').selectAll().where('id', '=', r.meeting.id).executeTakeFirstOrThrow();
				// A textarea's CRLF is stored as LF.
				expect([m.title, m.venue, m.city, m.description]).toEqual([name, name, name.slice(0, 100), `${name}\n${name}\t.`]);
			}
		});
	});

	describe('searches take every character literally and never throw', () => {
		it('listRegistrations q: the same rows as a plain "contains" (property)', async () => {
			const rows = await t.db
				.selectFrom('registrations')
				.select([
					'id',
					'given_name',
					'family_name',
					'email',
					sql<string>`lower(given_name)`.as('g'),
					sql<string>`lower(family_name)`.as('f'),
					sql<string>`lower(email)`.as('e')
				])
				.where('meeting_id', '=', meetingId)
				.execute();
			expect(rows.length).toBeGreaterThan(HOSTILE_NAMES.length);
			const stored = rows.flatMap((r) => [r.given_name, r.family_name, r.email]).filter((v): v is string => v !== null);
			const ids = (list: { id: number }[]) => list.map((r) => r.id).sort((a, b) => a - b);
			await fc.assert(
				fc.asyncProperty(needle(stored), async (q) => {
					const lq = await dbLower(q);
					const got = await listRegistrations(t.db, meetingId, { q });
					expect(ids(got)).toEqual(ids(rows.filter((r) => contains(r.g, lq) || contains(r.f, lq) || contains(r.e, lq))));
				}),
				{ numRuns: 150, examples: NASTY_NEEDLES.map((q) => [q]) }
			);
			// Every hostile name, searched exactly as written, finds itself; ASCII case does not matter.
			for (const name of HOSTILE_NAMES)
				expect(
					(await listRegistrations(t.db, meetingId, { q: name })).map((r) => r.given_name),
					name
				).toContain(name);
			expect((await listRegistrations(t.db, meetingId, { q: 'UNDER_SCORE' })).map((r) => r.given_name)).toContain('under_score');
			// The wildcards in particular find the names that hold them, not everyone.
			for (const [q, name] of [
				['%', '100% Real'],
				['_', 'under_score'],
				['\\', 'back\\slash'],
				["' OR 1=1 --", "' OR 1=1 --"]
			]) {
				const found = await listRegistrations(t.db, meetingId, { q });
				expect(found.map((r) => r.given_name)).toContain(name);
				expect(
					found.every((r) => [r.given_name, r.family_name, r.email].some((v) => (v ?? '').toLowerCase().includes(q.toLowerCase()))),
					q
				).toBe(true);
				expect(found.length).toBeLessThan(rows.length / 2);
			}
			for (const q of ['\u0000', 'a\u0000b', 'x'.repeat(10_000)]) expect(await listRegistrations(t.db, meetingId, { q })).toEqual([]);
		});

		it('listOutbox to: the same messages as a plain "contains" (property)', async () => {
			for (const to of ['a_b@example.org', 'ab@example.org', '100%@example.org', 'back\\slash@example.org', "o'brien@example.org", 'UPPER@Example.ORG']) {
				await queueMail(t.db, { to, subject: 'Hello', text: 'Body' });
			}
			const all = await t.db
				.selectFrom('outbox')
				.select(['id', 'to_address', sql<string>`lower(to_address)`.as('l')])
				.orderBy('id', 'desc')
				.execute();
			await fc.assert(
				fc.asyncProperty(needle(all.map((r) => r.to_address)), async (q) => {
					const got = await listOutbox(t.db, { to: q });
					const lq = await dbLower(q);
					const want = all.filter((r) => contains(r.l, lq));
					expect(got.total).toBe(want.length);
					expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, OUTBOX_PAGE_SIZE).map((r) => r.id));
				}),
				{ numRuns: 150, examples: NASTY_NEEDLES.map((q) => [q]) }
			);
			expect((await listOutbox(t.db, { to: '_' })).rows.map((r) => r.to_address)).toEqual(['a_b@example.org']);
			expect((await listOutbox(t.db, { to: '%' })).rows.map((r) => r.to_address)).toEqual(['100%@example.org']);
		});

		it('listAudit actor: the same entries as a plain "contains" (property)', async () => {
			for (const email of ['a_b@example.org', 'ab@example.org', '100%@example.org', 'back\\slash@example.org', "o'brien@example.org"]) {
				await audit(t.db, { id: staff.id, email }, 'test.hostile', { type: 'test', id: email }, { q: "' OR 1=1 --" }, { name: '<script>alert(1)</script>' });
			}
			await audit(t.db, null, 'test.system', { type: 'test', id: null });
			const all = await t.db
				.selectFrom('audit_log')
				.select(['id', 'actor_email', 'after_json', sql<string | null>`lower(actor_email)`.as('l')])
				.orderBy('id', 'desc')
				.execute();
			await fc.assert(
				fc.asyncProperty(needle(all.map((r) => r.actor_email ?? 'none')), async (actor) => {
					const got = await listAudit(t.db, { actor });
					const la = await dbLower(actor);
					const want = all.filter((r) => contains(r.l, la));
					expect(got.total).toBe(want.length);
					expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, AUDIT_PAGE_SIZE).map((r) => r.id));
				}),
				{ numRuns: 150, examples: NASTY_NEEDLES.map((q) => [q]) }
			);
			expect((await listAudit(t.db, { actor: '%' })).rows.map((r) => r.actor_email)).toEqual(['100%@example.org']);
			// What was audited is stored as given too.
			expect(JSON.parse(all.find((r) => r.actor_email === 'a_b@example.org')!.after_json!)).toEqual({ name: '<script>alert(1)</script>' });
		});

		it('searchDocuments q: every word literal, the same documents as a plain "contains" (property)', async () => {
			const now = new Date().toISOString();
			const titles = [
				'100% recycled paper',
				'under_score report',
				'back\\slash notes',
				"O'Brien's working paper",
				'<script>alert(1)</script> statement',
				"' OR 1=1 -- decision",
				'Zoë 😀 مرحبا',
				'Plain title'
			];
			await t.db
				.insertInto('documents')
				.values(
					titles.map((title, i) => ({
						meeting_id: meetingId,
						symbol: `CCM/HOST/${i + 1}`,
						base_symbol: `CCM/HOST/${i + 1}`,
						revision: null,
						corrigendum: null,
						title,
						title_search: searchForm(title),
						type: 'working_paper',
						agenda_item_id: null,
						organization_id: null,
						distribution: 'general' as const,
						status: 'published' as const,
						published_at: now,
						withdrawn_at: null,
						uploaded_by: staff.id,
						created_at: now,
						updated_at: now
					}))
				)
				.execute();
			const docs = await t.db.selectFrom('documents').select(['id', 'title', 'title_search', 'symbol']).execute();
			await fc.assert(
				fc.asyncProperty(needle(titles), async (q) => {
					const got = await searchDocuments(t.db, { q });
					// Titles and the query meet lowered by searchForm (JS); a word with NUL matches nothing.
					const words = searchForm(q).split(' ').filter(Boolean).slice(0, 8);
					const want = docs.filter((d) => words.every((w) => !w.includes('\u0000') && (d.title_search.includes(w) || d.symbol.toLowerCase().includes(w))));
					expect(got.total).toBe(want.length);
					expect(got.rows.length).toBe(Math.min(want.length, SEARCH_PAGE_SIZE));
				}),
				{ numRuns: 150, examples: NASTY_NEEDLES.map((q) => [q]) }
			);
			const titlesFor = async (q: string) => (await searchDocuments(t.db, { q })).rows.map((r) => r.title);
			expect(await titlesFor('%')).toEqual(['100% recycled paper']);
			expect(await titlesFor('_')).toEqual(['under_score report']);
			expect(await titlesFor('\\')).toEqual(['back\\slash notes']);
			expect(await titlesFor("' OR 1=1 --")).toEqual(["' OR 1=1 -- decision"]);
		});
	});

	describe('logins', () => {
		beforeAll(async () => {
			await createUser(t.db, { email: 'victim@example.org', password: 'the right password', role: 'delegate', verified: true });
		});
		let address = 0;
		const login = (email: string, password: string) => authenticate(t.db, email, password, `10.9.${Math.floor(++address / 250)}.${address % 250}`);

		it('a 100k-character password, NUL characters or SQL are refused as invalid, not an error', async () => {
			expect(await login('victim@example.org', 'x'.repeat(100_000))).toEqual({ ok: false, reason: 'invalid' });
			expect(await login('victim@example.org', 'the right password\u0000')).toEqual({ ok: false, reason: 'invalid' });
			expect(await login('victim@example.org', '\u0000the right password')).toEqual({ ok: false, reason: 'invalid' });
			expect(await login('victim@example.org', "' OR 1=1 --")).toEqual({ ok: false, reason: 'invalid' });
			expect(await login("' OR 1=1 --", 'the right password')).toEqual({ ok: false, reason: 'invalid' });
			expect(await login('nobody@example.org', '\u0000'.repeat(1000))).toEqual({ ok: false, reason: 'invalid' });
			// And the account still works.
			expect((await login('victim@example.org', 'the right password')).ok).toBe(true);
		});
	});
});

describe('rendering stored hostile text', () => {
	it('the Field component escapes names, labels, hints, errors and options', () => {
		for (const name of HOSTILE_NAMES) {
			for (const props of [
				{ name: 'given_name', label: name, value: name, error: name, hint: name },
				{ name: 'notes', label: 'Notes', value: name, multiline: true },
				{ name: 'org', label: 'Organisation', value: '1', options: [{ value: 1, label: name }], placeholderOption: name }
			]) {
				const { body } = render(Field, { props });
				expect(body).not.toMatch(/<script>|<img/i);
				// (A multiline Field renders its textarea empty on the server: defaultValue is client-only. See the report.)
				if (name.includes('<') && !props.multiline) expect(body).toContain('&lt;');
			}
		}
	});

	it('no page or component writes raw HTML ({@html})', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir)) {
				const p = path.join(dir, entry);
				if (statSync(p).isDirectory()) walk(p);
				else if (p.endsWith('.svelte')) files.push(p);
			}
		};
		walk(path.resolve(__dirname, '../../src'));
		expect(files.length).toBeGreaterThan(10);
		expect(files.filter((f) => readFileSync(f, 'utf8').includes('{@html'))).toEqual([]);
	});
});
