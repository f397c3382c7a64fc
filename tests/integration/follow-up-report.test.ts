import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { setHandle } from '../../src/lib/server/db';
import type { Role } from '../../src/lib/server/db/schema';
import { addNote, addOutcome, addTask } from '../../src/lib/server/decisions/store';
import { seedDemoData } from '../../src/lib/server/seed';
import { load as followUpLoad } from '../../src/routes/meetings/[slug]/follow-up/+page.server';
import { GET as followUpPdf } from '../../src/routes/meetings/[slug]/follow-up.pdf/+server';

type Report = {
	asAt: string;
	report: { groups: { outcomes: { number: string; state: string; tasks: { what: string; status: string; status_now: string }[] }[] }[] };
};

function event(user: SessionUser | null, slug: string) {
	return { locals: { user, session: null }, params: { slug }, url: new URL(`http://app.test/meetings/${slug}/follow-up`), setHeaders: () => {} } as never;
}

async function status(p: unknown): Promise<number> {
	try {
		return ((await p) as Response).status;
	} catch (e) {
		return (e as { status: number }).status;
	}
}

describe.each(engines)('the follow-up report as at its meeting’s date, and as a PDF, on %s', (engine) => {
	let t: TestDb;
	const users = {} as Record<Role, SessionUser>;

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		await seedDemoData(t.db, new Date('2026-11-29T12:00:00Z'));
		for (const role of ['staff', 'cc_member', 'delegate'] as Role[]) {
			const u = await createUser(t.db, { email: `${role}@example.org`, password: null, role, verified: true });
			users[role] = { id: u.id, email: u.email, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
		}
	}, 120_000);
	afterAll(async () => t?.close());

	it('shows a task done after the meeting opened as open on the report, with its state today beside it', async () => {
		const nine = await t.db.selectFrom('meetings').selectAll().where('code', '=', '9MSP').executeTakeFirstOrThrow();
		const o = (await addOutcome(t.db, users.staff, nine, { number: 'para. 99', symbol: null, agenda_item_id: null, kind: 'decision', text: 'Test.' })) as {
			id: number;
		};
		const task = (await addTask(
			t.db,
			users.staff,
			nine,
			{
				outcome_id: o.id,
				what: 'Report back.',
				owner_kind: 'isu',
				owner_organization_id: null,
				owner_user_id: null,
				owner_label: null,
				due_date: '2020-01-31'
			},
			'http://app.test'
		)) as { id: number };
		expect(await addNote(t.db, users.staff, { task_id: task.id, text: 'Done at last.', status: 'done', drop_reason: null })).toEqual({ ok: true });

		const page = (await followUpLoad(event(null, '2rc-1'))) as Report;
		expect(page.asAt).toBe('2020-11-25');
		const outcomes = page.report.groups.flatMap((g) => g.outcomes);
		// Done today, in 2026: on 25 November 2020 it was open, and overdue since January 2020.
		expect(outcomes.find((x) => x.number === 'para. 99')).toMatchObject({ state: 'overdue', tasks: [{ status: 'open', status_now: 'done' }] });
		// The demo: Bulgaria finished in June 2023, so open then; the ISU's 2020 work plan was done before the 2RC.
		expect(outcomes.find((x) => x.number === '(a)')!.tasks[0]).toMatchObject({ status: 'open', status_now: 'done' });
		expect(outcomes.find((x) => x.number === '(d)')).toMatchObject({ state: 'done', tasks: [{ status: 'done', status_now: 'done' }] });
	});

	it('the PDF carries the same report to the same readers; the committee’s to its members and staff only', async () => {
		const res = (await followUpPdf(event(null, '2rc-1'))) as Response;
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await res.arrayBuffer()) })
			.toString('utf8')
			.replace(/\s+/g, ' ');
		expect(text).toContain('Follow-up report');
		expect(text).toContain('Task states as they stood on 2020-11-25');
		expect(text).toMatch(/Complete the destruction of stockpiled cluster munitions by 1 April 2021\. — Bulgaria, due 2021-04-01: open \(today: done\)/);
		expect(text).toContain('Page 1 of');

		// cc-demo-2 follows up cc-demo-1, whose action points are the Committee's.
		expect(await status(followUpPdf(event(users.cc_member, 'cc-demo-2')))).toBe(200);
		expect(await status(followUpPdf(event(users.staff, 'cc-demo-2')))).toBe(200);
		expect(await status(followUpPdf(event(users.delegate, 'cc-demo-2')))).toBe(404);
		expect(await status(followUpPdf(event(null, 'cc-demo-2')))).toBe(404);
	});
});
