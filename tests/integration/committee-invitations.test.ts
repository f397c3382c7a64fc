import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { setHandle } from '../../src/lib/server/db';
import type { Meeting, MeetingKind, Role } from '../../src/lib/server/db/schema';
import { inviteMembers } from '../../src/lib/server/decisions/invitations';
import { sendDueMail } from '../../src/lib/server/mail';
import { actions } from '../../src/routes/admin/meetings/[slug]/invitations/+page.server';

const ORIGIN = 'http://app.test';

describe.each(engines)('invitations to Coordination Committee meetings on %s', (engine) => {
	let t: TestDb;
	let cc: Meeting;
	const users = {} as Record<string, SessionUser>;
	const mailsTo = (email: string) => t.db.selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('id').execute();
	const attachmentOf = async (outboxId: number) =>
		t.db.selectFrom('outbox_attachments').selectAll().where('outbox_id', '=', outboxId).executeTakeFirstOrThrow();

	async function meeting(code: string, kind: MeetingKind): Promise<Meeting> {
		const now = '2026-01-01T00:00:00Z';
		return t.db
			.insertInto('meetings')
			.values({
				code,
				slug: code.toLowerCase(),
				title: `${code} meeting`,
				kind,
				start_date: '2027-02-10',
				end_date: '2027-02-10',
				time_zone: 'Europe/Zurich',
				city: 'Geneva',
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
	}

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		for (const [key, role] of [
			['staff', 'staff'],
			['ana', 'cc_member'],
			['ben', 'cc_member'],
			['focal', 'focal_point']
		] as [string, Role][]) {
			const u = await createUser(t.db, { email: `${key}@example.org`, password: null, role, verified: true });
			users[key] = { id: u.id, email: u.email, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
		}
		cc = await meeting('CC-INV', 'coordination_committee');
	});
	afterAll(async () => t?.close());

	it('one mail per member with a link to the Committee page and the meeting’s .ics; audited; not twice for the same meeting', async () => {
		expect(await inviteMembers(t.db, users.staff, cc.slug, [users.ana.id, users.ben.id], ORIGIN)).toEqual({
			invited: ['ana@example.org', 'ben@example.org'],
			updated: [],
			unchanged: []
		});
		const [mail] = await mailsTo('ana@example.org');
		expect(mail.subject).toBe('Invitation: CC-INV meeting (2027-02-10)');
		expect(mail.body_text).toContain(`${ORIGIN}/committee/meetings/cc-inv`);
		const ics = await attachmentOf(mail.id);
		expect(ics).toMatchObject({ filename: 'cc-inv.ics', content_type: 'text/calendar; charset=utf-8' });
		expect(ics.content).toMatch(/UID:meeting-cc-inv@/);
		expect(ics.content).toMatch(/SEQUENCE:0\r?\n/);
		expect(ics.content).toContain('DTSTART;VALUE=DATE:20270210');
		const audits = await t.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'committee.invite').execute();
		expect(audits.map((a) => JSON.parse(a.after_json!).email).sort()).toEqual(['ana@example.org', 'ben@example.org']);

		expect(await inviteMembers(t.db, users.staff, cc.slug, [users.ana.id], ORIGIN)).toEqual({ invited: [], updated: [], unchanged: ['ana@example.org'] });
		expect(await mailsTo('ana@example.org')).toHaveLength(1);
	});

	it('after a date change, inviting again sends an updated invitation: same UID, higher SEQUENCE; overlapping sends mail once', async () => {
		// What updateMeeting does on every save: the new dates and SEQUENCE + 1.
		await t.db
			.updateTable('meetings')
			.set((eb) => ({ start_date: '2027-02-17', end_date: '2027-02-17', sequence: eb('sequence', '+', 1), updated_at: '2026-06-01T00:00:00Z' }))
			.where('id', '=', cc.id)
			.execute();
		const results = await Promise.all([1, 2, 3].map(() => inviteMembers(t.db, users.staff, cc.slug, [users.ana.id], ORIGIN)));
		expect(results.flatMap((r) => (typeof r === 'object' && 'updated' in r ? r.updated : []))).toEqual(['ana@example.org']);
		const mails = await mailsTo('ana@example.org');
		expect(mails).toHaveLength(2);
		expect(mails[1].subject).toBe('Updated invitation: CC-INV meeting (2027-02-17)');
		const ics = (await attachmentOf(mails[1].id)).content;
		expect(ics).toMatch(/UID:meeting-cc-inv@/);
		expect(ics).toMatch(/SEQUENCE:1\r?\n/);
		expect(ics).toContain('DTSTART;VALUE=DATE:20270217');
		expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'committee.invitation_update').execute()).toHaveLength(1);
	});

	it('refuses someone who is not a member at the field, and a meeting that is not the Committee’s; only staff may invite', async () => {
		expect(await inviteMembers(t.db, users.staff, cc.slug, [users.focal.id], ORIGIN)).toEqual({
			field: 'members',
			message: 'Choose members of the Coordination Committee from the list.'
		});
		expect(await mailsTo('focal@example.org')).toEqual([]);
		const msp = await meeting('MSP-INV', 'msp');
		expect(await inviteMembers(t.db, users.staff, msp.slug, [users.ana.id], ORIGIN)).toBe('not_found');

		const post = (user: SessionUser, fields: [string, string][]) => {
			const body = new FormData();
			for (const [k, v] of fields) body.append(k, v);
			const request = new Request(`${ORIGIN}/admin/meetings/cc-inv/invitations`, { method: 'POST', body });
			return { locals: { user, session: null }, params: { slug: cc.slug }, url: new URL(request.url), request } as never;
		};
		const none = (await actions.default(post(users.staff, []))) as { status: number; data: { errors: Record<string, string> } };
		expect(none.status).toBe(400);
		expect(none.data.errors.members).toBe('Choose at least one member.');
		await expect(actions.default(post(users.ana, [['members', String(users.ben.id)]]))).rejects.toMatchObject({ status: 403 });
		const ok = (await actions.default(post(users.staff, [['members', String(users.ben.id)]]))) as { sent: Record<string, number> };
		expect(ok.sent).toEqual({ invited: 0, updated: 1, unchanged: 0 });
	});

	it('the sender hands the .ics to the mail transport', async () => {
		const sent: { to: string; attachments?: { filename: string; content: string }[] }[] = [];
		await sendDueMail(t.db, { sendMail: async (m) => void sent.push(m) }, 'from@example.org', 100);
		const toBen = sent.filter((m) => m.to === 'ben@example.org');
		expect(toBen.length).toBe(2);
		expect(toBen.every((m) => m.attachments?.[0]?.filename === 'cc-inv.ics' && m.attachments[0].content.includes('BEGIN:VCALENDAR'))).toBe(true);
	});
});
