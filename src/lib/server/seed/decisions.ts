import type { Kysely } from 'kysely';
import type { Database, OutcomeKind, TaskOwnerKind, TaskStatus } from '../db';
import { nowIso } from '../time';

// The 9MSP's outcomes that the sources in shared/data give, with the tasks that followed, and a demonstration
// Coordination Committee meeting. Sourced facts carry their source; anything made up for the demo has illustrative = 1.
// The final report's paragraph numbers are not in the sources: outcomes are numbered (a), (b)… for the demo, and say so.

interface SeedTask {
	what: string;
	owner_kind: TaskOwnerKind;
	org?: string;
	owner_label?: string;
	due_date: string;
	status: TaskStatus;
	illustrative: 0 | 1;
	note?: string;
	/** When the note set the status (illustrative where the sources give no date); the follow-up report reads it. */
	status_at?: string;
}
interface SeedOutcome {
	number: string;
	item: string;
	symbol: string | null;
	kind: OutcomeKind;
	text: string;
	source: string;
	illustrative: 0 | 1;
	tasks: SeedTask[];
}

const NUMBERING = 'numbering (a)–(e) is the demo’s: the final report’s paragraph numbers are not in the sources';

const NINE_MSP: SeedOutcome[] = [
	{
		number: '(a)',
		item: '9',
		symbol: null,
		kind: 'decision',
		text: 'The Meeting granted the request of Bulgaria to extend its deadline under Article 3 (stockpile destruction) by 18 months, from 1 October 2019 to 1 April 2021 (the first Article 3 extension under the Convention). Analysis: CCM/MSP/2019/10.',
		source: `shared/data/article-3-4-extensions.csv (Cluster Munition Monitor); ${NUMBERING}`,
		illustrative: 0,
		tasks: [
			{
				what: 'Complete the destruction of stockpiled cluster munitions by 1 April 2021.',
				owner_kind: 'organization',
				org: 'Bulgaria',
				due_date: '2021-04-01',
				status: 'done',
				illustrative: 0,
				note: 'Sourced: a further extension to 31 December 2023 was granted at the 10MSP; Bulgaria completed stockpile destruction in June 2023 (Cluster Munition Monitor 2023).',
				status_at: '2023-06-30T12:00:00.000Z'
			}
		]
	},
	{
		number: '(b)',
		item: '9',
		symbol: null,
		kind: 'decision',
		text: 'The Meeting granted the request of Germany to extend its deadline under Article 4 (clearance) by five years, from 1 August 2020 to 1 August 2025 (former Soviet training area at Wittstock).',
		source: `shared/data/article-3-4-extensions.csv (ISU country profile; rbb24); ${NUMBERING}`,
		illustrative: 0,
		tasks: [
			{
				what: 'Complete the clearance of cluster munition remnants by 1 August 2025.',
				owner_kind: 'organization',
				org: 'Germany',
				due_date: '2025-08-01',
				status: 'in_progress',
				illustrative: 0,
				note: 'Sourced: at the 12MSP (2024) Germany requested a further five-year interim extension to 1 August 2030 (analysis CCM/MSP/2024/5); the decision is not in the sources.',
				status_at: '2019-09-04T12:00:00.000Z'
			}
		]
	},
	{
		number: '(c)',
		item: '9',
		symbol: null,
		kind: 'decision',
		text: 'The Meeting granted the request of the Lao People’s Democratic Republic to extend its deadline under Article 4 (clearance) by five years, from 1 August 2020 to 1 August 2025.',
		source: `shared/data/article-3-4-extensions.csv (Mine Action Review); ${NUMBERING}`,
		illustrative: 0,
		tasks: [
			{
				what: 'Complete the clearance of cluster munition remnants by 1 August 2025.',
				owner_kind: 'organization',
				org: "Lao People's Democratic Republic",
				due_date: '2025-08-01',
				status: 'in_progress',
				illustrative: 0,
				note: 'Sourced: a further request was considered at the 12MSP (analysis CCM/MSP/2024/6); the requested date and the outcome are not in the sources.',
				status_at: '2019-09-04T12:00:00.000Z'
			}
		]
	},
	{
		number: '(d)',
		item: '10',
		symbol: null,
		kind: 'decision',
		text: 'The Meeting took up the Implementation Support Unit’s 2020 work plan and budget (CCM/MSP/2019/2).',
		source: `shared/data/9msp-documents.csv (the document); the wording of the decision is not in the sources; ${NUMBERING}`,
		illustrative: 0,
		tasks: [
			{
				what: 'Carry out the 2020 work plan and report on it to the next Meeting of States Parties.',
				owner_kind: 'isu',
				due_date: '2020-11-23',
				status: 'done',
				illustrative: 1,
				note: 'Illustrative note for the demonstration.',
				status_at: '2020-11-20T12:00:00.000Z'
			}
		]
	},
	{
		number: '(e)',
		item: '11',
		symbol: null,
		kind: 'decision',
		text: 'During the Meeting the presidency passed to Ambassador Félix Baumann of Switzerland, President of the Second Review Conference.',
		source: `shared/data/presidencies.csv (WVCBL, CMC, FDFA); ${NUMBERING}`,
		illustrative: 0,
		tasks: [
			{
				what: 'Convene and prepare the Second Review Conference (planned for Lausanne, 23–27 November 2020).',
				owner_kind: 'presidency',
				owner_label: 'Switzerland',
				due_date: '2020-11-23',
				status: 'done',
				illustrative: 1,
				note: 'Sourced: held in two parts, virtually on 25–27 November 2020 and in Geneva on 20–21 September 2021 (meetings.csv; FDFA). The task itself is illustrative.',
				status_at: '2020-11-20T12:00:00.000Z'
			}
		]
	}
];

const MINUTES = `1. The Presidency opened the meeting and the agenda was adopted.
2. The Coordinators reported on their thematic areas.
3. The ISU presented the state of the sponsorship programme for the coming Meeting of States Parties.
4. Action points were agreed (see below).`;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDecisions(db: Kysely<Database>, today = new Date()): Promise<void> {
	if (await db.selectFrom('outcomes').select('id').limit(1).executeTakeFirst()) return;
	const now = nowIso();
	const day = today.toISOString().slice(0, 10);
	await db.transaction().execute(async (trx) => {
		const nine = await trx.selectFrom('meetings').select('id').where('code', '=', '9MSP').executeTakeFirst();
		if (nine) {
			const items = await trx.selectFrom('agenda_items').select(['id', 'number']).where('meeting_id', '=', nine.id).where('sub_number', 'is', null).execute();
			const orgs = await trx.selectFrom('organizations').select(['id', 'name']).execute();
			for (const o of NINE_MSP) {
				const { tasks, item, ...outcome } = o;
				const agenda_item_id = items.find((i) => i.number === item)?.id ?? null;
				const row = await trx
					.insertInto('outcomes')
					.values({ ...outcome, meeting_id: nine.id, agenda_item_id, created_at: now, updated_at: now })
					.returning('id')
					.executeTakeFirstOrThrow();
				for (const t of tasks) await insertTask(trx, row.id, t, orgs, now);
			}
		}
		// A past committee meeting with minutes and open action points, and the next one: both demonstration data.
		for (const [code, offset] of [
			['CC-DEMO-1', -21],
			['CC-DEMO-2', 21]
		] as const) {
			const date = addDays(day, offset);
			const m = await trx
				.insertInto('meetings')
				.values({
					code,
					slug: code.toLowerCase(),
					title: `Coordination Committee meeting ${code.slice(-1)} (demonstration)`,
					kind: 'coordination_committee',
					start_date: date,
					end_date: date,
					time_zone: 'Europe/Zurich',
					venue: null,
					city: 'Geneva',
					country: 'Switzerland',
					description: 'Illustrative: a demonstration Coordination Committee meeting.',
					registration_opens_at: null,
					registration_closes_at: null,
					capacity: null,
					sponsorship_deadline: null,
					symbol_prefix: null,
					status: 'published',
					published_at: now,
					delegation_cap: null,
					created_at: now,
					updated_at: now
				})
				.onConflict((oc) => oc.doNothing())
				.returning('id')
				.executeTakeFirst();
			if (!m || offset > 0) continue;
			await trx.insertInto('meeting_minutes').values({ meeting_id: m.id, text: MINUTES, illustrative: 1, updated_at: now, updated_by: null }).execute();
			const points: [string, SeedTask][] = [
				[
					'AP 1',
					{
						what: 'Circulate a draft of the victim assistance section of the progress report to the Committee.',
						owner_kind: 'coordinator',
						owner_label: 'victim assistance',
						due_date: addDays(day, 5),
						status: 'open',
						illustrative: 1
					}
				],
				[
					'AP 2',
					{ what: 'Propose dates for the next intersessional meeting.', owner_kind: 'isu', due_date: addDays(day, -2), status: 'open', illustrative: 1 }
				],
				[
					'AP 3',
					{
						what: 'Contact States not party ahead of the next Meeting of States Parties.',
						owner_kind: 'presidency',
						due_date: addDays(day, 30),
						status: 'in_progress',
						illustrative: 1
					}
				]
			];
			for (const [number, t] of points) {
				const row = await trx
					.insertInto('outcomes')
					.values({
						meeting_id: m.id,
						agenda_item_id: null,
						number,
						symbol: null,
						kind: 'action_point',
						text: t.what,
						illustrative: 1,
						source: null,
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				await insertTask(trx, row.id, t, [], now);
			}
		}
	});
}

async function insertTask(db: Kysely<Database>, outcomeId: number, t: SeedTask, orgs: { id: number; name: string }[], now: string) {
	const org = t.org ? orgs.find((o) => o.name === t.org) : undefined;
	if (t.org && !org) return;
	const row = await db
		.insertInto('tasks')
		.values({
			outcome_id: outcomeId,
			what: t.what,
			owner_kind: t.owner_kind,
			owner_organization_id: org?.id ?? null,
			owner_user_id: null,
			owner_label: t.owner_label ?? null,
			due_date: t.due_date,
			status: t.status,
			drop_reason: null,
			illustrative: t.illustrative,
			reminded_week_at: null,
			reminded_overdue_at: null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (t.note)
		await db
			.insertInto('task_notes')
			.values({
				task_id: row.id,
				at: t.status_at ?? now,
				author_user_id: null,
				author_email: null,
				text: t.note,
				status: t.status === 'open' ? null : t.status
			})
			.execute();
}
