// Reads of the decisions area. Outcomes and their tasks are two queries joined in memory (never one per row).
import { sql } from 'kysely';
import { titleIn, type Db, type Meeting, type OutcomeKind, type TaskOwnerKind, type TaskStatus } from '../db';
import { formatAgendaNumber } from '../meetings';
import type { FollowUpFilter } from './forms';
import { ownerName, statusAsAt, type OwnerWords, type ReportOutcome } from './rules';
import { m } from '$lib/paraglide/messages';
import { stateName } from '$lib/state-names';

export interface OutcomeView {
	id: number;
	number: string;
	symbol: string | null;
	kind: OutcomeKind;
	text: string;
	illustrative: number;
	source: string | null;
	agenda_item_id: number | null;
	agenda_label: string | null;
	agenda_title: string | null;
	/** The language of agenda_title: the page's, or English where the item is not translated. */
	agendaTitleLang: string | null;
}

export interface TaskView {
	id: number;
	outcome_id: number;
	what: string;
	owner_kind: TaskOwnerKind;
	owner_user_id: number | null;
	owner: string;
	due_date: string;
	status: TaskStatus;
	drop_reason: string | null;
	illustrative: number;
	meeting_code: string;
	meeting_slug: string;
	outcome_number: string;
	owner_email: string | null;
}

/** A meeting's outcomes in agenda order; those without an agenda item last. */
export async function meetingOutcomes(db: Db, meetingId: number): Promise<OutcomeView[]> {
	const rows = await db
		.selectFrom('outcomes as o')
		.leftJoin('agenda_items as a', 'a.id', 'o.agenda_item_id')
		.select([
			'o.id',
			'o.number',
			'o.symbol',
			'o.kind',
			'o.text',
			'o.illustrative',
			'o.source',
			'o.agenda_item_id',
			'a.number as a_number',
			'a.sub_number as a_sub',
			'a.title as agenda_title',
			'a.title_fr as agenda_title_fr',
			'a.title_es as agenda_title_es'
		])
		.where('o.meeting_id', '=', meetingId)
		.orderBy(sql`case when a.position is null then 1 else 0 end`)
		.orderBy('a.position')
		.orderBy('o.id')
		.execute();
	// The item's title in the page's language (English where not translated), with its language.
	return rows.map(({ a_number, a_sub, agenda_title, agenda_title_fr, agenda_title_es, ...r }) => {
		const shown = agenda_title === null ? null : titleIn({ title: agenda_title, title_fr: agenda_title_fr, title_es: agenda_title_es });
		return {
			...r,
			agenda_title: shown?.title ?? null,
			agendaTitleLang: shown?.titleLang ?? null,
			agenda_label: a_number === null ? null : formatAgendaNumber(a_number, a_sub)
		};
	});
}

/** An outcome with the meeting it belongs to, for its staff page. */
export function outcomeWithMeeting(db: Db, id: number) {
	return db
		.selectFrom('outcomes as o')
		.innerJoin('meetings as m', 'm.id', 'o.meeting_id')
		.select(['o.id', 'o.meeting_id', 'o.number', 'o.symbol', 'o.agenda_item_id', 'o.kind', 'o.text', 'm.slug as meeting_slug', 'm.code as meeting_code'])
		.where('o.id', '=', id)
		.executeTakeFirst();
}

export function getOutcome(db: Db, meetingId: number, id: number) {
	return db.selectFrom('outcomes').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

function taskQuery(db: Db) {
	return db
		.selectFrom('tasks as t')
		.innerJoin('outcomes as o', 'o.id', 't.outcome_id')
		.innerJoin('meetings as m', 'm.id', 'o.meeting_id')
		.leftJoin('organizations as org', 'org.id', 't.owner_organization_id')
		.leftJoin('users as u', 'u.id', 't.owner_user_id')
		.select([
			't.id',
			't.outcome_id',
			't.what',
			't.owner_kind',
			't.owner_user_id',
			't.owner_label',
			't.due_date',
			't.status',
			't.drop_reason',
			't.illustrative',
			'm.code as meeting_code',
			'm.slug as meeting_slug',
			'm.start_date as meeting_start',
			'o.number as outcome_number',
			'org.name as organization_name',
			'org.iso3 as organization_iso3',
			'u.given_name',
			'u.family_name',
			'u.email as owner_email'
		]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number];

/** Owner words in the request's language (work outside a request runs in English). */
function ownerWords(): OwnerWords {
	return {
		isu: m.srv_task_owner_isu(),
		presidency: m.srv_task_owner_presidency(),
		coordinator: m.srv_task_owner_coordinator(),
		coordinatorNamed: (name) => m.srv_task_owner_coordinator_named({ name }),
		organization: m.srv_task_owner_organization(),
		person: m.srv_task_owner_person()
	};
}

function toView({ given_name, family_name, organization_name, organization_iso3, owner_label, meeting_start: _s, ...r }: TaskRow): TaskView {
	const user_name = [given_name, family_name].filter(Boolean).join(' ') || r.owner_email;
	// A state is named as the page's language names it ("Allemagne"); organisations keep their recorded name.
	const organization = organization_name ? stateName(organization_name, organization_iso3) : organization_name;
	return {
		...r,
		owner: ownerName({ owner_kind: r.owner_kind, owner_label, organization_name: organization, user_name: r.owner_user_id ? user_name : null }, ownerWords())
	};
}

export async function outcomeTasks(db: Db, outcomeIds: number[]): Promise<TaskView[]> {
	if (!outcomeIds.length) return [];
	const rows = await taskQuery(db).where('t.outcome_id', 'in', outcomeIds).orderBy('t.due_date').orderBy('t.id').execute();
	return rows.map(toView);
}

export const FOLLOW_UP_LIMIT = 500;

/** The staff follow-up list: open tasks (or all), filtered; at most FOLLOW_UP_LIMIT rows. */
export async function followUpTasks(db: Db, f: FollowUpFilter, today: string): Promise<TaskView[]> {
	let q = taskQuery(db);
	if (!f.all) q = q.where('t.status', 'in', ['open', 'in_progress']);
	if (f.owner) q = q.where('t.owner_kind', '=', f.owner as TaskOwnerKind);
	if (f.meeting) q = q.where('m.slug', '=', f.meeting);
	if (f.due_before) q = q.where('t.due_date', '<', f.due_before);
	if (f.overdue) q = q.where('t.due_date', '<', today).where('t.status', 'in', ['open', 'in_progress']);
	const rows = await q.orderBy('t.due_date').orderBy('t.id').limit(FOLLOW_UP_LIMIT).execute();
	return rows.map(toView);
}

/** The tasks a person owns (as a person or as a named Coordinator). */
export async function tasksOwnedBy(db: Db, userId: number): Promise<TaskView[]> {
	const rows = await taskQuery(db)
		.where('t.owner_user_id', '=', userId)
		.orderBy(sql`case when t.status in ('done', 'dropped') then 1 else 0 end`)
		.orderBy('t.due_date')
		.execute();
	return rows.map(toView);
}

/** Tasks owned by Coordination Committee members or by a Coordinator, open first: what /committee shows. */
export async function committeeTasks(db: Db): Promise<TaskView[]> {
	const rows = await taskQuery(db)
		.where((eb) => eb.or([eb('t.owner_kind', '=', 'coordinator'), eb('u.role', '=', 'cc_member')]))
		.where('t.status', 'in', ['open', 'in_progress'])
		.orderBy('t.due_date')
		.limit(200)
		.execute();
	return rows.map(toView);
}

export function taskNotes(db: Db, taskIds: number[]) {
	if (!taskIds.length) return Promise.resolve([]);
	return db
		.selectFrom('task_notes')
		.select(['id', 'task_id', 'at', 'author_email', 'text'])
		.where('task_id', 'in', taskIds)
		.orderBy('at')
		.orderBy('id')
		.execute();
}

/** The meeting before this one whose outcomes it follows up: the previous committee meeting, or the previous formal one. */
export function previousMeeting(db: Db, meeting: Pick<Meeting, 'kind' | 'start_date' | 'id'>) {
	const kinds = meeting.kind === 'coordination_committee' ? ['coordination_committee' as const] : (['msp', 'review_conference'] as const);
	return db
		.selectFrom('meetings')
		.select(['id', 'code', 'slug', 'title', 'kind', 'status', 'start_date'])
		.where('kind', 'in', [...kinds])
		.where('start_date', '<', meeting.start_date)
		.where('id', '!=', meeting.id)
		.where('status', '!=', 'draft')
		.orderBy('start_date', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** The outcomes of a meeting with their tasks, each task's status as it stood at the start of `day`. */
export async function reportOutcomes(db: Db, meetingId: number, day: string): Promise<ReportOutcome[]> {
	const outcomes = await meetingOutcomes(db, meetingId);
	const tasks = await outcomeTasks(
		db,
		outcomes.map((o) => o.id)
	);
	const ids = tasks.map((t) => t.id);
	const [stamps, changes] = ids.length
		? await Promise.all([
				db.selectFrom('tasks').select(['id', 'updated_at']).where('id', 'in', ids).execute(),
				db.selectFrom('task_notes').select(['task_id', 'at', 'status']).where('task_id', 'in', ids).where('status', 'is not', null).execute()
			])
		: [[], []];
	const asAt = (t: TaskView) =>
		statusAsAt(
			{ status: t.status, updated_at: stamps.find((s) => s.id === t.id)?.updated_at ?? '' },
			changes.filter((c) => c.task_id === t.id).map((c) => ({ at: c.at, status: c.status! })),
			day
		);
	return outcomes.map((o) => ({
		id: o.id,
		number: o.number,
		kind: o.kind,
		text: o.text,
		agenda_label: o.agenda_label === null ? null : `${o.agenda_label}. ${o.agenda_title}`,
		tasks: tasks
			.filter((t) => t.outcome_id === o.id)
			.map((t) => ({ id: t.id, what: t.what, owner: t.owner, due_date: t.due_date, status: asAt(t), status_now: t.status }))
	}));
}

/** Who a task may be given to: States and organisations, and people with accounts (not delegates: they own nothing). */
export async function ownerChoices(db: Db) {
	const [organizations, people] = await Promise.all([
		db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute(),
		db
			.selectFrom('users')
			.select(['id', 'email', 'given_name', 'family_name', 'role'])
			.where('role', 'in', ['staff', 'cc_member', 'focal_point'])
			.orderBy('family_name')
			.orderBy('email')
			.limit(1000)
			.execute()
	]);
	return {
		organizations,
		people: people.map((p) => ({
			id: p.id,
			role: p.role,
			label: `${[p.given_name, p.family_name].filter(Boolean).join(' ') || p.email} (${p.role.replace('_', ' ')})`
		}))
	};
}

export function minutesOf(db: Db, meetingId: number) {
	return db.selectFrom('meeting_minutes').select(['text', 'illustrative', 'updated_at']).where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** Committee meetings from today on (and the last one before), with their papers. */
export async function committeeMeetings(db: Db, today: string, staff: boolean) {
	let q = db.selectFrom('meetings').select(['id', 'code', 'slug', 'title', 'start_date', 'end_date', 'status']).where('kind', '=', 'coordination_committee');
	if (!staff) q = q.where('status', '!=', 'draft');
	const meetings = await q.orderBy('start_date', 'desc').limit(50).execute();
	const upcoming = meetings.filter((m) => m.end_date >= today).reverse();
	const past = meetings.filter((m) => m.end_date < today).slice(0, 5);
	const ids = [...upcoming, ...past].map((m) => m.id);
	const papers = ids.length
		? await db
				.selectFrom('documents')
				.select(['id', 'meeting_id', 'symbol', 'title', 'distribution'])
				.where('meeting_id', 'in', ids)
				.where('status', '=', 'published')
				.orderBy('symbol')
				.execute()
		: [];
	const withPapers = <M extends { id: number }>(m: M) => ({ ...m, papers: papers.filter((p) => p.meeting_id === m.id) });
	return { upcoming: upcoming.map(withPapers), past: past.map(withPapers) };
}
