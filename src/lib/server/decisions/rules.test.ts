import { describe, expect, it } from 'vitest';
import { canRead, csvCell, groupReport, outcomeAudience, outcomeState, ownerName, reminderDue, reportDay, statusAsAt, type ReportOutcome } from './rules';

const task = (due_date: string, over: Partial<Parameters<typeof reminderDue>[0]> = {}) => ({
	due_date,
	status: 'open' as const,
	reminded_week_at: null,
	reminded_overdue_at: null,
	...over
});

describe('reminderDue', () => {
	it('reminds a week before the due date, not earlier', () => {
		expect(reminderDue(task('2026-12-08'), '2026-12-01')).toBe('week');
		expect(reminderDue(task('2026-12-09'), '2026-12-01')).toBeNull();
		expect(reminderDue(task('2026-12-01'), '2026-12-01')).toBe('week');
	});
	it('reminds once the task is overdue, and each reminder only once', () => {
		expect(reminderDue(task('2026-11-30'), '2026-12-01')).toBe('overdue');
		expect(reminderDue(task('2026-12-05', { reminded_week_at: '2026-11-29T00:00:00Z' }), '2026-12-01')).toBeNull();
		expect(reminderDue(task('2026-11-30', { reminded_week_at: '2026-11-23T00:00:00Z', reminded_overdue_at: '2026-12-01T00:00:00Z' }), '2026-12-02')).toBeNull();
	});
	it('an overdue task never gets the week reminder late, and closed tasks get none', () => {
		expect(reminderDue(task('2026-11-01'), '2026-12-01')).toBe('overdue');
		expect(reminderDue(task('2026-11-01', { status: 'done' }), '2026-12-01')).toBeNull();
		expect(reminderDue(task('2026-12-03', { status: 'dropped' }), '2026-12-01')).toBeNull();
	});
});

describe('follow-up report', () => {
	const t = (status: 'open' | 'in_progress' | 'done' | 'dropped', due_date = '2027-01-01') => ({
		id: 1,
		what: 'x',
		owner: 'ISU',
		due_date,
		status,
		status_now: status
	});
	it('states: done only when every task is closed and one is done; overdue before open', () => {
		expect(outcomeState([], '2026-12-01')).toBe('no_tasks');
		expect(outcomeState([t('done'), t('dropped')], '2026-12-01')).toBe('done');
		expect(outcomeState([t('done'), t('open')], '2026-12-01')).toBe('open');
		expect(outcomeState([t('in_progress'), t('open', '2026-11-01')], '2026-12-01')).toBe('overdue');
		expect(outcomeState([t('in_progress')], '2026-12-01')).toBe('in_progress');
	});
	it('groups by agenda item in the order given, outcomes without an item last, and counts states', () => {
		const o = (id: number, agenda_label: string | null, tasks: ReportOutcome['tasks']): ReportOutcome => ({
			id,
			number: `para. ${id}`,
			kind: 'decision',
			text: 't',
			agenda_label,
			tasks
		});
		const { groups, counts } = groupReport(
			[o(1, null, []), o(2, '12. Extensions', [t('done')]), o(3, '14. ISU', [t('open')]), o(4, '12. Extensions', [t('open', '2026-01-01')])],
			'2026-12-01'
		);
		expect(groups.map((g) => [g.agenda_label, g.outcomes.map((x) => x.state)])).toEqual([
			['12. Extensions', ['done', 'overdue']],
			['14. ISU', ['open']],
			[null, ['no_tasks']]
		]);
		expect(counts).toEqual({ no_tasks: 1, done: 1, in_progress: 0, overdue: 1, open: 1 });
	});
});

describe('task status as at the report’s day', () => {
	const done = { status: 'done' as const, updated_at: '2026-03-05T09:00:00.000Z' };
	const changes = [
		{ at: '2026-02-01T10:00:00.000Z', status: 'in_progress' as const },
		{ at: '2026-03-05T09:00:00.000Z', status: 'done' as const }
	];
	it('a task done after the day shows as it stood then: open before any change, in progress after the first', () => {
		expect(statusAsAt(done, changes, '2026-01-15')).toBe('open');
		expect(statusAsAt(done, changes, '2026-02-01')).toBe('open');
		expect(statusAsAt(done, changes, '2026-02-02')).toBe('in_progress');
		expect(statusAsAt(done, changes, '2026-03-05')).toBe('in_progress');
		expect(statusAsAt(done, changes, '2026-03-06')).toBe('done');
	});
	it('takes the latest change before the day whatever the order given; dropped counts like done', () => {
		expect(statusAsAt(done, [...changes].reverse(), '2026-04-01')).toBe('done');
		const dropped = { status: 'dropped' as const, updated_at: '2026-05-01T00:00:00.000Z' };
		expect(statusAsAt(dropped, [{ at: '2026-05-01T00:00:00.000Z', status: 'dropped' }], '2026-05-02')).toBe('dropped');
		expect(statusAsAt(dropped, [{ at: '2026-05-01T00:00:00.000Z', status: 'dropped' }], '2026-05-01')).toBe('open');
	});
	it('a task closed with no dated change counts from its last update; an open one is open', () => {
		expect(statusAsAt(done, [], '2026-03-05')).toBe('open');
		expect(statusAsAt(done, [], '2026-03-06')).toBe('done');
		expect(statusAsAt({ status: 'open', updated_at: '2030-01-01T00:00:00.000Z' }, [], '2026-01-01')).toBe('open');
	});
	it('the report is as at the meeting’s first day, or today while that day is to come; overdue is judged on that day', () => {
		expect(reportDay('2020-11-25', '2026-11-29')).toBe('2020-11-25');
		expect(reportDay('2027-09-01', '2026-11-29')).toBe('2026-11-29');
		const late = { id: 1, what: 'x', owner: 'ISU', due_date: '2026-02-15', status: statusAsAt(done, changes, '2026-03-01'), status_now: 'done' as const };
		const o: ReportOutcome = { id: 1, number: '1', kind: 'decision', text: 't', agenda_label: null, tasks: [late] };
		expect(groupReport([o], '2026-03-01').counts.overdue).toBe(1);
		expect(groupReport([{ ...o, tasks: [{ ...late, status: statusAsAt(done, changes, '2026-04-01') }] }], '2026-04-01').counts.done).toBe(1);
	});
});

describe('who reads outcomes', () => {
	it('formal meetings are public once published; committee meetings for members; drafts and others for staff', () => {
		expect(outcomeAudience({ kind: 'msp', status: 'published' })).toBe('public');
		expect(outcomeAudience({ kind: 'msp', status: 'draft' })).toBe('staff');
		expect(outcomeAudience({ kind: 'coordination_committee', status: 'closed' })).toBe('committee');
		expect(outcomeAudience({ kind: 'workshop', status: 'published' })).toBe('staff');
		expect(canRead('committee', 'cc_member')).toBe(true);
		expect(canRead('committee', 'delegate')).toBe(false);
		expect(canRead('committee', null)).toBe(false);
		expect(canRead('staff', 'cc_member')).toBe(false);
		expect(canRead('public', null)).toBe(true);
	});
});

describe('ownerName and csvCell', () => {
	it('names owners with the words it is given (a page in another language)', () => {
		const fr = {
			isu: 'ISU',
			presidency: 'Présidence',
			coordinator: 'Coordonnateur',
			coordinatorNamed: (n: string) => `Coordonnateur : ${n}`,
			organization: 'État ou organisation',
			person: 'Personne'
		};
		expect(ownerName({ owner_kind: 'presidency', owner_label: null }, fr)).toBe('Présidence');
		expect(ownerName({ owner_kind: 'coordinator', owner_label: 'assistance aux victimes', user_name: 'Ana Demo' }, fr)).toBe(
			'Coordonnateur : Ana Demo (assistance aux victimes)'
		);
		expect(ownerName({ owner_kind: 'organization', owner_label: null, organization_name: null }, fr)).toBe('État ou organisation');
	});
	it('names owners and neutralises formulas', () => {
		expect(ownerName({ owner_kind: 'coordinator', owner_label: 'victim assistance', user_name: 'Ana Demo' })).toBe('Coordinator: Ana Demo (victim assistance)');
		expect(ownerName({ owner_kind: 'organization', owner_label: null, organization_name: 'Germany' })).toBe('Germany');
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('a, "b"')).toBe('"a, ""b"""');
	});
});
