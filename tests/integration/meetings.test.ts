import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { listAudit } from '../../src/lib/server/audit/audit';
import type { Actor } from '../../src/lib/server/audit/audit';
import type { AgendaItem, Meeting } from '../../src/lib/server/db/schema';
import { parseForm } from '../../src/lib/server/forms';
import { formatAgendaNumber, parseAgendaText } from '../../src/lib/server/meetings/agenda';
import { addAgendaItem, deleteAgendaItem, editAgendaItem, importAgenda, moveAgenda, renumberAgenda } from '../../src/lib/server/meetings/agenda-store';
import { meetingSchema, type MeetingInput } from '../../src/lib/server/meetings/forms';
import { createMeeting, getMeeting, listAgenda, listMeetings, listSessions, setMeetingStatus, updateMeeting } from '../../src/lib/server/meetings/queries';
import { windowState } from '../../src/lib/server/meetings/rules';
import { deleteSession, saveSession, type SessionInput } from '../../src/lib/server/meetings/session-store';
import { seedDemoData } from '../../src/lib/server/seed';

/** What the staff meeting form posts; `over` replaces or adds fields. */
function meetingForm(over: Record<string, string> = {}): FormData {
	const fields: Record<string, string> = {
		code: '9MSP',
		slug: '',
		title: 'Ninth Meeting of States Parties',
		kind: 'msp',
		start_date: '2019-09-02',
		end_date: '2019-09-04',
		time_zone: 'Europe/Zurich',
		venue: 'Palais des Nations',
		city: 'Geneva',
		country: 'Switzerland',
		description: '',
		registration_opens: '',
		registration_closes: '',
		capacity: '',
		sponsorship_deadline: '',
		symbol_prefix: 'CCM/MSP/2019',
		...over
	};
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.set(k, v);
	return fd;
}

function input(over: Record<string, string> = {}): MeetingInput {
	const parsed = parseForm(meetingSchema, meetingForm(over));
	if (!parsed.ok) throw new Error(`form refused: ${JSON.stringify(parsed.errors)}`);
	return parsed.data;
}

async function newMeeting(t: TestDb, actor: Actor, over: Record<string, string>): Promise<Meeting> {
	const r = await createMeeting(t.db, actor, input(over));
	if (!r.ok) throw new Error(`not created: ${JSON.stringify(r.errors)}`);
	return r.meeting;
}

const labels = (items: { number: string; sub_number: string | null }[]) => items.map((i) => formatAgendaNumber(i.number, i.sub_number));

async function sequenceOf(t: TestDb, id: number): Promise<number> {
	return (await t.db.selectFrom('meetings').select('sequence').where('id', '=', id).executeTakeFirstOrThrow()).sequence;
}

function session(over: Partial<SessionInput> = {}): SessionInput {
	return { title: 'Plenary', starts_at: '2019-10-26T10:00', ends_at: '2019-10-26T13:00', room: 'Room XIX', chair: null, agenda_item_ids: [], ...over };
}

const AGENDA = `1. Opening of the Meeting
2. Adoption of the agenda
3. Review of the operation of the Convention
(a) Universalization
(b) Victim assistance
4. Closure of the Meeting`;

describe.each(engines)('meetings on %s', (engine) => {
	let t: TestDb;
	let actor: Actor;
	beforeAll(async () => {
		t = await freshDb(engine);
		const staff = await createUser(t.db, { email: 'isu@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
	});
	afterAll(async () => t.close());

	describe('meeting editor', () => {
		it('refuses an end date before the start with a message at end_date', () => {
			const parsed = parseForm(meetingSchema, meetingForm({ start_date: '2019-09-04', end_date: '2019-09-02' }));
			expect(parsed.ok).toBe(false);
			if (parsed.ok) return;
			expect(parsed.errors.end_date).toMatch(/end date cannot be before the start/);
			expect(parsed.values.end_date).toBe('2019-09-02'); // the input is kept for the form
		});

		it('stores registration and sponsorship times typed at the venue (Europe/Zurich) in UTC', async () => {
			const m = await newMeeting(t, actor, {
				code: 'REG2019',
				registration_opens: '2019-08-15T18:00',
				registration_closes: '2019-08-30T12:00',
				sponsorship_deadline: '2019-01-15T18:00', // winter: UTC+1
				capacity: '300'
			});
			expect(m).toMatchObject({
				slug: 'reg2019',
				status: 'draft',
				registration_opens_at: '2019-08-15T16:00:00.000Z',
				registration_closes_at: '2019-08-30T10:00:00.000Z',
				sponsorship_deadline: '2019-01-15T17:00:00.000Z',
				capacity: 300
			});
			const stored = await getMeeting(t.db, 'reg2019', true);
			expect(stored?.registration_opens_at).toBe('2019-08-15T16:00:00.000Z');
		});

		it('answers a taken code or address with a field message, not an exception', async () => {
			const first = await newMeeting(t, actor, { code: 'DUP1', slug: 'dup-one' });
			const sameCode = await createMeeting(t.db, actor, input({ code: 'DUP1', slug: 'other-address' }));
			expect(sameCode).toEqual({ ok: false, errors: { code: 'Another meeting already has the code DUP1.' } });
			const sameSlug = await createMeeting(t.db, actor, input({ code: 'DUP2', slug: 'dup-one' }));
			expect(sameSlug).toEqual({ ok: false, errors: { slug: 'Another meeting already uses the address /meetings/dup-one.' } });
			expect(await t.db.selectFrom('meetings').select('id').where('code', '=', 'DUP2').executeTakeFirst()).toBeUndefined();

			// On update, the meeting's own code is no clash, another meeting's is.
			const second = await newMeeting(t, actor, { code: 'DUP3' });
			expect((await updateMeeting(t.db, actor, first.id, input({ code: 'DUP1', slug: 'dup-one', title: 'Renamed' }))).ok).toBe(true);
			const clash = await updateMeeting(t.db, actor, second.id, input({ code: 'DUP1', slug: 'dup3' }));
			expect(clash.ok).toBe(false);
			expect(!clash.ok && clash.errors).toEqual({ code: 'Another meeting already has the code DUP1.' });
			expect((await getMeeting(t.db, 'dup3', true))?.code).toBe('DUP3');
		});

		it('audits creation and updates with before and after, and bumps the sequence on update', async () => {
			const m = await newMeeting(t, actor, { code: 'AUD2019', venue: 'CICG' });
			expect(m.sequence).toBe(0);
			const created = await listAudit(t.db, { entityType: 'meeting', entityId: String(m.id) });
			expect(created.rows.map((r) => r.action)).toEqual(['meeting.create']);
			expect(created.rows[0].before_json).toBeNull();
			expect(JSON.parse(created.rows[0].after_json!)).toMatchObject({ code: 'AUD2019', venue: 'CICG', time_zone: 'Europe/Zurich' });
			expect(created.rows[0].actor_email).toBe('isu@example.org');

			const r = await updateMeeting(t.db, actor, m.id, input({ code: 'AUD2019', venue: 'Palais des Nations', title: 'Audited meeting' }));
			expect(r.ok && r.meeting.sequence).toBe(1);
			const log = await listAudit(t.db, { entityType: 'meeting', entityId: String(m.id) });
			expect(log.rows.map((x) => x.action)).toEqual(['meeting.update', 'meeting.create']);
			expect(JSON.parse(log.rows[0].before_json!)).toEqual({ venue: 'CICG', title: 'Ninth Meeting of States Parties' });
			expect(JSON.parse(log.rows[0].after_json!)).toEqual({ venue: 'Palais des Nations', title: 'Audited meeting' });
			expect(log.rows[0].actor_user_id).toBe(actor.id);
		});

		it('hides drafts from the public until published, and audits publishing and unpublishing', async () => {
			const m = await newMeeting(t, actor, { code: 'PUB2019' });
			expect(await getMeeting(t.db, 'pub2019')).toBeUndefined();
			expect((await getMeeting(t.db, 'pub2019', true))?.id).toBe(m.id);
			expect((await listMeetings(t.db)).map((x) => x.code)).not.toContain('PUB2019');

			await setMeetingStatus(t.db, actor, m.id, 'published');
			const published = await getMeeting(t.db, 'pub2019');
			expect(published).toMatchObject({ status: 'published', sequence: 1 });
			expect(published?.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			expect((await listMeetings(t.db)).map((x) => x.code)).toContain('PUB2019');
			await setMeetingStatus(t.db, actor, m.id, 'published'); // no change, no audit row

			await setMeetingStatus(t.db, actor, m.id, 'draft');
			expect(await getMeeting(t.db, 'pub2019')).toBeUndefined();
			const log = await listAudit(t.db, { entityType: 'meeting', entityId: String(m.id) });
			expect(log.rows.map((r) => r.action)).toEqual(['meeting.unpublish', 'meeting.publish', 'meeting.create']);
			expect(JSON.parse(log.rows[1].before_json!)).toEqual({ status: 'draft' });
			expect(JSON.parse(log.rows[1].after_json!)).toEqual({ status: 'published' });
			expect(JSON.parse(log.rows[0].after_json!)).toEqual({ status: 'draft' });
			expect((await getMeeting(t.db, 'pub2019', true))?.published_at).toBe(published?.published_at); // first publication kept
		});
	});

	describe('agenda', () => {
		let m: Meeting;
		beforeAll(async () => {
			m = await newMeeting(t, actor, { code: 'AGENDA1', start_date: '2019-10-26', end_date: '2019-10-28' });
		});

		it('imports a pasted agenda, adds items and sub-items with the next number or letter', async () => {
			const parsed = parseAgendaText(AGENDA);
			expect(parsed.errors).toEqual([]);
			expect(await importAgenda(t.db, actor, m.id, parsed.items)).toEqual({ ok: true });
			const items = await listAgenda(t.db, m.id);
			expect(labels(items)).toEqual(['1', '2', '3', '3 (a)', '3 (b)', '4']);
			expect(items[4].title).toBe('Victim assistance');
			const before = await sequenceOf(t, m.id);

			const aob = await addAgendaItem(t.db, actor, m.id, { title: 'Any other business', parent_id: null });
			expect(aob).toMatchObject({ number: '5', sub_number: null });
			const three = items.find((i) => i.number === '3' && !i.sub_number)!;
			const c = await addAgendaItem(t.db, actor, m.id, { title: 'Clearance', parent_id: three.id });
			expect(c).toMatchObject({ number: '3', sub_number: 'c' });
			const two = items.find((i) => i.number === '2')!;
			expect(await addAgendaItem(t.db, actor, m.id, { title: 'Programme of work', parent_id: two.id })).toMatchObject({ number: '2', sub_number: 'a' });
			// A sub-item cannot take sub-items.
			expect(await addAgendaItem(t.db, actor, m.id, { title: 'Nested', parent_id: items[3].id })).toBe('no_parent');

			const after = await listAgenda(t.db, m.id);
			expect(labels(after)).toEqual(['1', '2', '2 (a)', '3', '3 (a)', '3 (b)', '3 (c)', '4', '5']);
			expect(after.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
			// Calendars must see the change.
			expect(await sequenceOf(t, m.id)).toBeGreaterThan(before);
			const log = await listAudit(t.db, { action: 'agenda.add', entityId: String((c as AgendaItem).id) });
			expect(JSON.parse(log.rows[0].after_json!)).toEqual({ number: '3', sub_number: 'c', title: 'Clearance' });
		});

		it('moves a top item with its sub-items, then renumbers in one action', async () => {
			const items = await listAgenda(t.db, m.id);
			const three = items.find((i) => i.number === '3' && !i.sub_number)!;
			await moveAgenda(t.db, actor, m.id, three.id, 'up');
			const moved = await listAgenda(t.db, m.id);
			expect(labels(moved)).toEqual(['1', '3', '3 (a)', '3 (b)', '3 (c)', '2', '2 (a)', '4', '5']);

			// A sub-item moves within its parent only; the first item cannot go further up (and nothing is audited).
			const c = moved.find((i) => i.sub_number === 'c')!;
			await moveAgenda(t.db, actor, m.id, c.id, 'up');
			expect(labels(await listAgenda(t.db, m.id))).toEqual(['1', '3', '3 (a)', '3 (c)', '3 (b)', '2', '2 (a)', '4', '5']);
			const audits = (await listAudit(t.db, {})).total;
			await moveAgenda(t.db, actor, m.id, moved[0].id, 'up');
			expect(labels(await listAgenda(t.db, m.id))).toEqual(['1', '3', '3 (a)', '3 (c)', '3 (b)', '2', '2 (a)', '4', '5']);
			expect((await listAudit(t.db, {})).total).toBe(audits);

			await renumberAgenda(t.db, actor, m.id);
			const renumbered = await listAgenda(t.db, m.id);
			expect(labels(renumbered)).toEqual(['1', '2', '2 (a)', '2 (b)', '2 (c)', '3', '3 (a)', '4', '5']);
			expect(renumbered.map((i) => i.title)).toEqual([
				'Opening of the Meeting',
				'Review of the operation of the Convention',
				'Universalization',
				'Clearance',
				'Victim assistance',
				'Adoption of the agenda',
				'Programme of work',
				'Closure of the Meeting',
				'Any other business'
			]);
			const log = await listAudit(t.db, { action: 'agenda.renumber' });
			expect(log.total).toBe(1);
			expect(JSON.parse(log.rows[0].after_json!)[1]).toEqual(['2', null]);
		});

		it('edits an item of this meeting only', async () => {
			const items = await listAgenda(t.db, m.id);
			const other = await newMeeting(t, actor, { code: 'AGENDA2' });
			expect(await editAgendaItem(t.db, actor, other.id, items[0].id, { title: 'Hijacked', number: '1', sub_number: null })).toBe('not_found');
			expect(await editAgendaItem(t.db, actor, m.id, items[0].id, { title: 'Official opening of the Meeting', number: '1', sub_number: null })).toBe('saved');
			// Another item's number is refused, and nothing is changed.
			expect(await editAgendaItem(t.db, actor, m.id, items[0].id, { title: 'Opening', number: items[1].number, sub_number: items[1].sub_number })).toBe(
				'duplicate'
			);
			expect((await listAgenda(t.db, m.id))[0]).toMatchObject({ title: 'Official opening of the Meeting', number: '1' });
			expect((await listAgenda(t.db, m.id))[0].title).toBe('Official opening of the Meeting');
			const log = await listAudit(t.db, { action: 'agenda.edit', entityId: String(items[0].id) });
			expect(log.total).toBe(1);
			expect(JSON.parse(log.rows[0].before_json!)).toMatchObject({ title: 'Opening of the Meeting' });
		});

		it('asks before deleting an item a session takes up, and refuses to replace such an agenda', async () => {
			const items = await listAgenda(t.db, m.id);
			const review = items.find((i) => i.title === 'Review of the operation of the Convention')!;
			const universalization = items.find((i) => i.title === 'Universalization')!;
			const clearance = items.find((i) => i.title === 'Clearance')!;
			const closure = items.find((i) => i.title === 'Closure of the Meeting')!;
			// One session takes up two sub-items of item 2 and item 4.
			const saved = await saveSession(t.db, actor, m, null, session({ agenda_item_ids: [universalization.id, clearance.id, closure.id] }));
			expect(saved.ok).toBe(true);

			expect(await deleteAgendaItem(t.db, actor, m.id, review.id, false)).toEqual({ deleted: false, sessions: 1 });
			expect(await listAgenda(t.db, m.id)).toHaveLength(items.length);

			const refused = await importAgenda(t.db, actor, m.id, parseAgendaText('1. Something else').items);
			expect(refused).toEqual({ ok: false, sessions: 1 });
			expect(await listAgenda(t.db, m.id)).toHaveLength(items.length);

			expect(await deleteAgendaItem(t.db, actor, m.id, review.id, true)).toEqual({ deleted: true, sessions: 1 });
			expect(labels(await listAgenda(t.db, m.id))).toEqual(['1', '3', '3 (a)', '4', '5']);
			// The session stays, with the items it still takes up.
			const [s] = await listSessions(t.db, m.id);
			expect(s.agendaItemIds).toEqual([closure.id]);
			const log = await listAudit(t.db, { action: 'agenda.delete', entityId: String(review.id) });
			expect(JSON.parse(log.rows[0].before_json!).map((i: { title: string }) => i.title)).toEqual([
				'Review of the operation of the Convention',
				'Universalization',
				'Clearance',
				'Victim assistance'
			]);

			// A sub-item not taken up goes without asking.
			const programme = (await listAgenda(t.db, m.id)).find((i) => i.title === 'Programme of work')!;
			expect(await deleteAgendaItem(t.db, actor, m.id, programme.id, false)).toEqual({ deleted: true, sessions: 0 });

			expect(await deleteSession(t.db, actor, m.id, s.id)).toBe(true);
			expect(await importAgenda(t.db, actor, m.id, parseAgendaText('1. Something else\n(a) And more').items)).toEqual({ ok: true });
			expect(labels(await listAgenda(t.db, m.id))).toEqual(['1', '1 (a)']);
		});

		it('numbers a new item after the highest label, so a deletion or a move leaves no duplicate', async () => {
			const other = await newMeeting(t, actor, { code: 'AGENDA3' });
			await importAgenda(t.db, actor, other.id, parseAgendaText('1. Review\n(a) One\n(b) Two\n(c) Three\n2. Next\n3. Last').items);
			const items = await listAgenda(t.db, other.id);
			await deleteAgendaItem(t.db, actor, other.id, items[2].id, false);
			const added = await addAgendaItem(t.db, actor, other.id, { title: 'Four', parent_id: items[0].id });
			expect(added).toMatchObject({ number: '1', sub_number: 'd' });
			await moveAgenda(t.db, actor, other.id, items[5].id, 'up');
			expect(await addAgendaItem(t.db, actor, other.id, { title: 'Closure', parent_id: null })).toMatchObject({ number: '4', sub_number: null });
			expect(labels(await listAgenda(t.db, other.id))).toEqual(['1', '1 (a)', '1 (c)', '1 (d)', '3', '2', '4']);
		});
	});

	describe('programme', () => {
		let m: Meeting;
		let other: Meeting;
		beforeAll(async () => {
			m = await newMeeting(t, actor, { code: 'DST2019', start_date: '2019-10-26', end_date: '2019-10-28' });
			other = await newMeeting(t, actor, { code: 'OTHER2019', start_date: '2019-10-26', end_date: '2019-10-28' });
			await importAgenda(t.db, actor, m.id, parseAgendaText(AGENDA).items);
			await importAgenda(t.db, actor, other.id, parseAgendaText(AGENDA).items);
		});

		it('stores the venue’s wall clock in UTC, across the change from summer time', async () => {
			const sat = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-26T10:00', ends_at: '2019-10-26T13:00' }));
			const sun = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-27T10:00', ends_at: '2019-10-27T13:00' }));
			// 02:30 happens twice on 27 October: the first (summer time) is meant.
			const night = await saveSession(t.db, actor, m, null, session({ title: 'Night', starts_at: '2019-10-27T02:30', ends_at: '2019-10-27T04:00' }));
			expect([sat.ok, sun.ok, night.ok]).toEqual([true, true, true]);
			const rows = await listSessions(t.db, m.id);
			expect(rows.map((s) => [s.starts_at, s.ends_at])).toEqual([
				['2019-10-26T08:00:00.000Z', '2019-10-26T11:00:00.000Z'],
				['2019-10-27T00:30:00.000Z', '2019-10-27T03:00:00.000Z'],
				['2019-10-27T09:00:00.000Z', '2019-10-27T12:00:00.000Z']
			]);
			const log = await listAudit(t.db, { action: 'session.create', entityId: String(sun.ok && sun.id) });
			expect(JSON.parse(log.rows[0].after_json!)).toMatchObject({ starts_at: '2019-10-27T09:00:00.000Z', room: 'Room XIX' });
		});

		it('refuses sessions outside the meeting’s days or ending before they start, with field messages', async () => {
			const before = (await listSessions(t.db, m.id)).length;
			const early = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-25T23:30', ends_at: '2019-10-26T01:00' }));
			expect(early).toEqual({ ok: false, errors: { starts_at: 'The meeting starts on 2019-10-26: a session cannot start before.' } });
			const late = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-29T10:00', ends_at: '2019-10-29T12:00' }));
			expect(late.ok === false && Object.keys(late.errors).sort()).toEqual(['ends_at', 'starts_at']);
			expect(late.ok === false && late.errors.starts_at).toMatch(/ends on 2019-10-28/);
			const overnight = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-28T22:00', ends_at: '2019-10-29T01:00' }));
			expect(overnight).toEqual({ ok: false, errors: { ends_at: 'The meeting ends on 2019-10-28: a session cannot end after that day.' } });
			const backwards = await saveSession(t.db, actor, m, null, session({ starts_at: '2019-10-27T15:00', ends_at: '2019-10-27T14:00' }));
			expect(backwards).toEqual({ ok: false, errors: { ends_at: 'The end must be after the start.' } });
			// UTC midnight is still the 28th in Geneva: a session ending at 24:00 local is fine.
			expect((await saveSession(t.db, actor, m, null, session({ title: 'Last', starts_at: '2019-10-28T22:00', ends_at: '2019-10-29T00:00' }))).ok).toBe(true);
			expect(await listSessions(t.db, m.id)).toHaveLength(before + 1);
		});

		it('refuses a time skipped when clocks go forward', async () => {
			const spring = await newMeeting(t, actor, { code: 'SPRING2019', start_date: '2019-03-30', end_date: '2019-04-01' });
			const r = await saveSession(t.db, actor, spring, null, session({ starts_at: '2019-03-31T02:30', ends_at: '2019-03-31T04:00' }));
			expect(r.ok === false && Object.keys(r.errors)).toEqual(['starts_at']);
		});

		it('keeps agenda items in agenda order, ignores another meeting’s items, and bumps the sequence on update', async () => {
			const mine = await listAgenda(t.db, m.id);
			const theirs = await listAgenda(t.db, other.id);
			const created = await saveSession(
				t.db,
				actor,
				m,
				null,
				session({
					title: 'Review',
					starts_at: '2019-10-28T10:00',
					ends_at: '2019-10-28T13:00',
					agenda_item_ids: [mine[4].id, theirs[0].id, mine[2].id, mine[3].id]
				})
			);
			if (!created.ok) throw new Error(JSON.stringify(created.errors));
			const find = async () => (await listSessions(t.db, m.id)).find((s) => s.id === created.id)!;
			const s = await find();
			expect(s.agendaItemIds).toEqual([mine[2].id, mine[3].id, mine[4].id]);
			expect(s.sequence).toBe(0);

			const updated = await saveSession(
				t.db,
				actor,
				m,
				created.id,
				session({ title: 'Review (continued)', starts_at: '2019-10-28T15:00', ends_at: '2019-10-28T18:00', agenda_item_ids: [mine[5].id, mine[0].id] })
			);
			expect(updated).toEqual({ ok: true, id: created.id });
			const after = await find();
			expect(after).toMatchObject({ title: 'Review (continued)', starts_at: '2019-10-28T14:00:00.000Z', sequence: 1 });
			expect(after.agendaItemIds).toEqual([mine[0].id, mine[5].id]);
			const log = await listAudit(t.db, { action: 'session.update', entityId: String(created.id) });
			expect(JSON.parse(log.rows[0].before_json!)).toMatchObject({
				title: 'Review',
				agenda_item_ids: expect.arrayContaining([mine[2].id, mine[3].id, mine[4].id])
			});
			expect(JSON.parse(log.rows[0].after_json!)).toMatchObject({ title: 'Review (continued)', starts_at: '2019-10-28T14:00:00.000Z' });
			expect((await listSessions(t.db, other.id)).length).toBe(0);
		});

		it('does not update a session through another meeting', async () => {
			const [s] = await listSessions(t.db, m.id);
			const r = await saveSession(t.db, actor, other, s.id, session({ title: 'Moved away', starts_at: '2019-10-27T10:00', ends_at: '2019-10-27T11:00' }));
			expect(r).toEqual({ ok: false, errors: { _form: 'That session no longer exists.' } });
			expect((await listSessions(t.db, m.id))[0]).toMatchObject({ id: s.id, title: s.title, sequence: s.sequence });
			expect(await deleteSession(t.db, actor, other.id, s.id)).toBe(false);
		});
	});

	describe('demo data', () => {
		const today = new Date('2026-11-26T12:00:00Z');
		let seeded: TestDb;
		beforeAll(async () => {
			seeded = await freshDb(engine);
			await seedDemoData(seeded.db, today);
		});
		afterAll(async () => seeded.close());

		it('seeds once: a second run adds nothing', async () => {
			const count = async () => {
				const [meetings, items, sessions] = await Promise.all(
					(['meetings', 'agenda_items', 'meeting_sessions'] as const).map((table) =>
						seeded.db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					)
				);
				return [Number(meetings.n), Number(items.n), Number(sessions.n)];
			};
			const first = await count();
			expect(first[0]).toBeGreaterThan(20);
			await seedDemoData(seeded.db, today);
			expect(await count()).toEqual(first);
		});

		it('opens the demo meeting’s registration on the given day, with the sponsorship deadline ahead', async () => {
			const demo = (await getMeeting(seeded.db, '14msp'))!;
			expect(demo).toMatchObject({ code: '14MSP', status: 'published', time_zone: 'Europe/Zurich', capacity: 500 });
			expect(demo.start_date > '2026-11-26').toBe(true);
			expect(windowState(demo.registration_opens_at, demo.registration_closes_at, today)).toMatchObject({ state: 'open' });
			expect(demo.registration_closes_at! < `${demo.start_date}T00:00`).toBe(true);
			expect(demo.sponsorship_deadline! > today.toISOString()).toBe(true);
			expect((await listSessions(seeded.db, demo.id)).length).toBeGreaterThan(0);
		});

		it('has the past meetings from the list, each in its venue’s zone', async () => {
			const first = await getMeeting(seeded.db, '1msp');
			expect(first).toMatchObject({
				code: '1MSP',
				city: 'Vientiane',
				time_zone: 'Asia/Vientiane',
				start_date: '2010-11-09',
				end_date: '2010-11-12',
				kind: 'msp',
				symbol_prefix: 'CCM/MSP/2010'
			});
			expect(await getMeeting(seeded.db, '9msp')).toMatchObject({ city: 'Geneva', time_zone: 'Europe/Zurich', venue: 'Palais des Nations' });
			const nine = (await getMeeting(seeded.db, '9msp'))!;
			const agenda = await listAgenda(seeded.db, nine.id);
			expect(labels(agenda).slice(7, 10)).toEqual(['8', '8 (a)', '8 (b)']);
			expect(await listSessions(seeded.db, nine.id)).toHaveLength(6);
		});
	});
});
