import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { setHandle } from '../../src/lib/server/db';
import type { Meeting, Role } from '../../src/lib/server/db/schema';
import { addOutcome, addTask, deleteOutcome, updateOutcome } from '../../src/lib/server/decisions/store';
import { actions } from '../../src/routes/admin/outcomes/[id]/+page.server';

const outcome = (number: string, text = 'The Meeting decided.') =>
	({ number, symbol: 'CCM/MSP/2026/5', agenda_item_id: null, kind: 'decision', text }) as const;

describe.each(engines)('editing and deleting outcomes on %s', (engine) => {
	let t: TestDb;
	let meeting: Meeting;
	const users = {} as Record<Role, SessionUser>;
	const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

	function post(user: SessionUser, id: number, fields: Record<string, string>) {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		const request = new Request('http://app.test/x', { method: 'POST', body });
		return { locals: { user, session: null }, params: { id: String(id) }, url: new URL('http://app.test/x'), request } as never;
	}

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		for (const role of ['staff', 'cc_member'] as Role[]) {
			const u = await createUser(t.db, { email: `${role}@example.org`, password: null, role, verified: true });
			users[role] = { id: u.id, email: u.email, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
		}
		const now = '2026-01-01T00:00:00Z';
		meeting = await t.db
			.insertInto('meetings')
			.values({
				code: 'T-MSP',
				slug: 't-msp',
				title: 'Test meeting',
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

	it('staff correct an outcome: saved and audited; a number taken in the same document is refused at the field; others may not', async () => {
		const a = (await addOutcome(t.db, users.staff, meeting, outcome('para. 1'))) as { id: number };
		await addOutcome(t.db, users.staff, meeting, outcome('para. 2'));
		expect(await updateOutcome(t.db, users.staff, meeting, a.id, outcome('para. 2', 'Changed.'))).toEqual({
			field: 'number',
			message: 'Number “para. 2” is already used in CCM/MSP/2026/5.'
		});
		expect(await updateOutcome(t.db, users.staff, meeting, a.id, { ...outcome('para. 1'), agenda_item_id: 999_999 })).toMatchObject({
			field: 'agenda_item_id'
		});
		expect(await updateOutcome(t.db, users.staff, meeting, a.id, { ...outcome('para. 1 bis', 'Corrected text.'), kind: 'recommendation' })).toEqual({
			ok: true
		});
		const row = await t.db.selectFrom('outcomes').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ number: 'para. 1 bis', text: 'Corrected text.', kind: 'recommendation' });
		const [entry] = await audits('outcome.update');
		expect(JSON.parse(entry.before_json!)).toMatchObject({ number: 'para. 1', text: 'The Meeting decided.' });
		expect(JSON.parse(entry.after_json!)).toMatchObject({ number: 'para. 1 bis', text: 'Corrected text.' });

		// Through the page's action: bad input comes back with the input; a member of the Committee is refused.
		const refused = (await actions.save(post(users.staff, a.id, { number: '', symbol: 'CCM/MSP/2026/5', kind: 'decision', text: 'Kept text' }))) as {
			status: number;
			data: { values: Record<string, string>; errors: Record<string, string> };
		};
		expect(refused.status).toBe(400);
		expect(refused.data.values.text).toBe('Kept text');
		expect(refused.data.errors.number).toBeTruthy();
		await expect(actions.save(post(users.cc_member, a.id, { number: 'x', kind: 'decision', text: 'y' }))).rejects.toMatchObject({ status: 403 });
		expect((await t.db.selectFrom('outcomes').select('number').where('id', '=', a.id).executeTakeFirstOrThrow()).number).toBe('para. 1 bis');
	});

	it('deleting an outcome with tasks needs a reason; then its tasks go with it, each audited, and the owner of an open task is told', async () => {
		const o = (await addOutcome(t.db, users.staff, meeting, outcome('para. 9'))) as { id: number };
		const task = (owner: number | null, what: string) =>
			addTask(
				t.db,
				users.staff,
				meeting,
				{
					outcome_id: o.id,
					what,
					owner_kind: owner ? 'coordinator' : 'isu',
					owner_organization_id: null,
					owner_user_id: owner,
					owner_label: null,
					due_date: '2026-06-01'
				},
				'http://app.test'
			);
		await task(users.cc_member.id, 'Write the report.');
		await task(null, 'Book the room.');
		const before = await t.db.selectFrom('outbox').select('id').where('to_address', '=', users.cc_member.email).execute();

		expect(await deleteOutcome(t.db, users.staff, meeting.id, o.id, null)).toEqual({
			field: 'reason',
			message: 'para. 9 has 2 tasks: say why they go with it, or keep the outcome.'
		});
		expect(await t.db.selectFrom('tasks').select('id').where('outcome_id', '=', o.id).execute()).toHaveLength(2);

		expect(await deleteOutcome(t.db, users.staff, meeting.id, o.id, 'Recorded twice by mistake.')).toEqual({ ok: true, tasks: 2 });
		expect(await t.db.selectFrom('outcomes').select('id').where('id', '=', o.id).execute()).toEqual([]);
		expect(await t.db.selectFrom('tasks').select('id').where('outcome_id', '=', o.id).execute()).toEqual([]);
		const deletedTasks = await audits('task.delete');
		expect(deletedTasks.map((e) => JSON.parse(e.after_json!).reason)).toEqual(['Recorded twice by mistake.', 'Recorded twice by mistake.']);
		expect(JSON.parse((await audits('outcome.delete'))[0].after_json!)).toEqual({ reason: 'Recorded twice by mistake.', tasks: 2 });
		const mails = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', users.cc_member.email).execute();
		expect(mails.length).toBe(before.length + 1);
		expect(mails.at(-1)!.body_text).toMatch(/Write the report\.[\s\S]*Reason given: Recorded twice by mistake\./);

		// Without tasks, no reason is asked; through the action it redirects back to the list.
		const bare = (await addOutcome(t.db, users.staff, meeting, outcome('para. 10'))) as { id: number };
		await expect(actions.delete(post(users.staff, bare.id, {}))).rejects.toMatchObject({ status: 303, location: '/admin/meetings/t-msp/decisions?deleted=0' });
		expect(await deleteOutcome(t.db, users.staff, meeting.id, bare.id, null)).toBe('not_found');
	});
});
