import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database, MeetingKind } from '../db';
import { MEETING_KINDS } from '../db';
import { parseAgendaText, slugFromCode, localToUtc } from '../meetings';
import { nowIso } from '../time';

const ZONES: Record<string, string> = {
	Geneva: 'Europe/Zurich',
	Lausanne: 'Europe/Zurich',
	Dublin: 'Europe/Dublin',
	Oslo: 'Europe/Oslo',
	Vientiane: 'Asia/Vientiane',
	Beirut: 'Asia/Beirut',
	Lusaka: 'Africa/Lusaka',
	'San José': 'America/Costa_Rica',
	Dubrovnik: 'Europe/Zagreb'
};

export interface SeedMeeting {
	code: string;
	title: string;
	kind: MeetingKind;
	start_date: string;
	end_date: string;
	city: string | null;
	country: string | null;
	time_zone: string;
	symbol_prefix: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Past meetings from meetings.csv; rows without full dates (e.g. a conference known by month only) are left out. */
export function meetingsFromCsv(csv: string): SeedMeeting[] {
	const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	return rows
		.filter((r) => DATE.test(r.start) && DATE.test(r.end))
		.map((r) => {
			const city = r.city && !r.city.startsWith('(') ? r.city : null;
			const prefix = /^CCM\/[A-Z]+\/\d{4}(\/PM\.\d)?$/.test(r.symbol_prefix.trim()) ? r.symbol_prefix.trim() : null;
			return {
				code: r.code,
				title: r.title,
				kind: (MEETING_KINDS as readonly string[]).includes(r.kind) ? (r.kind as MeetingKind) : 'informal',
				start_date: r.start,
				end_date: r.end,
				city,
				country: r.country || null,
				time_zone: (city && ZONES[city]) || 'Europe/Zurich',
				symbol_prefix: prefix
			};
		});
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first Tuesday on or after a day: MSPs run Tuesday to Friday (the 13MSP: 16–19 September 2025). */
export function tuesdayFrom(date: string): string {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	return addDays(date, (2 - weekday + 7) % 7);
}

/**
 * Each meeting's President where presidencies.csv names one, as a sentence for the meeting page. The 2RC's President
 * presided both its parts and its preparatory meetings (the file's note).
 */
export function presidentsFromCsv(csv: string): Map<string, string> {
	const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
	const out = new Map<string, string>();
	for (const r of rows) {
		if (!r.president_name) continue;
		const who = r.president_title.startsWith('Ambassador')
			? `Ambassador ${r.president_name} of ${r.country}`
			: `${r.president_name} of ${r.country} (${r.president_title})`;
		const codes = r.meeting_code === '2RC' ? ['2RC-PM1', '2RC-PM2', '2RC-1', '2RC-2'] : [r.meeting_code];
		for (const code of codes) out.set(code, `${r.role.startsWith('Presided') ? 'Presided by' : 'President:'} ${who}.`);
	}
	return out;
}

type Programme = { day: number; from: string; to: string; items: string[] }[];

/** The 9MSP's plenaries, morning and afternoon, with the agenda items each takes up (reconstructed for the demo). */
const NINE_MSP_PROGRAMME: Programme = [
	{ day: 0, from: '10:00', to: '13:00', items: ['1', '2', '3', '4', '5', '6', '7'] },
	{ day: 0, from: '15:00', to: '18:00', items: ['7', '8 (a)'] },
	{ day: 1, from: '10:00', to: '13:00', items: ['8 (b)', '8 (c)'] },
	{ day: 1, from: '15:00', to: '18:00', items: ['8 (d)', '8 (e)', '8 (f)'] },
	{ day: 2, from: '10:00', to: '13:00', items: ['8 (g)', '8 (h)', '9', '10'] },
	{ day: 2, from: '15:00', to: '18:00', items: ['11', '12', '13', '14', '15'] }
];

/** The demonstration meeting's four days, Tuesday to Friday, a morning and an afternoon plenary each. */
const DEMO_PROGRAMME: Programme = [
	{ day: 0, from: '10:00', to: '13:00', items: ['1', '2', '3', '4', '5', '6', '7'] },
	{ day: 0, from: '15:00', to: '18:00', items: ['7'] },
	{ day: 1, from: '10:00', to: '13:00', items: ['8', '8 (a)', '8 (b)'] },
	{ day: 1, from: '15:00', to: '18:00', items: ['8 (c)'] },
	{ day: 2, from: '10:00', to: '13:00', items: ['8 (d)', '8 (e)'] },
	{ day: 2, from: '15:00', to: '18:00', items: ['8 (f)', '8 (g)', '8 (h)'] },
	{ day: 3, from: '10:00', to: '13:00', items: ['9', '10'] },
	{ day: 3, from: '15:00', to: '18:00', items: ['11', '12', '13', '14'] }
];

export interface MeetingTexts {
	meetingsCsv: string;
	presidenciesCsv: string;
	nineMspAgenda: string;
	demoAgenda: string;
}

function agendaOf(text: string, file: string) {
	const agenda = parseAgendaText(text);
	if (agenda.errors.length) throw new Error(`${file}: ${agenda.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
	return agenda.items;
}

/**
 * The demo: past meetings, the 9MSP with its agenda and plenary programme, and one upcoming meeting whose
 * registration and sponsorship windows are open on the day the app is first started. Only into an empty table.
 * Returns the demonstration meeting's id when it was created now, else null.
 */
export async function seedMeetings(db: Kysely<Database>, texts: MeetingTexts, today = new Date()): Promise<number | null> {
	const any = await db.selectFrom('meetings').select('id').limit(1).executeTakeFirst();
	if (any) return null;
	const now = nowIso();
	const nineMspAgenda = agendaOf(texts.nineMspAgenda, '9msp-agenda.txt');
	const demoAgenda = agendaOf(texts.demoAgenda, 'demo-agenda.txt');
	const presidents = presidentsFromCsv(texts.presidenciesCsv);
	// The 9MSP's President chaired its plenaries (he handed over to the 2RC's President during the Meeting).
	const nineMspChair = presidents.get('9MSP')?.replace(/^President: (.*)\.$/, '$1, President of the Meeting') ?? 'President of the Meeting';

	const seeds = meetingsFromCsv(texts.meetingsCsv);
	const day = today.toISOString().slice(0, 10);
	const start = tuesdayFrom(addDays(day, 75));
	const year = start.slice(0, 4);
	const demo: SeedMeeting = {
		code: '14MSP',
		title: 'Fourteenth Meeting of States Parties (demonstration)',
		kind: 'msp',
		start_date: start,
		end_date: addDays(start, 3),
		city: 'Geneva',
		country: 'Switzerland',
		time_zone: 'Europe/Zurich',
		symbol_prefix: `CCM/MSP/${year}`
	};

	return db.transaction().execute(async (trx) => {
		let demoId: number | null = null;
		for (const s of [...seeds, demo]) {
			const isDemo = s === demo;
			const is9 = s.code === '9MSP';
			const m = await trx
				.insertInto('meetings')
				.values({
					...s,
					slug: slugFromCode(s.code),
					venue: isDemo || is9 ? 'Palais des Nations' : null,
					description: isDemo
						? 'A demonstration meeting: its dates are set relative to the day this copy of the app was first started, so that registration and sponsorship are open and every flow can be tried.'
						: is9
							? `The Ninth Meeting of States Parties to the Convention on Cluster Munitions. ${presidents.get('9MSP') ?? ''} Agenda and programme reconstructed for demonstration from the usual MSP pattern.`.replace(
									'  ',
									' '
								)
							: (presidents.get(s.code) ?? null),
					registration_opens_at: isDemo ? localToUtc(`${addDays(day, -7)}T09:00`, s.time_zone) : null,
					registration_closes_at: isDemo ? localToUtc(`${addDays(start, -7)}T18:00`, s.time_zone) : null,
					capacity: isDemo ? 500 : null,
					sponsorship_deadline: isDemo ? localToUtc(`${addDays(day, 30)}T18:00`, s.time_zone) : null,
					status: 'published',
					published_at: now,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (isDemo) {
				demoId = m.id;
				// Demonstration figures, not the programme's real budget or allowance (neither was found in a source).
				await trx
					.insertInto('sponsorship_programmes')
					.values({
						meeting_id: m.id,
						budget_centimes: 15_000_000,
						dsa_centimes: 36_000,
						default_nights: 5,
						places_per_state: 1,
						opens_at: null,
						closes_at: null,
						offer_response_days: 7,
						criteria_version: null,
						updated_at: now
					})
					.execute();
			}
			if (!isDemo && !is9) continue;

			const agenda = isDemo ? demoAgenda : nineMspAgenda;
			await trx
				.insertInto('agenda_items')
				.values(agenda.map((a, position) => ({ meeting_id: m.id, position, number: a.number, sub_number: a.subNumber, title: a.title, updated_at: now })))
				.execute();
			const items = await trx.selectFrom('agenda_items').select(['id', 'number', 'sub_number']).where('meeting_id', '=', m.id).execute();
			const byLabel = new Map(items.map((i) => [i.sub_number ? `${i.number} (${i.sub_number})` : i.number, i.id]));
			for (const [i, p] of (isDemo ? DEMO_PROGRAMME : NINE_MSP_PROGRAMME).entries()) {
				const date = addDays(s.start_date, p.day);
				const session = await trx
					.insertInto('meeting_sessions')
					.values({
						meeting_id: m.id,
						title: `${i % 2 === 0 ? 'Morning' : 'Afternoon'} plenary`,
						starts_at: localToUtc(`${date}T${p.from}`, s.time_zone)!,
						ends_at: localToUtc(`${date}T${p.to}`, s.time_zone)!,
						room: 'Room XIX',
						chair: is9 ? nineMspChair : 'President of the Meeting',
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				const ids = p.items.map((l) => byLabel.get(l)).filter((x): x is number => x !== undefined);
				if (ids.length)
					await trx
						.insertInto('session_agenda_items')
						.values(ids.map((agenda_item_id) => ({ session_id: session.id, agenda_item_id })))
						.execute();
			}
		}
		return demoId;
	});
}
