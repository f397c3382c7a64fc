// The bench's data, inserted into a database that the app has already migrated and seeded: the bench meeting (200
// sessions), the registration rush (meetings `rush` and `rush-warmup`, delegate accounts with sessions), the
// badges meeting (2,000 approved registrations, a staff session) and 5,000 documents for the search.
// Also usable alone, for profiling by hand: `npx tsx bench/data.ts path/to/ccm.db` (prints the session tokens' file).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openPostgres, openSqlite } from '../src/lib/server/db/connect';
import { localToUtc } from '../src/lib/server/meetings/zoned-time';
import { generateToken, hashToken } from '../src/lib/server/auth/token';
import { searchForm } from '../src/lib/server/records/queries';

/** A SQLite file, or a postgres:// URL (`npm run bench -- --pg` runs the rush on PostgreSQL). */
function open(target: string) {
	return /^postgres(ql)?:\/\//.test(target) ? openPostgres(target, 2) : openSqlite(target);
}

export const BENCH_SLUG = 'bench';
export const BENCH_SESSIONS = 200;
export const BENCH_AGENDA_ITEMS = 30;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A deterministic pseudo-random sequence, so every run benchmarks the same programme. */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/**
 * The bench meeting: published, 5 days in Geneva (Europe/Zurich, in summer time), 30 agenda items (20 numbers,
 * some with sub-items), 200 sessions (40 a day: 8 rooms × 5 slots), each taking up 1–3 agenda items.
 * Inserted into the running server's database through a second connection (WAL lets both write).
 */
export async function insertBenchMeeting(dbFile: string): Promise<void> {
	const handle = open(dbFile);
	const { db } = handle;
	const now = new Date().toISOString();
	const zone = 'Europe/Zurich';
	const start = '2027-09-06';
	const random = rng(42);
	try {
		await db.transaction().execute(async (trx) => {
			const m = await trx
				.insertInto('meetings')
				.values({
					code: 'BENCH',
					slug: BENCH_SLUG,
					title: 'Benchmark Meeting of States Parties',
					kind: 'msp',
					start_date: start,
					end_date: addDays(start, 4),
					time_zone: zone,
					venue: 'Palais des Nations',
					city: 'Geneva',
					country: 'Switzerland',
					description: 'A meeting with 200 sessions, made by `npm run bench`.',
					status: 'published',
					published_at: now,
					symbol_prefix: 'CCM/MSP/2027',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();

			// 30 items: 1..20, with (a)–(c) under 5, 8 and 12 and (a) under 15 → 20 + 10 = 30.
			const subs: Record<number, string[]> = { 5: ['a', 'b', 'c', 'd'], 8: ['a', 'b', 'c'], 12: ['a', 'b'], 15: ['a'] };
			const items: { number: string; sub_number: string | null }[] = [];
			for (let n = 1; items.length < BENCH_AGENDA_ITEMS; n++) {
				items.push({ number: String(n), sub_number: null });
				for (const s of subs[n] ?? []) if (items.length < BENCH_AGENDA_ITEMS) items.push({ number: String(n), sub_number: s });
			}
			const agendaIds: number[] = [];
			for (const [position, item] of items.entries()) {
				const row = await trx
					.insertInto('agenda_items')
					.values({
						meeting_id: m.id,
						position,
						...item,
						title: `Bench agenda item ${position + 1}: consideration of the general status and operation of the Convention`,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				agendaIds.push(row.id);
			}

			const rooms = ['Room XIX', 'Room XVIII', 'Room XVII', 'Room XVI', 'Room XII', 'Room XI', 'Room IX', 'Room VII'];
			const slots = [
				['08:30', '09:45'],
				['10:00', '11:30'],
				['11:45', '13:00'],
				['15:00', '16:30'],
				['16:45', '18:00']
			];
			const perDay = BENCH_SESSIONS / 5;
			for (let i = 0; i < BENCH_SESSIONS; i++) {
				const date = addDays(start, Math.floor(i / perDay));
				const k = i % perDay;
				const [from, to] = slots[Math.floor(k / rooms.length)];
				const s = await trx
					.insertInto('meeting_sessions')
					.values({
						meeting_id: m.id,
						title: `${k % rooms.length === 0 ? 'Plenary' : 'Side event'} ${i + 1}`,
						starts_at: localToUtc(`${date}T${from}`, zone)!,
						ends_at: localToUtc(`${date}T${to}`, zone)!,
						room: rooms[k % rooms.length],
						chair: k % 3 === 0 ? 'President of the Meeting' : null,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				const n = 1 + Math.floor(random() * 3);
				const first = Math.floor(random() * (agendaIds.length - n + 1));
				await trx
					.insertInto('session_agenda_items')
					.values(agendaIds.slice(first, first + n).map((agenda_item_id) => ({ session_id: s.id, agenda_item_id })))
					.execute();
			}
		});
	} finally {
		await db.destroy();
	}
}

// ---- registration rush ----------------------------------------------------------------------------------------

export const RUSH_SLUG = 'rush';
export const RUSH_WARMUP_SLUG = 'rush-warmup';
/** The issue: about 2,000 delegates trying for 1,500 places when registration opens. */
export const RUSH_CAPACITY = 1500;
export const RUSH_ACCOUNTS = 3000;

/** One delegate account with a live session: the cookie value and what the form will say. */
export interface RushAccount {
	userId: number;
	email: string;
	/** The `ccm_session` cookie value; the database holds only its SHA-256. */
	token: string;
	givenName: string;
	familyName: string;
	/** A state, for the form's organization_id (states vary from account to account). */
	organizationId: number;
}

export interface RushData {
	meetingId: number;
	warmupMeetingId: number;
	accounts: RushAccount[];
	/** Other accounts, for the warm-up on the warm-up meeting: the measured run starts on a warm server. */
	warmupAccounts: RushAccount[];
	states: number;
}

const GIVEN = [
	'Amina',
	'José',
	'Søren',
	'Zoë',
	'Nguyễn',
	'Chiara',
	'Olusegun',
	'Ingrid',
	'Mateo',
	'Aroha',
	'François',
	'Łukasz',
	'Ayşe',
	'Kwame',
	'Margarida',
	'Hiroshi',
	'Élodie',
	'Tomás',
	'Priya',
	'Björn'
];
const FAMILY = [
	'Okonkwo',
	'García Márquez',
	'Kristiansen',
	'Müller-Lüdenscheidt',
	'Tran',
	'Rossi',
	'Adeyemi',
	'Johansson',
	'Fernández',
	'Ngata',
	'Dubois',
	'Wiśniewski',
	'Yılmaz',
	'Mensah',
	'Gonçalves',
	'Tanaka',
	'Lefèvre',
	'Ó Súilleabháin',
	'Raghunathan',
	'Þórsson'
];

/** The registration form as a delegate without JavaScript posts it: role `member` (no head refusals), a fresh form token. */
export function rushFormBody(a: RushAccount): string {
	return new URLSearchParams({
		organization_id: String(a.organizationId),
		given_name: a.givenName,
		family_name: a.familyName,
		email: a.email,
		role: 'member',
		consent_published: 'on',
		_form_token: generateToken()
	}).toString();
}

/**
 * Meetings `rush` (capacity 1,500, registration open now) and `rush-warmup` (for the warm-up), and delegate accounts
 * (e-mail verified, no password), each with a session that is good for 30 days. Inserted through a second
 * connection, like the bench meeting, before any load.
 */
export async function insertRush(dbFile: string, accounts = RUSH_ACCOUNTS, warmupAccounts = 1000): Promise<RushData> {
	const { db } = open(dbFile);
	const now = new Date();
	const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
	try {
		return await db.transaction().execute(async (trx) => {
			const states = (await trx.selectFrom('organizations').select('id').where('kind', '=', 'state').orderBy('id').execute()).map((r) => r.id);
			if (!states.length) throw new Error('no states in the database: was it seeded?');
			const meeting = (slug: string, code: string, capacity: number) =>
				trx
					.insertInto('meetings')
					.values({
						code,
						slug,
						title: slug === RUSH_SLUG ? 'Registration Rush Meeting of States Parties' : 'Registration rush warm-up',
						kind: 'msp',
						start_date: '2027-11-15',
						end_date: '2027-11-19',
						time_zone: 'Europe/Zurich',
						venue: 'Palais des Nations',
						city: 'Geneva',
						country: 'Switzerland',
						description: 'Made by `npm run bench` for the registration rush.',
						registration_opens_at: iso(-3_600_000),
						registration_closes_at: iso(7 * 86_400_000),
						capacity,
						// The rush measures registration itself: its thousands of sign-ups per state are not held back by the
						// cap on members awaiting their focal point's confirmation (a per-meeting setting; 2 by default).
						unconfirmed_cap: null,
						status: 'published',
						published_at: now.toISOString(),
						symbol_prefix: `CCM/${code}/2027`,
						created_at: now.toISOString(),
						updated_at: now.toISOString()
					})
					.returning('id')
					.executeTakeFirstOrThrow();
			const rush = await meeting(RUSH_SLUG, 'RUSH', RUSH_CAPACITY);
			// Half the warm-up takes places and half is waitlisted, so both paths are warm.
			const warm = await meeting(RUSH_WARMUP_SLUG, 'RUSHWARM', Math.floor(warmupAccounts / 4));

			const expires = iso(30 * 86_400_000);
			const made: RushAccount[] = [];
			for (let i = 0; i < accounts + warmupAccounts; i++) {
				const email = `${i < accounts ? 'rush' : 'rush-warmup'}-${String(i).padStart(5, '0')}@bench.example.org`;
				const givenName = GIVEN[i % GIVEN.length];
				const familyName = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length];
				const organizationId = states[(i * 7) % states.length];
				const user = await trx
					.insertInto('users')
					.values({
						email,
						email_verified: 1,
						password_hash: null,
						role: 'delegate',
						given_name: givenName,
						family_name: familyName,
						organization_id: organizationId,
						created_at: now.toISOString()
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				const token = generateToken();
				await trx
					.insertInto('sessions')
					.values({ id: hashToken(token), user_id: user.id, expires_at: expires, created_at: now.toISOString() })
					.execute();
				made.push({ userId: user.id, email, token, givenName, familyName, organizationId });
			}
			return { meetingId: rush.id, warmupMeetingId: warm.id, accounts: made.slice(0, accounts), warmupAccounts: made.slice(accounts), states: states.length };
		});
	} finally {
		await db.destroy();
	}
}

export interface RushVerification {
	ok: boolean;
	registrations: number;
	/** pending and holding a place */
	placed: number;
	waitlisted: number;
	/** any other status or holds_place combination: must be 0 */
	other: number;
	placesHeld: number;
	capacity: number;
	distinctUsers: number;
	/** sum of delegations.places_held for the meeting: every live registration counts once */
	delegationPlaces: number;
	delegations: number;
	/** every place went to an earlier registration than every waitlisted one (first come, first served) */
	firstComeFirstServed: boolean;
	problems: string[];
}

/**
 * Checks the rush meeting after the load: one registration per success, exactly min(capacity, n) places, the rest
 * waitlisted. `dropped`: requests the load generator gave up on when the run was cut short by time (the server may
 * still have registered them), so up to that many more registrations than successes are allowed.
 */
export async function verifyRush(dbFile: string, meetingId: number, successes: number, dropped = 0): Promise<RushVerification> {
	const { db } = open(dbFile);
	try {
		const m = await db.selectFrom('meetings').select(['capacity', 'places_held']).where('id', '=', meetingId).executeTakeFirstOrThrow();
		const c = await db
			.selectFrom('registrations')
			.where('meeting_id', '=', meetingId)
			.select((eb) => [
				eb.fn.countAll<number>().as('n'),
				eb.fn.count<number>('user_id').distinct().as('users'),
				eb.fn
					.sum<number>(
						eb
							.case()
							.when('status', '=', 'pending')
							.then(eb.case().when('holds_place', '=', 1).then(1).else(0).end())
							.else(0)
							.end()
					)
					.as('placed'),
				eb.fn
					.sum<number>(
						eb
							.case()
							.when('status', '=', 'waitlisted')
							.then(eb.case().when('holds_place', '=', 0).then(1).else(0).end())
							.else(0)
							.end()
					)
					.as('waitlisted'),
				eb.fn.max<number>(eb.case().when('holds_place', '=', 1).then(eb.ref('id')).end()).as('lastPlaced'),
				eb.fn.min<number>(eb.case().when('status', '=', 'waitlisted').then(eb.ref('id')).end()).as('firstWaiting')
			])
			.executeTakeFirstOrThrow();
		const d = await db
			.selectFrom('delegations')
			.where('meeting_id', '=', meetingId)
			.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('places_held').as('places')])
			.executeTakeFirstOrThrow();
		const n = Number(c.n);
		const placed = Number(c.placed ?? 0);
		const waitlisted = Number(c.waitlisted ?? 0);
		const capacity = m.capacity ?? Infinity;
		const v: RushVerification = {
			ok: false,
			registrations: n,
			placed,
			waitlisted,
			other: n - placed - waitlisted,
			placesHeld: m.places_held,
			capacity: m.capacity ?? -1,
			distinctUsers: Number(c.users),
			delegationPlaces: Number(d.places ?? 0),
			delegations: Number(d.n),
			firstComeFirstServed: c.lastPlaced === null || c.firstWaiting === null || Number(c.lastPlaced) < Number(c.firstWaiting),
			problems: []
		};
		const expect = (ok: boolean, problem: string) => ok || v.problems.push(problem);
		expect(
			n >= successes && n <= successes + dropped,
			`${n} registrations in the database, but ${successes} responses were 303 to a new registration` +
				(dropped ? ` (and ${dropped} requests were dropped when time ran out)` : '')
		);
		expect(placed === Math.min(capacity, n), `${placed} registrations hold a place (pending), expected min(${m.capacity}, ${n}) = ${Math.min(capacity, n)}`);
		expect(waitlisted === n - placed, `${waitlisted} waitlisted, expected ${n - placed}`);
		expect(v.other === 0, `${v.other} registrations are neither pending with a place nor waitlisted without one`);
		expect(m.places_held === placed, `meetings.places_held is ${m.places_held}, but ${placed} registrations hold a place`);
		expect(v.distinctUsers === n, `${v.distinctUsers} distinct accounts for ${n} registrations`);
		expect(v.delegationPlaces === n, `delegations.places_held adds up to ${v.delegationPlaces}, expected ${n}`);
		expect(v.firstComeFirstServed, `a waitlisted registration (id ${c.firstWaiting}) is older than one holding a place (id ${c.lastPlaced})`);
		v.ok = v.problems.length === 0;
		return v;
	} finally {
		await db.destroy();
	}
}

// ---- badges ---------------------------------------------------------------------------------------------------

export const BADGES_SLUG = 'badges';
export const BADGES_PEOPLE = 2000;

export interface BadgesData {
	meetingId: number;
	people: number;
	/** approved and consenting to publication: the people on the list of participants */
	listed: number;
	organizations: number;
	/** `ccm_session` of a staff account made for the bench */
	staffToken: string;
}

// Some names in other scripts (DejaVu covers them) and some long ones, so the badges' slower paths are taken too.
const OTHER_NAMES: [string, string][] = [
	['Анастасия', 'Кузнецова'],
	['Дмитрий', 'Соколов'],
	['محمد', 'الحسيني'],
	['فاطمة', 'الزهراء'],
	['Γεώργιος', 'Παπαδόπουλος'],
	['Maria Fernanda', 'de los Santos Villanueva-Echeverría'],
	['Jean-Baptiste Emmanuel', 'Nkurunziza Habimana']
];
const TITLES = ['H.E. Mr.', 'H.E. Ms.', 'Mr.', 'Ms.', 'Dr.'];
const POSITIONS = [
	'Ambassador, Permanent Representative',
	'Counsellor, Permanent Mission',
	'Director, National Mine Action Authority',
	'Legal Adviser, Ministry of Foreign Affairs',
	'Programme Officer'
];

/**
 * Meeting `badges` (published) with 2,000 approved registrations spread over every seeded organization (states in the
 * main, and the international organizations and NGOs), 85 % consenting to publication, plus a staff account with a
 * session. Deterministic: the same people on every run.
 */
export async function insertBadgesMeeting(dbFile: string, people = BADGES_PEOPLE): Promise<BadgesData> {
	const { db } = open(dbFile);
	const now = new Date().toISOString();
	const random = rng(7);
	try {
		return await db.transaction().execute(async (trx) => {
			const orgs = await trx.selectFrom('organizations').select(['id', 'kind']).orderBy('id').execute();
			const states = orgs.filter((o) => o.kind === 'state');
			const others = orgs.filter((o) => o.kind !== 'state');
			const m = await trx
				.insertInto('meetings')
				.values({
					code: 'BADGES',
					slug: BADGES_SLUG,
					title: 'Badges Meeting of States Parties to the Convention on Cluster Munitions',
					kind: 'msp',
					start_date: '2027-10-04',
					end_date: '2027-10-07',
					time_zone: 'Europe/Zurich',
					venue: 'Palais des Nations',
					city: 'Geneva',
					country: 'Switzerland',
					description: `${people} approved participants, made by \`npm run bench\`.`,
					capacity: people,
					places_held: people,
					status: 'published',
					published_at: now,
					symbol_prefix: 'CCM/BADGES/2027',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const delegations = new Map<number, { id: number; n: number }>();
			let listed = 0;
			for (let i = 0; i < people; i++) {
				// 90 % states, the rest international organizations and NGOs.
				const org = others.length && random() < 0.1 ? others[Math.floor(random() * others.length)] : states[Math.floor(random() * states.length)];
				let d = delegations.get(org.id);
				if (!d) {
					const row = await trx
						.insertInto('delegations')
						.values({ meeting_id: m.id, organization_id: org.id, status: 'submitted', submitted_at: now, created_at: now, updated_at: now })
						.returning('id')
						.executeTakeFirstOrThrow();
					d = { id: row.id, n: 0 };
					delegations.set(org.id, d);
				}
				d.n++;
				const [given, family] =
					random() < 0.06
						? OTHER_NAMES[Math.floor(random() * OTHER_NAMES.length)]
						: [GIVEN[Math.floor(random() * GIVEN.length)], FAMILY[Math.floor(random() * FAMILY.length)]];
				const consent = random() < 0.85 ? 1 : 0;
				listed += consent;
				await trx
					.insertInto('registrations')
					.values({
						meeting_id: m.id,
						delegation_id: d.id,
						user_id: null,
						title: random() < 0.4 ? TITLES[Math.floor(random() * TITLES.length)] : null,
						given_name: given,
						family_name: family,
						gender: null,
						position: random() < 0.6 ? POSITIONS[Math.floor(random() * POSITIONS.length)] : null,
						email: `badge-${String(i).padStart(5, '0')}@bench.example.org`,
						phone: null,
						role: d.n === 1 ? 'head' : d.n === 2 ? 'alternate' : random() < 0.3 ? 'adviser' : 'member',
						consent_published: consent,
						access_needs: null,
						status: 'approved',
						holds_place: 1,
						confirmed_by_person: 1,
						rejection_reason: null,
						badge_token: generateToken(),
						form_token: null,
						attended_at: null,
						created_by: null,
						erased_at: null,
						created_at: now,
						updated_at: now
					})
					.execute();
			}
			for (const d of delegations.values()) await trx.updateTable('delegations').set({ places_held: d.n }).where('id', '=', d.id).execute();

			const staff = await trx
				.insertInto('users')
				.values({
					email: 'bench-staff@bench.example.org',
					email_verified: 1,
					password_hash: null,
					role: 'staff',
					given_name: 'Bench',
					family_name: 'Staff',
					organization_id: null,
					created_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const staffToken = generateToken();
			await trx
				.insertInto('sessions')
				.values({ id: hashToken(staffToken), user_id: staff.id, expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString(), created_at: now })
				.execute();
			return { meetingId: m.id, people, listed, organizations: delegations.size, staffToken };
		});
	} finally {
		await db.destroy();
	}
}

// ---- documents ------------------------------------------------------------------------------------------------

/** The issue: document search over 5,000 documents. */
export const BENCH_DOCUMENTS = 5000;
/** One published bench meeting a year (codes `DOCS<year>`), the documents shared out evenly among them. */
export const DOCUMENT_YEARS = [2021, 2022, 2023, 2024, 2025];

/** What the bench inserted for one document: enough to know what a search should find. */
export interface BenchDocument {
	symbol: string;
	title: string;
	type: string;
	year: number;
	languages: string[];
}

export interface DocumentsData {
	meetings: { code: string; year: number; documents: number }[];
	documents: BenchDocument[];
	files: number;
}

// Subjects of the Convention's work: a few words recur across many titles, as they do in a real archive.
const SUBJECTS = [
	'universalization of the Convention',
	'stockpile destruction and retention',
	'clearance and risk reduction education',
	'victim assistance',
	'international cooperation and assistance',
	'transparency measures under Article 7',
	'national implementation measures',
	'gender and the diverse needs and experiences of people in affected communities',
	'the financial situation of the Convention',
	'the work plan and budget of the Implementation Support Unit',
	'the implementation of the Lausanne Action Plan',
	'survey and land release of areas contaminated by cluster munition remnants',
	'the destruction of stockpiled cluster munitions',
	'compliance with the Convention'
];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
/** Languages after English (which every bench document has), weighted: French and Spanish most often. */
const MORE_LANGUAGES = ['fr', 'fr', 'fr', 'fr', 'es', 'es', 'es', 'ar', 'ru', 'zh'];

/**
 * The bench's documents, without a database: deterministic for a given list of state names (the seeded states).
 * Per meeting: the provisional agenda, the programme of work, the list of participants and the final report, then
 * working papers, statements, reports, information papers, decisions and extension requests, most of them about one
 * of the Convention's subjects and many submitted by a state (some names have accents: Côte d'Ivoire…).
 */
export function benchDocuments(
	states: { id: number; name: string }[],
	total = BENCH_DOCUMENTS,
	years = DOCUMENT_YEARS
): (BenchDocument & { organizationId: number | null })[] {
	const random = rng(2027);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	const out: (BenchDocument & { organizationId: number | null })[] = [];
	for (const [m, year] of years.entries()) {
		const count = Math.floor(((m + 1) * total) / years.length) - Math.floor((m * total) / years.length);
		for (let n = 1; n <= count; n++) {
			const subject = pick(SUBJECTS);
			const state = pick(states);
			let type: string;
			let title: string;
			let organizationId: number | null = null;
			const r = random();
			if (n <= 4) {
				type = ['provisional_agenda', 'programme_of_work', 'list_of_participants', 'report'][n - 1];
				title = [
					'Provisional agenda',
					'Provisional programme of work',
					'List of participants',
					`Final report of the Meeting of States Parties held in ${year}`
				][n - 1];
			} else if (r < 0.25) {
				type = 'working_paper';
				[title, organizationId] =
					random() < 0.7
						? [`${cap(subject)}: working paper submitted by ${state.name}`, state.id]
						: [`Working paper on ${subject} submitted by the Coordinators`, null];
			} else if (r < 0.5) {
				type = 'statement';
				[title, organizationId] = [`Statement by ${state.name} on ${subject}`, state.id];
			} else if (r < 0.65) {
				type = 'report';
				const k = random();
				[title, organizationId] =
					k < 0.4
						? [`Annual transparency report of ${state.name} under Article 7 of the Convention for ${year - 1}`, state.id]
						: k < 0.7
							? [`Progress report on ${subject}`, null]
							: [`Report of the Coordinators on ${subject}`, null];
			} else if (r < 0.8) {
				type = 'information_paper';
				[title, organizationId] =
					random() < 0.6
						? [`Information paper on ${subject} prepared by the Implementation Support Unit`, null]
						: [`Information paper on ${subject}: submitted by ${state.name}`, state.id];
			} else if (r < 0.85) {
				type = 'decision';
				title =
					random() < 0.5
						? `Decision on ${subject}`
						: `Decision on the request submitted by ${state.name} for an extension of the deadline for completing the clearance and destruction of cluster munition remnants`;
			} else {
				type = 'other';
				[title, organizationId] =
					random() < 0.5
						? [
								`Request for an extension of the deadline for completing the clearance and destruction of cluster munition remnants in accordance with Article 4 of the Convention: submitted by ${state.name}`,
								state.id
							]
						: [`Analysis of the request submitted by ${state.name} for an extension of its deadline under Article 4 of the Convention`, null];
			}
			const languages = ['en'];
			for (let extra = Math.floor(random() * 3); extra > 0;) {
				const l = pick(MORE_LANGUAGES);
				if (!languages.includes(l)) {
					languages.push(l);
					extra--;
				}
			}
			out.push({ symbol: `CCM/MSP/${year}/${n}`, title, type, year, languages, organizationId });
		}
	}
	return out;
}

/**
 * How many bench documents a search of the documents page should find, by the app's rule done over again in plain
 * JavaScript: every word of the query (in `searchForm`) is in the title's search form or in the lower-cased symbol;
 * the meeting's year; a file in the language. For the scenarios' checks.
 */
export function expectedMatches(docs: BenchDocument[], f: { q?: string; year?: number; lang?: string; type?: string }): number {
	const words = searchForm(f.q ?? '')
		.split(' ')
		.filter(Boolean);
	return docs.filter((d) => {
		const title = searchForm(d.title);
		const symbol = d.symbol.toLowerCase();
		return (
			words.every((w) => title.includes(w) || symbol.includes(w)) &&
			(f.year === undefined || d.year === f.year) &&
			(f.lang === undefined || d.languages.includes(f.lang)) &&
			(f.type === undefined || d.type === f.type)
		);
	}).length;
}

/**
 * 5,000 published documents of general distribution over five published meetings (2021–2025, one a year), symbols
 * `CCM/MSP/<year>/<n>` (each its own base symbol), `title_search` as the app makes it (`searchForm`), each with 1–3
 * files (English, and French, Spanish, …): `document_files` rows and their `stored_files` rows. The files themselves
 * are not written (search does not read them; downloading one would answer 404 or 500).
 */
export async function insertBenchDocuments(dbFile: string, total = BENCH_DOCUMENTS): Promise<DocumentsData> {
	const { db } = open(dbFile);
	const now = new Date().toISOString();
	const random = rng(99);
	try {
		return await db.transaction().execute(async (trx) => {
			const states = await trx.selectFrom('organizations').select(['id', 'name']).where('kind', '=', 'state').orderBy('id').execute();
			if (!states.length) throw new Error('no states in the database: was it seeded?');
			const docs = benchDocuments(states, total);
			const meetings: DocumentsData['meetings'] = [];
			let files = 0;
			for (const year of DOCUMENT_YEARS) {
				const start = `${year}-09-${String(8 + (year % 7)).padStart(2, '0')}`;
				const code = `DOCS${year}`;
				const m = await trx
					.insertInto('meetings')
					.values({
						code,
						slug: code.toLowerCase(),
						title: `Documents Benchmark Meeting of States Parties ${year}`,
						kind: 'msp',
						start_date: start,
						end_date: addDays(start, 3),
						time_zone: 'Europe/Zurich',
						venue: 'Palais des Nations',
						city: 'Geneva',
						country: 'Switzerland',
						description: 'Made by `npm run bench` for the document search.',
						status: 'published',
						published_at: now,
						symbol_prefix: `CCM/MSP/${year}`,
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				const mine = docs.filter((d) => d.year === year);
				meetings.push({ code, year, documents: mine.length });
				// Multi-row inserts: a few hundred rows a statement, well under SQLite's limit on parameters.
				for (let i = 0; i < mine.length; i += 250) {
					await trx
						.insertInto('documents')
						.values(
							mine.slice(i, i + 250).map((d) => ({
								meeting_id: m.id,
								symbol: d.symbol,
								base_symbol: d.symbol,
								revision: null,
								corrigendum: null,
								title: d.title,
								title_search: searchForm(d.title),
								type: d.type,
								agenda_item_id: null,
								organization_id: d.organizationId,
								distribution: 'general',
								status: 'published',
								published_at: `${addDays(start, -Math.floor(random() * 60))}T09:00:00.000Z`,
								withdrawn_at: null,
								replaced_by_id: null,
								uploaded_by: null,
								created_at: now,
								updated_at: now
							}))
						)
						.execute();
				}
				const ids = new Map((await trx.selectFrom('documents').select(['id', 'symbol']).where('meeting_id', '=', m.id).execute()).map((r) => [r.symbol, r.id]));
				const rows = mine.flatMap((d) =>
					d.languages.map((language) => ({
						document_id: ids.get(d.symbol)!,
						language,
						sha256: createHash('sha256').update(`bench document ${d.symbol} ${language}`).digest('hex'),
						mime: 'application/pdf',
						size: 40_000 + Math.floor(random() * 1_500_000),
						original_name: `${d.symbol.replaceAll('/', '_')}_${language.toUpperCase()}.pdf`,
						uploaded_at: now
					}))
				);
				for (let i = 0; i < rows.length; i += 500) {
					const chunk = rows.slice(i, i + 500);
					await trx
						.insertInto('stored_files')
						.values(chunk.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size, created_at: now })))
						.execute();
					await trx.insertInto('document_files').values(chunk).execute();
				}
				files += rows.length;
			}
			return { meetings, documents: docs.map(({ organizationId: _, ...d }) => d), files };
		});
	} finally {
		await db.destroy();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2];
	if (!file) throw new Error('usage: tsx bench/data.ts path/to/ccm.db');
	await insertBenchMeeting(file);
	const rush = await insertRush(file);
	const badges = await insertBadgesMeeting(file);
	await insertBenchDocuments(file);
	// The session tokens, for loading the rush or the badges by hand (a throwaway database's, nothing else's).
	const out = `${file}.bench-sessions.json`;
	fs.writeFileSync(out, JSON.stringify({ staff: badges.staffToken, rush: rush.accounts, warmup: rush.warmupAccounts }, null, '\t') + '\n');
	console.log(
		`Inserted the meetings '${BENCH_SLUG}', '${RUSH_SLUG}', '${RUSH_WARMUP_SLUG}', '${BADGES_SLUG}' and ${DOCUMENT_YEARS.map((y) => `'docs${y}'`).join(', ')} ` +
			`(${BENCH_DOCUMENTS} documents) into ${file}; session tokens in ${out}`
	);
}
