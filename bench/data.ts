// The bench meeting, inserted into a database that the app has already migrated (and usually seeded).
// Also usable alone, for profiling by hand: `npx tsx bench/data.ts path/to/ccm.db`.
import { openSqlite } from '../src/lib/server/db/connect';
import { localToUtc } from '../src/lib/server/meetings/zoned-time';

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
	const handle = openSqlite(dbFile);
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

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.argv[2];
	if (!file) throw new Error('usage: tsx bench/data.ts path/to/ccm.db');
	await insertBenchMeeting(file);
	console.log(`Inserted the meeting '${BENCH_SLUG}' into ${file}`);
}
