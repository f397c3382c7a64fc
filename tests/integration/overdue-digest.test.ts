import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { Meeting } from '../../src/lib/server/db/schema';
import { sendOverdueDigest } from '../../src/lib/server/decisions';
import { addNote, addOutcome, addTask } from '../../src/lib/server/decisions/store';
import { appJobs } from '../../src/lib/server/jobs';

const ORIGIN = 'http://app.test';
const ISU = 'isu@example.org';
const day = (d: string) => new Date(`${d}T07:00:00Z`);

describe.each(engines)('the staff digest of overdue tasks on %s', (engine) => {
	let t: TestDb;
	let meeting: Meeting;
	let staff: { id: number; email: string; role: 'staff' };
	const digests = () => t.db.selectFrom('outbox').selectAll().where('to_address', '=', ISU).orderBy('id').execute();

	beforeAll(async () => {
		t = await freshDb(engine);
		const u = await createUser(t.db, { email: 'staff@example.org', password: null, role: 'staff', verified: true });
		staff = { id: u.id, email: u.email, role: 'staff' };
		const now = '2026-01-01T00:00:00Z';
		meeting = await t.db
			.insertInto('meetings')
			.values({
				code: 'T-MSP',
				slug: 't-msp',
				title: 'Test',
				kind: 'msp',
				start_date: '2026-03-10',
				end_date: '2026-03-12',
				time_zone: 'Europe/Zurich',
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
	});
	afterAll(async () => t?.close());

	it('is a job of its own, decisions.overdue-digest', () => {
		expect(appJobs(t, { ORIGIN }).map((j) => j.name)).toContain('decisions.overdue-digest');
	});

	it('sends nothing while nothing is overdue; then one mail a day listing each overdue task with its link, even when runs overlap', async () => {
		const o = (await addOutcome(t.db, staff, meeting, { number: 'para. 3', symbol: null, agenda_item_id: null, kind: 'decision', text: 'x' })) as {
			id: number;
		};
		const task = async (what: string, due_date: string) =>
			(
				(await addTask(
					t.db,
					staff,
					meeting,
					{ outcome_id: o.id, what, owner_kind: 'isu', owner_organization_id: null, owner_user_id: null, owner_label: null, due_date },
					ORIGIN
				)) as { id: number }
			).id;
		await task('Write the report.', '2026-05-01');
		const closed = await task('Book the room.', '2026-04-01');
		await addNote(t.db, staff, { task_id: closed, text: 'Booked.', status: 'done', drop_reason: null });

		expect(await sendOverdueDigest(t.db, ORIGIN, ISU, day('2026-05-01'))).toBe(0);
		expect(await digests()).toEqual([]);
		expect(await t.db.selectFrom('overdue_digests').selectAll().execute()).toEqual([]);

		// The next day the report is overdue: four overlapping runs send one mail.
		const sent = await Promise.all([1, 2, 3, 4].map(() => sendOverdueDigest(t.db, ORIGIN, ISU, day('2026-05-02'))));
		expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
		let mails = await digests();
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('Overdue tasks on 2026-05-02: 1');
		expect(mails[0].body_text).toContain('T-MSP, para. 3: Write the report.');
		expect(mails[0].body_text).toContain(`${ORIGIN}/admin/meetings/t-msp/decisions#outcome-${o.id}`);
		expect(mails[0].body_text).toContain(`${ORIGIN}/admin/follow-up?overdue=1`);
		expect(mails[0].body_text).not.toContain('Book the room.');
		// Later the same day: nothing more.
		expect(await sendOverdueDigest(t.db, ORIGIN, ISU, new Date('2026-05-02T22:00:00Z'))).toBe(0);

		// The day after: still overdue, so the next day's digest.
		await task('Circulate the minutes.', '2026-04-20');
		expect(await sendOverdueDigest(t.db, ORIGIN, ISU, day('2026-05-03'))).toBe(1);
		mails = await digests();
		expect(mails).toHaveLength(2);
		expect(mails[1].subject).toBe('Overdue tasks on 2026-05-03: 2');
	});
});
