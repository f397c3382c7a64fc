import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { CcmStatus, Database, NewOrganization, NewStateFact } from '../db';
import { nowIso } from '../time';
import statesCsv from './data/states.csv?raw';
import notPartyCsv from './data/states-not-party.csv?raw';
import changesCsv from './data/status-changes-since-9msp.csv?raw';
import ldcCsv from './data/least-developed-countries.csv?raw';
import victimsCsv from './data/cluster-munition-victims.csv?raw';
import extensionsCsv from './data/article-3-4-extensions.csv?raw';

/*
 * The dated facts of issue 13, from the files compiled in shared/data (copied beside this file; reference-notes.md
 * says how each was compiled). Nothing is inferred here that the files do not say: an outcome they leave open is
 * stored as `unknown`, for staff to settle.
 */

type Row = Record<string, string>;
type Fact = Omit<NewStateFact, 'organization_id' | 'recorded_at' | 'recorded_by' | 'replaces_id'> & { iso3: string };

const rows = (csv: string): Row[] => parse(csv, { columns: true, skip_empty_lines: true }) as Row[];
const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);
const FILE_STATES = 'states.csv (status at the 9MSP)';

const LATEST: Record<string, CcmStatus> = { 'State Party': 'state_party', 'not party': 'not_party', 'not party (withdrawn)': 'not_party' };

/** Every UN member state absent from states.csv, and Niue, as organisations (today's status in `ccm_status`). */
export function statesNotPartyFromCsv(csv = notPartyCsv): NewOrganization[] {
	return rows(csv).map((r) => {
		const status = LATEST[r.ccm_status_latest];
		if (!status) throw new Error(`states-not-party.csv: unknown status "${r.ccm_status_latest}" for ${r.name}`);
		return {
			kind: 'state',
			name: r.name,
			short_name: null,
			iso3: r.iso3,
			region: blank(r.region),
			ccm_status: status,
			joined: blank(r.not_party_until),
			art3_deadline: null,
			art4_deadline: null,
			observer_by_right: 0,
			note: blank(r.attended_meetings),
			source: 'states-not-party.csv'
		};
	});
}

const STATUS_EVENTS: Record<string, string> = {
	accession: 'accession',
	ratification: 'ratification',
	'entry into force': 'entry_into_force',
	'withdrawal notified': 'withdrawal_notified',
	'withdrawal effective': 'withdrawal_effective'
};

/** All facts of the five files plus the deposits, signatures and original deadlines of states.csv. */
export function factsFromCsv(files = { states: statesCsv, changes: changesCsv, ldc: ldcCsv, victims: victimsCsv, extensions: extensionsCsv }): Fact[] {
	const out: Fact[] = [];
	const base = { article: null, on_date: null, deadline: null, outcome: 'confirmed' as const, granted_at: null, confidence: null, note: null };
	const originals = new Set<string>();
	for (const r of rows(files.states)) {
		const src = `${FILE_STATES}: ${r.source}`;
		const event = r.status === 'Signatory' ? 'signature' : r.source.includes('accession') ? 'accession' : 'deposit';
		out.push({ ...base, iso3: r.iso3, kind: 'status', event, on_date: r.joined, source: src });
		for (const article of [3, 4] as const) {
			const d = blank(r[`art${article}_deadline`]);
			if (d) {
				originals.add(`${r.iso3}${article}`);
				out.push({ ...base, iso3: r.iso3, kind: 'deadline', event: 'original', article, on_date: d, source: src });
			}
		}
	}
	for (const r of rows(files.changes)) {
		const event = STATUS_EVENTS[r.event];
		if (!event) throw new Error(`status-changes-since-9msp.csv: unknown event "${r.event}" for ${r.state}`);
		out.push({ ...base, iso3: r.iso3, kind: 'status', event, on_date: r.date, source: r.source_url, note: blank(r.note) });
	}
	for (const r of rows(files.extensions)) {
		const article = Number(r.article) as 3 | 4;
		const original = blank(r.original_deadline);
		if (original && !originals.has(`${r.iso3}${article}`)) {
			originals.add(`${r.iso3}${article}`);
			out.push({ ...base, iso3: r.iso3, kind: 'deadline', event: 'original', article, on_date: original, source: r.source_url });
		}
		const granted = r.status.startsWith('granted') || r.record_type === 'completion';
		out.push({
			...base,
			iso3: r.iso3,
			kind: 'deadline',
			event: r.record_type,
			article,
			on_date: blank(r.decision_date),
			deadline: r.record_type === 'extension' && granted ? blank(r.requested_or_extended_deadline) : null,
			outcome: granted ? 'confirmed' : 'unknown',
			granted_at: blank(r.granted_at),
			source: r.source_url,
			note: [r.status, r.note].filter((s) => s.trim() !== '').join('. ') || null
		});
	}
	for (const r of rows(files.ldc)) {
		const source = (col: string) => blank(r[col]) ?? blank(r.source_inclusion) ?? 'least-developed-countries.csv';
		out.push({ ...base, iso3: r.iso3, kind: 'ldc', event: 'inclusion', on_date: r.inclusion_year, source: source('source_inclusion'), note: blank(r.note) });
		if (blank(r.graduation_date))
			out.push({ ...base, iso3: r.iso3, kind: 'ldc', event: 'graduation', on_date: r.graduation_date, source: source('source_graduation') });
		if (blank(r.scheduled_graduation_date))
			out.push({
				...base,
				iso3: r.iso3,
				kind: 'ldc',
				event: 'scheduled_graduation',
				on_date: r.scheduled_graduation_date,
				source: source('source_scheduled'),
				note: blank(r.scheduled_basis)
			});
	}
	for (const r of rows(files.victims)) {
		const confidence = r.confidence as 'high' | 'medium' | 'low';
		out.push({
			...base,
			iso3: r.iso3,
			kind: 'victims',
			event: 'listed',
			confidence,
			source: r.sources,
			note: [r.basis, r.note].filter((s) => s.trim() !== '').join('. ')
		});
	}
	return out;
}

/**
 * Adds the states that are not there yet, then the facts, once: a database that already holds facts keeps them
 * (staff may have corrected them since). Run on every start, so existing databases get them too.
 */
export async function seedStateFacts(db: Kysely<Database>): Promise<{ states: number; facts: number }> {
	const have = new Set((await db.selectFrom('organizations').select('iso3').where('iso3', 'is not', null).execute()).map((r) => r.iso3));
	const fresh = statesNotPartyFromCsv().filter((o) => !have.has(o.iso3!));
	if (fresh.length) await db.insertInto('organizations').values(fresh).execute();
	if (await db.selectFrom('state_facts').select('id').limit(1).executeTakeFirst()) return { states: fresh.length, facts: 0 };
	const ids = new Map((await db.selectFrom('organizations').select(['id', 'iso3']).where('kind', '=', 'state').execute()).map((r) => [r.iso3, r.id]));
	const now = nowIso();
	const values: NewStateFact[] = factsFromCsv().flatMap(({ iso3, ...f }) => {
		const id = ids.get(iso3);
		return id === undefined ? [] : [{ ...f, organization_id: id, recorded_at: now, recorded_by: null, replaces_id: null }];
	});
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < values.length; i += 100)
			await trx
				.insertInto('state_facts')
				.values(values.slice(i, i + 100))
				.execute();
	});
	return { states: fresh.length, facts: values.length };
}
