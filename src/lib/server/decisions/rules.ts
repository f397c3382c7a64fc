// Pure rules of the decisions area: who may read a meeting's outcomes, when an owner is reminded, and how the
// follow-up report groups a meeting's outcomes. No database, no framework: unit-tested in rules.test.ts.
import type { MeetingKind, MeetingStatus, OutcomeKind, Role, TaskOwnerKind, TaskStatus } from '../db';

export const OUTCOME_KINDS: readonly OutcomeKind[] = ['decision', 'recommendation', 'action_point'];
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = { decision: 'Decision', recommendation: 'Recommendation', action_point: 'Action point' };
export const OWNER_KINDS: readonly TaskOwnerKind[] = ['isu', 'presidency', 'coordinator', 'organization', 'person'];
export const OWNER_KIND_LABELS: Record<TaskOwnerKind, string> = {
	isu: 'The ISU',
	presidency: 'The Presidency',
	coordinator: 'A Coordinator',
	organization: 'A State or organisation',
	person: 'A person with an account'
};
export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'in_progress', 'done', 'dropped'];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' };

/** Meetings whose outcomes are the Convention's public record once the meeting is published. */
const FORMAL: readonly MeetingKind[] = ['msp', 'review_conference', 'intersessional', 'preparatory_meeting', 'diplomatic_conference'];

export type Audience = 'public' | 'committee' | 'staff';

/**
 * Formal meetings' outcomes are public once the meeting is published; the Coordination Committee's are for its
 * members; anything else (workshops, informal meetings, drafts) for staff.
 */
export function outcomeAudience(meeting: { kind: MeetingKind; status: MeetingStatus }): Audience {
	if (meeting.status === 'draft') return 'staff';
	if (meeting.kind === 'coordination_committee') return 'committee';
	return FORMAL.includes(meeting.kind) ? 'public' : 'staff';
}

export function canRead(audience: Audience, role: Role | null): boolean {
	if (role === 'staff') return true;
	if (audience === 'public') return true;
	return audience === 'committee' && role === 'cc_member';
}

export function isClosed(status: TaskStatus): boolean {
	return status === 'done' || status === 'dropped';
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const REMINDER_DAYS = 7;
export type Reminder = 'week' | 'overdue';

/**
 * The reminder a task is due today, if any: one in the week before its due date, one once it is overdue; each at
 * most once (the `reminded_*` stamps), none for a closed task. An overdue task never gets the "due in a week" one late.
 */
export function reminderDue(
	task: { due_date: string; status: TaskStatus; reminded_week_at: string | null; reminded_overdue_at: string | null },
	today: string
): Reminder | null {
	if (isClosed(task.status)) return null;
	const left = daysBetween(today, task.due_date);
	if (left < 0) return task.reminded_overdue_at ? null : 'overdue';
	if (left <= REMINDER_DAYS && !task.reminded_week_at) return 'week';
	return null;
}

export function isOverdue(task: { due_date: string; status: TaskStatus }, today: string): boolean {
	return !isClosed(task.status) && task.due_date < today;
}

/**
 * The day a follow-up report is as at: the first day of the meeting it is for, or today while that day is to come
 * (a report prepared ahead shows where things stand now).
 */
export function reportDay(meetingStart: string, today: string): string {
	return meetingStart < today ? meetingStart : today;
}

/**
 * A task's status at the start of `day` (UTC): the last status a note set before then, else open. A task whose status
 * was set with no dated note (data older than task_notes.status) counts from its last change, `updated_at`.
 */
export function statusAsAt(task: { status: TaskStatus; updated_at: string }, changes: readonly { at: string; status: TaskStatus }[], day: string): TaskStatus {
	const start = Date.parse(`${day}T00:00:00Z`);
	if (!changes.length) return task.status === 'open' || Date.parse(task.updated_at) < start ? task.status : 'open';
	let status: TaskStatus = 'open';
	let latest = -Infinity;
	for (const c of changes) {
		const at = Date.parse(c.at);
		if (at < start && at >= latest) [status, latest] = [c.status, at];
	}
	return status;
}

export interface ReportTask {
	id: number;
	what: string;
	owner: string;
	due_date: string;
	/** As at the report's day. */
	status: TaskStatus;
	/** Today, when it differs the report says so. */
	status_now: TaskStatus;
}
export interface ReportOutcome {
	id: number;
	number: string;
	kind: OutcomeKind;
	text: string;
	agenda_label: string | null;
	tasks: ReportTask[];
}
export type OutcomeState = 'no_tasks' | 'done' | 'in_progress' | 'overdue' | 'open';

/** One line of the follow-up report: done when every task is closed and at least one done; overdue wins over open. */
export function outcomeState(tasks: Pick<ReportTask, 'status' | 'due_date'>[], today: string): OutcomeState {
	if (!tasks.length) return 'no_tasks';
	if (tasks.every((t) => isClosed(t.status))) return tasks.some((t) => t.status === 'done') ? 'done' : 'no_tasks';
	if (tasks.some((t) => isOverdue(t, today))) return 'overdue';
	return tasks.some((t) => t.status === 'in_progress') ? 'in_progress' : 'open';
}

export interface ReportGroup {
	agenda_label: string | null;
	outcomes: (ReportOutcome & { state: OutcomeState })[];
}

/** Outcomes grouped by agenda item in the order given (the agenda's), outcomes without an item last. */
export function groupReport(outcomes: ReportOutcome[], today: string): { groups: ReportGroup[]; counts: Record<OutcomeState, number> } {
	const counts: Record<OutcomeState, number> = { no_tasks: 0, done: 0, in_progress: 0, overdue: 0, open: 0 };
	const byItem = new Map<string | null, ReportGroup>();
	for (const o of outcomes) {
		const state = outcomeState(o.tasks, today);
		counts[state]++;
		let g = byItem.get(o.agenda_label);
		if (!g) byItem.set(o.agenda_label, (g = { agenda_label: o.agenda_label, outcomes: [] }));
		g.outcomes.push({ ...o, state });
	}
	const groups = [...byItem.values()];
	groups.sort((a, b) => Number(a.agenda_label === null) - Number(b.agenda_label === null));
	return { groups, counts };
}

/** The words an owner's name is made of, in one language (the area's front door supplies them from messages). */
export interface OwnerWords {
	isu: string;
	presidency: string;
	coordinator: string;
	coordinatorNamed: (name: string) => string;
	organization: string;
	person: string;
}

export const ENGLISH_OWNER_WORDS: OwnerWords = {
	isu: 'ISU',
	presidency: 'Presidency',
	coordinator: 'Coordinator',
	coordinatorNamed: (name) => `Coordinator: ${name}`,
	organization: 'State or organisation',
	person: 'Person'
};

/** The owner as a reader sees it, e.g. "Coordinator: Ana Demo (victim assistance)". */
export function ownerName(
	t: { owner_kind: TaskOwnerKind; owner_label: string | null; organization_name?: string | null; user_name?: string | null },
	words: OwnerWords = ENGLISH_OWNER_WORDS
): string {
	const names: Record<TaskOwnerKind, string> = {
		isu: words.isu,
		presidency: words.presidency,
		coordinator: t.user_name ? words.coordinatorNamed(t.user_name) : words.coordinator,
		organization: t.organization_name ?? words.organization,
		person: t.user_name ?? words.person
	};
	return names[t.owner_kind] + (t.owner_label ? ` (${t.owner_label})` : '');
}

/** A CSV cell that a spreadsheet will not run as a formula. */
export function csvCell(v: string | number | null): string {
	let s = v === null ? '' : String(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
