import { describe, expect, it } from 'vitest';
import { canRead, csvCell, groupReport, outcomeAudience, outcomeState, ownerName, reminderDue, type ReportOutcome } from './rules';

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
	const t = (status: 'open' | 'in_progress' | 'done' | 'dropped', due_date = '2027-01-01') => ({ id: 1, what: 'x', owner: 'ISU', due_date, status });
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
	it('names owners and neutralises formulas', () => {
		expect(ownerName({ owner_kind: 'coordinator', owner_label: 'victim assistance', user_name: 'Ana Demo' })).toBe('Coordinator: Ana Demo (victim assistance)');
		expect(ownerName({ owner_kind: 'organization', owner_label: null, organization_name: 'Germany' })).toBe('Germany');
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('a, "b"')).toBe('"a, ""b"""');
	});
});
