import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { addNote, addOutcome, addTask } from '../../src/lib/server/decisions/store';
import { tasksOwnedBy } from '../../src/lib/server/decisions/queries';
import { sendTaskReminders } from '../../src/lib/server/decisions';
import { seedDemoData } from '../../src/lib/server/seed';
import { setHandle } from '../../src/lib/server/db';
import { runInLocale } from '../../src/lib/server/i18n';
import type { Meeting, Role } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { load as committeeMeetingLoad } from '../../src/routes/committee/meetings/[slug]/+page.server';
import { load as decisionsLoad } from '../../src/routes/meetings/[slug]/decisions/+page.server';
import { load as followUpLoad } from '../../src/routes/meetings/[slug]/follow-up/+page.server';

const ORIGIN = 'http://app.test';

function event(user: SessionUser | null, path: string, slug: string) {
	return { locals: { user, session: null }, params: { slug }, url: new URL(path, ORIGIN), setHeaders: () => {}, parent: async () => ({}) } as never;
}

async function status(p: unknown): Promise<number | 'ok'> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		return (e as { status: number }).status;
	}
}

describe.each(engines)('decisions and follow-up on %s', (engine) => {
	let t: TestDb;
	let msp: Meeting;
	const users = {} as Record<Role, SessionUser>;

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		await seedDemoData(t.db, new Date('2026-11-29T12:00:00Z'));
		msp = await t.db.selectFrom('meetings').selectAll().where('code', '=', '13MSP').executeTakeFirstOrThrow();
		for (const role of ['staff', 'cc_member', 'focal_point', 'delegate'] as Role[]) {
			const u = await createUser(t.db, { email: `${role}@example.org`, password: null, role, verified: true });
			users[role] = { id: u.id, email: u.email, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
		}
	});
	afterAll(async () => t.close());

	it('the demo: the 9MSP’s sourced outcomes, and the follow-up report of the 2RC lists them with their tasks', async () => {
		const nine = await t.db.selectFrom('meetings').select('id').where('code', '=', '9MSP').executeTakeFirstOrThrow();
		const outcomes = await t.db.selectFrom('outcomes').select(['text', 'illustrative', 'source']).where('meeting_id', '=', nine.id).execute();
		expect(outcomes.map((o) => o.text).join(' ')).toMatch(/Bulgaria.*Germany.*Lao.*CCM\/MSP\/2019\/2.*Switzerland/s);
		expect(outcomes.every((o) => o.source && o.illustrative === 0)).toBe(true);
		const report = (await followUpLoad(event(null, '/meetings/2rc-1/follow-up', '2rc-1'))) as {
			previous: { code: string };
			report: { groups: { outcomes: { state: string }[] }[] };
		};
		expect(report.previous.code).toBe('9MSP');
		expect(report.report.groups.flatMap((g) => g.outcomes.map((o) => o.state))).toContain('done');
	});

	it('task owners in the page language: a French or Spanish follow-up report names the Presidency and the states in its language', async () => {
		const load = (locale: 'fr' | 'es') =>
			runInLocale(locale, () => followUpLoad(event(null, `/${locale}/meetings/2rc-1/follow-up`, '2rc-1'))) as Promise<{
				report: { groups: { outcomes: { tasks: { owner: string }[] }[] }[] };
			}>;
		const owners = async (locale: 'fr' | 'es') => (await load(locale)).report.groups.flatMap((g) => g.outcomes.flatMap((o) => o.tasks.map((t) => t.owner)));
		const fr = await owners('fr');
		// The detail after the owner ("Switzerland") is text staff typed: it stays as written.
		expect(fr).toEqual(expect.arrayContaining(['Bulgarie', 'Allemagne', 'Laos', 'Présidence (Switzerland)', 'ISU']));
		expect(fr).not.toContain('Germany');
		expect(await owners('es')).toEqual(expect.arrayContaining(['Bulgaria', 'Alemania', 'Presidencia (Switzerland)']));
		const en = (await followUpLoad(event(null, '/meetings/2rc-1/follow-up', '2rc-1'))) as Awaited<ReturnType<typeof load>>;
		expect(en.report.groups.flatMap((g) => g.outcomes.flatMap((o) => o.tasks.map((t) => t.owner)))).toEqual(
			expect.arrayContaining(['Germany', 'Presidency (Switzerland)'])
		);
	});

	it('committee minutes and action points: members and staff only, 404 to everyone else', async () => {
		for (const role of ['cc_member', 'staff'] as Role[]) {
			const page = (await committeeMeetingLoad(event(users[role], '/committee/meetings/cc-demo-1', 'cc-demo-1'))) as {
				minutes: { text: string; illustrative: number };
				outcomes: unknown[];
			};
			expect(page.minutes).toMatchObject({ illustrative: 1, text: expect.stringMatching(/Action points were agreed/) });
			expect(page.outcomes.length).toBe(3);
		}
		expect(await status(committeeMeetingLoad(event(users.delegate, '/committee/meetings/cc-demo-1', 'cc-demo-1')))).toBe(404);
		expect(await status(committeeMeetingLoad(event(users.focal_point, '/committee/meetings/cc-demo-1', 'cc-demo-1')))).toBe(404);
		expect(await status(committeeMeetingLoad(event(null, '/committee/meetings/cc-demo-1', 'cc-demo-1')))).toBe(303);
		expect(await status(decisionsLoad(event(users.delegate, '/meetings/cc-demo-1/decisions', 'cc-demo-1')))).toBe(404);
		expect(await status(decisionsLoad(event(null, '/meetings/cc-demo-1/decisions', 'cc-demo-1')))).toBe(404);
		expect(await status(decisionsLoad(event(users.cc_member, '/meetings/cc-demo-1/decisions', 'cc-demo-1')))).toBe('ok');
		expect(await status(decisionsLoad(event(null, '/meetings/9msp/decisions', '9msp')))).toBe('ok');
		// The Committee's view of a staff-only meeting shows no outcome to a member.
		const workshop = await t.db
			.insertInto('meetings')
			.values({
				code: 'WS',
				slug: 'ws',
				title: 'Workshop',
				kind: 'workshop',
				start_date: '2026-01-10',
				end_date: '2026-01-10',
				time_zone: 'Europe/Zurich',
				status: 'published',
				created_at: '2026-01-01T00:00:00Z',
				updated_at: '2026-01-01T00:00:00Z'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await addOutcome(t.db, users.staff, { id: workshop.id }, { number: '1', symbol: null, agenda_item_id: null, kind: 'recommendation', text: 'Internal.' });
		const ws = (await committeeMeetingLoad(event(users.cc_member, '/committee/meetings/ws', 'ws'))) as { outcomes: unknown[] };
		expect(ws.outcomes).toEqual([]);
		expect(await status(decisionsLoad(event(users.cc_member, '/meetings/ws/decisions', 'ws')))).toBe(404);
	});

	it('refuses bad input at the field: a number used twice in one document, a task due before its meeting, an owner who is no one', async () => {
		const staff = users.staff;
		const input = { number: 'para. 27', symbol: 'CCM/MSP/2025/9', agenda_item_id: null, kind: 'decision' as const, text: 'Decided.' };
		const first = await addOutcome(t.db, staff, msp, input);
		expect('id' in first).toBe(true);
		expect(await addOutcome(t.db, staff, msp, input)).toEqual({ field: 'number', message: expect.stringMatching(/already used in CCM\/MSP\/2025\/9/) });
		expect('id' in (await addOutcome(t.db, staff, msp, { ...input, symbol: 'CCM/MSP/2025/10' }))).toBe(true);
		const outcome_id = (first as { id: number }).id;
		const task = {
			outcome_id,
			what: 'Do it.',
			owner_kind: 'organization' as const,
			owner_organization_id: 999999,
			owner_user_id: null,
			owner_label: null,
			due_date: '2026-01-01'
		};
		expect(await addTask(t.db, staff, msp, { ...task, due_date: '2025-09-01' }, ORIGIN)).toMatchObject({ field: 'due_date' });
		expect(await addTask(t.db, staff, msp, task, ORIGIN)).toMatchObject({ field: 'owner_organization_id' });
		expect(
			await addTask(t.db, staff, msp, { ...task, owner_kind: 'person', owner_organization_id: null, owner_user_id: users.delegate.id }, ORIGIN)
		).toMatchObject({
			field: 'owner_user_id'
		});
		expect(
			await addTask(t.db, staff, msp, { ...task, owner_kind: 'coordinator', owner_organization_id: null, owner_user_id: users.focal_point.id }, ORIGIN)
		).toMatchObject({
			field: 'owner_user_id'
		});
	});

	it('an owner sees and notes only their own tasks; a closed task takes no note; every change is audited; the owner is mailed', async () => {
		const staff = users.staff;
		const cc = users.cc_member;
		const outcome = await addOutcome(t.db, staff, msp, { number: 'AP 9', symbol: null, agenda_item_id: null, kind: 'action_point', text: 'Follow up.' });
		const outcome_id = (outcome as { id: number }).id;
		const saved = await addTask(
			t.db,
			staff,
			msp,
			{
				outcome_id,
				what: 'Draft the paper.',
				owner_kind: 'coordinator',
				owner_organization_id: null,
				owner_user_id: cc.id,
				owner_label: 'clearance',
				due_date: '2030-01-01'
			},
			ORIGIN
		);
		const id = (saved as { id: number }).id;
		const mail = await t.db.selectFrom('outbox').select('body_text').where('to_address', '=', cc.email).executeTakeFirstOrThrow();
		expect(mail.body_text).toContain(`${ORIGIN}/account/tasks#task-${id}`);
		expect((await tasksOwnedBy(t.db, cc.id)).map((x) => x.id)).toEqual([id]);
		expect(await tasksOwnedBy(t.db, users.focal_point.id)).toEqual([]);

		expect(await addNote(t.db, users.focal_point, { task_id: id, text: 'Not mine.', status: 'done', drop_reason: null })).toBe('not_found');
		expect(await addNote(t.db, cc, { task_id: id, text: 'Gone.', status: 'dropped', drop_reason: 'x' })).toMatchObject({ field: 'status' });
		expect(await addNote(t.db, cc, { task_id: id, text: 'Finished.', status: 'done', drop_reason: null })).toEqual({ ok: true });
		expect(await addNote(t.db, cc, { task_id: id, text: 'One more.', status: null, drop_reason: null })).toMatchObject({
			field: 'text',
			message: expect.stringMatching(/done/)
		});
		const notes = await t.db.selectFrom('task_notes').select('text').where('task_id', '=', id).execute();
		expect(notes).toEqual([{ text: 'Finished.' }]);
		const actions = (await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'task').where('entity_id', '=', String(id)).execute()).map(
			(a) => a.action
		);
		expect(actions).toEqual(['task.create', 'task.note']);
	});

	it('reminders: a week before and once overdue, each sent once even when two runs overlap', async () => {
		const staff = users.staff;
		const owner = users.focal_point;
		const outcome = await addOutcome(t.db, staff, msp, { number: 'AP 10', symbol: null, agenda_item_id: null, kind: 'action_point', text: 'Remind me.' });
		const outcome_id = (outcome as { id: number }).id;
		const task = {
			outcome_id,
			what: 'Report back.',
			owner_kind: 'person' as const,
			owner_organization_id: null,
			owner_user_id: owner.id,
			owner_label: null,
			due_date: '2027-03-10'
		};
		await addTask(t.db, staff, msp, task, ORIGIN);
		await addTask(t.db, staff, msp, { ...task, what: 'Report later.', due_date: '2027-06-01' }, ORIGIN);
		const reminders = () =>
			t.db.selectFrom('outbox').select('subject').where('to_address', '=', owner.email).where('subject', 'not like', 'A task for you%').execute();

		expect(await sendTaskReminders(t.db, ORIGIN, new Date('2027-02-20T08:00:00Z'))).toBe(0);
		const runs = await Promise.all([1, 2, 3, 4].map(() => sendTaskReminders(t.db, ORIGIN, new Date('2027-03-04T08:00:00Z'))));
		expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
		expect((await reminders()).map((r) => r.subject)).toEqual([expect.stringMatching(/^Task due on 2027-03-10/)]);

		const overdue = await Promise.all([1, 2].map(() => sendTaskReminders(t.db, ORIGIN, new Date('2027-03-11T08:00:00Z'))));
		expect(overdue.reduce((a, b) => a + b, 0)).toBe(1);
		expect(await sendTaskReminders(t.db, ORIGIN, new Date('2027-03-20T08:00:00Z'))).toBe(0);
		expect((await reminders()).map((r) => r.subject).sort()).toEqual([
			expect.stringMatching(/^Overdue task/),
			expect.stringMatching(/^Task due on 2027-03-10/)
		]);
	});
});
