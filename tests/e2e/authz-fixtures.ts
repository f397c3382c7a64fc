import { tinyPdf } from './helpers';
/**
 * Fixtures for the authorization matrix (authz.spec.ts): people with sessions, their per-person resources, and the
 * list of routes to try, walked from src/routes so that a new route is covered without editing the spec.
 *
 * Everything is written straight into the e2e SQLite database (WAL mode: safe while the server runs), which is much
 * faster than going through invitations and forms; the flows themselves are covered by the other specs.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, 'test-results/e2e-data');
const ROUTES_DIR = path.join(ROOT, 'src/routes');

export const ACTORS = ['anon', 'delegateA', 'delegateB', 'focalX', 'focalY', 'cc', 'staff'] as const;
export type Actor = (typeof ACTORS)[number];
export type Person = Exclude<Actor, 'anon'>;

export interface World {
	suffix: string;
	users: Record<Person, { id: number; email: string; token: string }>;
	orgX: { id: number; name: string };
	orgY: { id: number; name: string };
	/** A's registration for the 14MSP (delegation X), approved, with a sponsorship application. */
	regA: number;
	/** B's registration for the 14MSP (delegation Y), pending. */
	regB: number;
	appA: number;
	/** Marks that must appear only on pages of those allowed to see them. */
	marks: { nameA: string; nameB: string; cityA: string; justificationA: string; draftTitle: string };
	/** A staff draft of the 9MSP, with an English file. */
	draft: { id: number; symbol: string };
	/** A statement that delegate A uploaded, still a draft: A and staff may see it. */
	statementA: { id: number; symbol: string };
	outboxId: number;
	/** X's delegation to the 14MSP, with a credentials letter. */
	delegationX: number;
	/** An unpublished meeting, with a session and a sponsorship programme: 404 to all but staff. */
	draftMeeting: { id: number; slug: string; title: string; sessionId: number };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 160 random bits as lowercase base32 without padding: the shape of the app's own tokens ([a-z2-7]{32}). */
export function randomToken(): string {
	const bytes = crypto.randomBytes(20);
	let bits = 0;
	let value = 0;
	let out = '';
	for (const b of bytes) {
		value = (value << 8) | b;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	return out;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

export function openDb(): Database.Database {
	const db = new Database(path.join(DATA_DIR, 'ccm.db'));
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	return db;
}

/** Stores bytes the way src/lib/server/files/store.ts does: files/<2 hex>/<sha256>, plus a stored_files row. */
function storeFile(db: Database.Database, bytes: Buffer, mime: string): string {
	const hash = sha256(bytes);
	const target = path.join(DATA_DIR, 'files', hash.slice(0, 2), hash);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (!fs.existsSync(target)) fs.writeFileSync(target, bytes);
	db.prepare('insert into stored_files (sha256, mime, size, created_at) values (?, ?, ?, ?) on conflict (sha256) do nothing').run(
		hash,
		mime,
		bytes.length,
		new Date().toISOString()
	);
	return hash;
}

/** An outcome of the demo (the 9MSP's are seeded): its staff page exists. */
export function firstOutcome(): number {
	const db = openDb();
	try {
		return (db.prepare('select min(id) as id from outcomes').get() as { id: number }).id;
	} finally {
		db.close();
	}
}

export function createWorld(staffEmail: string): World {
	const db = openDb();
	try {
		return db.transaction(() => build(db, staffEmail))();
	} finally {
		db.close();
	}
}

function build(db: Database.Database, staffEmail: string): World {
	const now = new Date().toISOString();
	const suffix = `${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;
	const one = <T>(sql: string, ...args: unknown[]) => {
		const row = db.prepare(sql).get(...args) as T | undefined;
		if (!row) throw new Error(`authz fixtures: nothing found for ${sql} (${args.join(', ')}): is the demo data seeded?`);
		return row;
	};
	const insert = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);

	const m14 = one<{ id: number }>("select id from meetings where slug = '14msp'");
	const m9 = one<{ id: number }>("select id from meetings where slug = '9msp'");
	// Two states that the other specs leave alone (they use Lao PDR).
	const [orgX, orgY] = db.prepare("select id, name from organizations where kind = 'state' and name not like 'Lao%' order by name desc limit 2").all() as {
		id: number;
		name: string;
	}[];
	if (!orgX || !orgY) throw new Error('authz fixtures: fewer than two states in the database');

	// People, each with a session of their own (the cookie is the token; the table keeps its SHA-256).
	const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();
	const session = (userId: number) => {
		const token = randomToken();
		db.prepare('insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)').run(sha256(token), userId, expires, now);
		return token;
	};
	const marks = {
		nameA: `Alphaauthz${suffix}`,
		nameB: `Bravoauthz${suffix}`,
		cityA: `Alphaville${suffix}`,
		justificationA: `Justification of A ${suffix}`,
		draftTitle: `Authz draft ${suffix}`
	};
	const person = (key: Person, role: string, org: number | null, family: string) => {
		const email = `authz-${key.toLowerCase()}-${suffix}@example.org`;
		const id = insert(
			'insert into users (email, email_verified, password_hash, role, given_name, family_name, organization_id, created_at) values (?, 1, null, ?, ?, ?, ?, ?)',
			email,
			role,
			'Authz',
			family,
			org,
			now
		);
		return { id, email, token: session(id) };
	};
	const staffRow = one<{ id: number; email: string }>('select id, email from users where email = ? and role = ?', staffEmail.toLowerCase(), 'staff');
	const users: World['users'] = {
		// Account names differ from the registration names (the marks): the header shows one's own account name.
		delegateA: person('delegateA', 'delegate', orgX.id, `Accounta${suffix}`),
		delegateB: person('delegateB', 'delegate', orgY.id, `Accountb${suffix}`),
		focalX: person('focalX', 'focal_point', orgX.id, `Focalx${suffix}`),
		focalY: person('focalY', 'focal_point', orgY.id, `Focaly${suffix}`),
		cc: person('cc', 'cc_member', null, `Committee${suffix}`),
		staff: { id: staffRow.id, email: staffRow.email, token: session(staffRow.id) }
	};

	// Registrations: the delegation rows first (one per meeting and organisation), then a place each.
	const delegation = (orgId: number) => {
		db.prepare(
			"insert into delegations (meeting_id, organization_id, status, created_at, updated_at) values (?, ?, 'open', ?, ?) on conflict (meeting_id, organization_id) do nothing"
		).run(m14.id, orgId, now, now);
		return one<{ id: number }>('select id from delegations where meeting_id = ? and organization_id = ?', m14.id, orgId).id;
	};
	const register = (who: Person, orgId: number, family: string, status: 'approved' | 'pending') => {
		const delegationId = delegation(orgId);
		db.prepare('update delegations set places_held = places_held + 1 where id = ?').run(delegationId);
		db.prepare('update meetings set places_held = places_held + 1 where id = ?').run(m14.id);
		return insert(
			`insert into registrations (meeting_id, delegation_id, user_id, title, given_name, family_name, gender, position, email, phone, role,
				consent_published, access_needs, status, holds_place, confirmed_by_person, rejection_reason, badge_token, form_token, attended_at,
				created_by, erased_at, created_at, updated_at)
			 values (?, ?, ?, null, 'Authz', ?, null, 'Delegate', ?, null, 'member', 0, null, ?, 1, 1, null, ?, null, null, ?, null, ?, ?)`,
			m14.id,
			delegationId,
			users[who].id,
			family,
			users[who].email,
			status,
			randomToken(),
			users[who].id,
			now,
			now
		);
	};
	const regA = register('delegateA', orgX.id, marks.nameA, 'approved');
	const regB = register('delegateB', orgY.id, marks.nameB, 'pending');

	const appA = insert(
		`insert into sponsorship_applications (meeting_id, registration_id, user_id, status, departure_city, airfare_centimes, nights, justification,
			statement, statement_items, implementation_responsibility, endorsement, submitted_at, created_at, updated_at)
		 values (?, ?, ?, 'submitted', ?, 145050, 4, ?, 0, null, 1, 'pending', ?, ?, ?)`,
		m14.id,
		regA,
		users.delegateA.id,
		marks.cityA,
		marks.justificationA,
		now,
		now,
		now
	);

	// X's credentials letter (Y has none: Y's focal point must not get X's instead).
	const credentials = storeFile(db, tinyPdf(`Credentials of ${orgX.name}`), 'application/pdf');
	db.prepare(
		'update delegations set credentials_sha256 = ?, credentials_name = ?, credentials_size = ?, credentials_uploaded_at = ? where meeting_id = ? and organization_id = ?'
	).run(credentials, 'credentials.pdf', fs.statSync(path.join(DATA_DIR, 'files', credentials.slice(0, 2), credentials)).size, now, m14.id, orgX.id);
	const delegationX = (db.prepare('select id from delegations where meeting_id = ? and organization_id = ?').get(m14.id, orgX.id) as { id: number }).id;

	// Documents of the 9MSP: a staff draft and a statement A uploaded that is not yet published.
	const n = 90_000 + crypto.randomInt(9_999);
	const document = (symbol: string, title: string, type: string, org: number | null, uploadedBy: number | null) => {
		const id = insert(
			`insert into documents (meeting_id, symbol, base_symbol, revision, corrigendum, title, title_search, type, agenda_item_id, organization_id,
				distribution, status, published_at, withdrawn_at, replaced_by_id, uploaded_by, created_at, updated_at)
			 values (?, ?, ?, null, null, ?, ?, ?, null, ?, 'general', 'draft', null, null, null, ?, ?, ?)`,
			m9.id,
			symbol,
			symbol,
			title,
			title.toLowerCase(),
			type,
			org,
			uploadedBy,
			now,
			now
		);
		const bytes = tinyPdf(title);
		const hash = storeFile(db, bytes, 'application/pdf');
		db.prepare(
			"insert into document_files (document_id, language, sha256, mime, size, original_name, uploaded_at) values (?, 'en', ?, 'application/pdf', ?, 'draft.pdf', ?)"
		).run(id, hash, bytes.length, now);
		return { id, symbol };
	};
	const draft = document(`CCM/MSP/2019/WP.${n}`, marks.draftTitle, 'working_paper', null, users.staff.id);
	const statementA = document(`CCM/MSP/2019/ST.${n}`, `Statement of ${orgX.name} ${suffix}`, 'statement', orgX.id, users.delegateA.id);

	const outboxId = insert(
		"insert into outbox (to_address, subject, body_text, status, attempts, last_error, next_attempt_at, created_at, sent_at) values (?, ?, ?, 'sent', 1, null, null, ?, ?)",
		users.delegateA.email,
		`Authz fixture ${suffix}`,
		'A message for the authorization matrix.',
		now,
		now
	);

	const draftTitle = `Authz unpublished meeting ${suffix}`;
	const code = `AZ${suffix.toUpperCase()}`;
	const slug = code.toLowerCase();
	const start = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
	const draftMeetingId = insert(
		`insert into meetings (code, slug, title, kind, start_date, end_date, time_zone, venue, city, country, description, registration_opens_at,
			registration_closes_at, capacity, places_held, sponsorship_deadline, symbol_prefix, status, published_at, sequence, created_at, updated_at)
		 values (?, ?, ?, 'informal', ?, ?, 'Europe/Zurich', 'Palais des Nations', 'Geneva', 'Switzerland', ?, ?, ?, 100, 0, null, null, 'draft', null, 0, ?, ?)`,
		code,
		slug,
		draftTitle,
		start,
		start,
		`Not yet announced ${suffix}`,
		new Date(Date.now() - 86_400_000).toISOString(),
		new Date(Date.now() + 60 * 86_400_000).toISOString(),
		now,
		now
	);
	const sessionId = insert(
		"insert into meeting_sessions (meeting_id, title, starts_at, ends_at, room, chair, sequence, updated_at) values (?, 'Opening', ?, ?, 'Room XX', null, 0, ?)",
		draftMeetingId,
		`${start}T08:00:00.000Z`,
		`${start}T10:00:00.000Z`,
		now
	);
	db.prepare(
		'insert into sponsorship_programmes (meeting_id, budget_centimes, committed_centimes, dsa_centimes, default_nights, places_per_state, opens_at, closes_at, offer_response_days, criteria_version, updated_at) values (?, 100000, 0, 30000, 4, 1, null, null, 7, null, ?)'
	).run(draftMeetingId, now);

	return {
		suffix,
		users,
		orgX,
		orgY,
		regA,
		regB,
		appA,
		marks,
		draft,
		statementA,
		outboxId,
		delegationX,
		draftMeeting: { id: draftMeetingId, slug, title: draftTitle, sessionId }
	};
}

/**
 * Takes back what could change what later specs on the same server see: A's application, the registrations and the
 * places they hold, the documents, the draft meeting and the sessions. (The accounts stay; nothing lists them by count.)
 */
export function cleanWorld(w: World): void {
	const db = openDb();
	try {
		db.transaction(() => {
			db.prepare('delete from sponsorship_applications where id = ?').run(w.appA);
			for (const id of [w.regA, w.regB]) {
				const reg = db.prepare('select meeting_id, delegation_id, holds_place from registrations where id = ?').get(id) as
					{ meeting_id: number; delegation_id: number; holds_place: number } | undefined;
				if (!reg) continue;
				if (reg.holds_place) db.prepare('update meetings set places_held = places_held - 1 where id = ?').run(reg.meeting_id);
				db.prepare('update delegations set places_held = max(places_held - 1, 0) where id = ?').run(reg.delegation_id);
				db.prepare('delete from registrations where id = ?').run(id);
				db.prepare('delete from delegations where id = ? and not exists (select 1 from registrations where delegation_id = ?)').run(
					reg.delegation_id,
					reg.delegation_id
				);
			}
			for (const d of [w.draft, w.statementA]) db.prepare('delete from documents where id = ?').run(d.id);
			db.prepare('delete from meetings where id = ?').run(w.draftMeeting.id);
			for (const u of Object.values(w.users)) db.prepare('delete from sessions where id = ?').run(sha256(u.token));
		})();
	} finally {
		db.close();
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Routes, walked from src/routes.

export interface RouteCase {
	/** The route as written in src/routes, e.g. /admin/users/[id]. */
	route: string;
	/** The URL tried. */
	path: string;
	kind: 'page' | 'endpoint';
	/** false: the parameters name nothing that exists (staff get 404 there). */
	exists: boolean;
}

/** Ids that name nothing: too large, not a number, not finite. */
const UNKNOWN_IDS = ['999999999', 'abc', '1e400'];

type ParamFill = { values: (w: World) => string[]; unknown: string[] };

/**
 * How to fill a route parameter, by `<static segment before it>/[name]` or by `[name]` alone.
 * A route with a parameter missing here makes the spec fail with a message saying to add it.
 */
const PARAMS: Record<string, ParamFill> = {
	'[slug]': { values: () => ['14msp', '9msp'], unknown: ['no-such-meeting'] },
	'organizations/[id]': { values: (w) => [String(w.orgX.id)], unknown: UNKNOWN_IDS },
	'users/[id]': { values: (w) => [String(w.users.delegateA.id)], unknown: UNKNOWN_IDS },
	'registrations/[id]': { values: (w) => [String(w.regA)], unknown: UNKNOWN_IDS },
	'documents/[id]': { values: (w) => [String(w.draft.id)], unknown: UNKNOWN_IDS },
	'outbox/[id]': { values: (w) => [String(w.outboxId)], unknown: UNKNOWN_IDS },
	'sessions/[id]': { values: (w) => [String(w.draftMeeting.sessionId)], unknown: UNKNOWN_IDS },
	'delegations/[id]': { values: (w) => [String(w.delegationX)], unknown: UNKNOWN_IDS },
	'outcomes/[id]': { values: () => [String(firstOutcome())], unknown: UNKNOWN_IDS }
};

function hasGet(file: string): boolean {
	return /export\s+(const|async\s+function|function)\s+GET\b/.test(fs.readFileSync(file, 'utf8'));
}

/** Every directory under src/routes/<top> with a +page.svelte or a +server.ts that answers GET. */
export function walkRoutes(top: string): { route: string; kind: 'page' | 'endpoint' }[] {
	const found: { route: string; kind: 'page' | 'endpoint' }[] = [];
	const visit = (dir: string) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true });
		const names = new Set(entries.map((e) => e.name));
		const route = '/' + path.relative(ROUTES_DIR, dir).split(path.sep).join('/');
		if (names.has('+page.svelte')) found.push({ route, kind: 'page' });
		else if (names.has('+server.ts') && hasGet(path.join(dir, '+server.ts'))) found.push({ route, kind: 'endpoint' });
		else if (names.has('+server.js') && hasGet(path.join(dir, '+server.js'))) found.push({ route, kind: 'endpoint' });
		for (const e of entries) if (e.isDirectory()) visit(path.join(dir, e.name));
	};
	visit(path.join(ROUTES_DIR, top));
	return found.sort((a, b) => a.route.localeCompare(b.route));
}

/** Actions of each +page.server.ts under src/routes/<top>: route and action name ('default' for a default action). */
export function walkActions(top: string): { route: string; action: string }[] {
	const out: { route: string; action: string }[] = [];
	const visit = (dir: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) visit(p);
			else if (e.name === '+page.server.ts') {
				const src = fs.readFileSync(p, 'utf8');
				const start = src.search(/export const actions\b[^=]*=\s*\{/);
				if (start < 0) continue;
				const block = src.slice(start, src.indexOf('\n};', start));
				const route = '/' + path.relative(ROUTES_DIR, dir).split(path.sep).join('/');
				for (const m of block.matchAll(/^\t([A-Za-z_$][\w$]*)\s*:/gm)) out.push({ route, action: m[1] });
			}
		}
	};
	visit(path.join(ROUTES_DIR, top));
	return out.sort((a, b) => (a.route + a.action).localeCompare(b.route + b.action));
}

/**
 * Turns a route into the URLs to try: every real value of its parameters, then, once per unknown value, URLs whose
 * parameters name nothing. With `fixed`, each parameter takes that value instead (by `<segment>/[name]` or `[name]`).
 */
export function expand(route: string, w: World, fixed?: Record<string, string>): { path: string; exists: boolean }[] {
	const segments = route
		.split('/')
		.filter(Boolean)
		.filter((s) => !/^\(.*\)$/.test(s)); // (groups) are not in URLs
	const choices: { real: string[]; unknown: string[] }[] = segments.map((seg, i) => {
		const param = /^\[{1,2}(?:\.\.\.)?([\w]+)(?:=\w+)?\]{1,2}$/.exec(seg);
		if (!param) return { real: [seg], unknown: [] };
		const name = `[${param[1]}]`;
		const key = `${segments[i - 1] ?? ''}/${name}`;
		if (fixed) {
			const v = fixed[key] ?? fixed[name];
			if (v === undefined) throw new Error(`No value given for the parameter ${seg} of the route ${route} (as '${key}' or '${name}').`);
			return { real: [v], unknown: [] };
		}
		const fill = PARAMS[key] ?? PARAMS[name];
		if (!fill) {
			throw new Error(
				`The authorization matrix does not know how to fill the parameter ${seg} of the route ${route} ` +
					`(src/routes${route}). Add an entry '${key}' to PARAMS in tests/e2e/authz-fixtures.ts ` +
					`giving a real value (of the right kind: user, registration, document, …) and values that name nothing.`
			);
		}
		return { real: fill.values(w), unknown: fill.unknown };
	});
	let real: string[][] = [[]];
	for (const c of choices) real = real.flatMap((prefix) => c.real.map((v) => [...prefix, v]));
	const out = real.map((parts) => ({ path: '/' + parts.join('/'), exists: true }));
	const unknownCount = Math.max(0, ...choices.map((c) => c.unknown.length));
	for (let k = 0; k < unknownCount; k++) {
		const parts = choices.map((c, i) => (c.unknown.length ? c.unknown[Math.min(k, c.unknown.length - 1)] : segments[i]));
		out.push({ path: '/' + parts.join('/'), exists: false });
	}
	return out;
}

export function routeCases(top: string, w: World): RouteCase[] {
	return walkRoutes(top).flatMap(({ route, kind }) => expand(route, w).map((x) => ({ route, kind, ...x })));
}
