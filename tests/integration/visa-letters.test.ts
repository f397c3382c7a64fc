import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { register, type PersonDetails } from '../../src/lib/server/registration/store';
import { decideVisaLetter, requestVisaLetter, setVisaApproval, visaLetterDownload } from '../../src/lib/server/registration/visa-letters';
import { erasePerson, exportPerson } from '../../src/lib/server/registration/personal-data';
import { createUser } from '../../src/lib/server/auth/accounts';

const ORIGIN = 'http://app.test';
const PASSPORT = { passport_name: 'NDIAYE Awa', nationality: 'Senegalese', passport_number: 'A1234567' };

const person = (orgId: number, email: string, i: number): PersonDetails => ({
	organization_id: orgId,
	title: null,
	given_name: `Awa${i}`,
	family_name: 'Ndiaye',
	gender: null,
	position: null,
	email,
	phone: null,
	role: 'member',
	consent_published: false,
	access_needs: null
});

describe.each(engines)('letters of invitation for visas on %s', (engine) => {
	let t: TestDb;
	let meetingId: number;
	let org: number;
	let n = 0;
	const staff = { id: 0, email: 'isu@example.org' };
	beforeAll(async () => {
		t = await freshDb(engine);
		const now = new Date().toISOString();
		org = (await t.db.insertInto('organizations').values({ kind: 'state', name: 'Senegal', observer_by_right: 0 }).returning('id').executeTakeFirstOrThrow())
			.id;
		meetingId = (
			await t.db
				.insertInto('meetings')
				.values({
					code: '9MSP',
					slug: '9msp',
					title: 'Ninth Meeting of States Parties',
					kind: 'msp',
					start_date: '2031-09-02',
					end_date: '2031-09-04',
					time_zone: 'Europe/Zurich',
					city: 'Geneva',
					registration_opens_at: '2020-01-01T00:00:00.000Z',
					registration_closes_at: '2031-08-01T00:00:00.000Z',
					capacity: null,
					unconfirmed_cap: null,
					status: 'published',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		staff.id = (await createUser(t.db, { email: staff.email, password: null, role: 'staff', verified: true })).id;
	});
	afterAll(async () => t?.close());

	async function delegate(approved: boolean) {
		const i = ++n;
		const user = await createUser(t.db, { email: `awa${i}-${engine}@example.org`, password: null, role: 'delegate', verified: true });
		const r = await register(t.db, person(org, user.email, i), {
			meetingId,
			userId: user.id,
			createdBy: null,
			byStaff: true,
			formToken: `tok${i}`,
			origin: ORIGIN
		});
		if (!r.ok) throw new Error(`registration failed: ${JSON.stringify(r)}`);
		if (approved) await t.db.updateTable('registrations').set({ status: 'approved' }).where('id', '=', r.registration.id).execute();
		return { actor: { id: user.id, email: user.email }, regId: r.registration.id };
	}
	const audits = (regId: number) =>
		t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'registration').where('entity_id', '=', String(regId)).orderBy('id').execute();

	it('refuses a registration that is not approved, with a clear message and nothing stored', async () => {
		const { actor, regId } = await delegate(false);
		const r = await requestVisaLetter(t.db, actor, 'self', regId, PASSPORT, ORIGIN);
		expect(r).toEqual({ ok: false, message: expect.stringContaining('only for an approved registration') });
		expect(await t.db.selectFrom('visa_letters').selectAll().execute()).toHaveLength(0);
	});

	it('issues at once with a readable unique reference; a new request replaces the one letter, audited', async () => {
		const { actor, regId } = await delegate(true);
		const first = await requestVisaLetter(t.db, actor, 'self', regId, PASSPORT, ORIGIN);
		expect(first.ok && first.letter).toMatchObject({ status: 'issued', reference: 'CCM/9MSP/VISA/0001' });
		const second = await requestVisaLetter(t.db, actor, 'self', regId, { ...PASSPORT, passport_number: 'B7654321' }, ORIGIN);
		expect(second.ok && second.letter).toMatchObject({ status: 'issued', reference: 'CCM/9MSP/VISA/0002', passport_number: 'B7654321' });
		expect(await t.db.selectFrom('visa_letters').selectAll().where('registration_id', '=', regId).execute()).toHaveLength(1);
		expect((await audits(regId)).map((a) => a.action)).toEqual(['visa_letter.request', 'visa_letter.issue', 'visa_letter.replace', 'visa_letter.issue']);
		// No passport number in the audit trail: it is kept with the letter only.
		const trail = await t.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', String(regId)).execute();
		expect(JSON.stringify(trail)).not.toContain('B7654321');

		const download = await visaLetterDownload(t.db, staff, 'staff', { id: regId, status: 'approved' });
		expect(download?.reference).toBe('CCM/9MSP/VISA/0002');
		expect(download!.pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect((await audits(regId)).at(-1)?.action).toBe('visa_letter.download');
		// A cancelled or rejected registration has no letter to download.
		expect(await visaLetterDownload(t.db, actor, 'self', { id: regId, status: 'cancelled' })).toBeNull();
	});

	it('with approval required, a request waits for staff; approval issues it and mails the requester; a second decision is refused', async () => {
		await setVisaApproval(t.db, staff, meetingId, true);
		const { actor, regId } = await delegate(true);
		const asked = await requestVisaLetter(t.db, actor, 'self', regId, PASSPORT, ORIGIN);
		if (!asked.ok) throw new Error(asked.message);
		expect(asked.letter.status).toBe('requested');
		const isu = await t.db.selectFrom('outbox').selectAll().where('subject', 'like', '%waits for approval').executeTakeFirstOrThrow();
		expect(isu.body_text).toContain(`${ORIGIN}/admin/meetings/9msp/visa-letters`);
		expect(await visaLetterDownload(t.db, actor, 'self', { id: regId, status: 'approved' })).toBeNull();
		const ok = await decideVisaLetter(t.db, staff, meetingId, { decision: 'approve', letter_id: asked.letter.id }, ORIGIN);
		expect(ok.ok && ok.letter.status).toBe('issued');
		const mail = await t.db.selectFrom('outbox').selectAll().where('to_address', '=', actor.email).orderBy('id', 'desc').executeTakeFirstOrThrow();
		expect(mail.body_text).toContain(`${ORIGIN}/registrations/${regId}/visa-letter`);
		expect(await decideVisaLetter(t.db, staff, meetingId, { decision: 'refuse', letter_id: asked.letter.id, reason: 'Late' }, ORIGIN)).toEqual({
			ok: false,
			message: expect.stringContaining('no longer waiting')
		});
		// Staff asking on someone's behalf issue at once.
		const other = await delegate(true);
		const byStaff = await requestVisaLetter(t.db, staff, 'staff', other.regId, PASSPORT, ORIGIN);
		expect(byStaff.ok && byStaff.letter.status).toBe('issued');
		const refusedOne = await delegate(true);
		const r = await requestVisaLetter(t.db, refusedOne.actor, 'self', refusedOne.regId, PASSPORT, ORIGIN);
		if (!r.ok) throw new Error(r.message);
		const no = await decideVisaLetter(t.db, staff, meetingId, { decision: 'refuse', letter_id: r.letter.id, reason: 'Not a member of the delegation' }, ORIGIN);
		expect(no.ok && no.letter).toMatchObject({ status: 'refused', refusal_reason: 'Not a member of the delegation' });
		expect((await audits(refusedOne.regId)).map((a) => a.action)).toEqual(['visa_letter.request', 'visa_letter.refuse']);
		await setVisaApproval(t.db, staff, meetingId, false);
	});

	it('many requests at once, some for the same registration: one letter per registration, no reference used twice', async () => {
		const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => delegate(true)));
		const asks = people.flatMap((p, i) => (i < 2 ? [p, p, p] : [p]));
		const results = await Promise.all(asks.map((p) => requestVisaLetter(t.db, p.actor, 'self', p.regId, PASSPORT, ORIGIN)));
		expect(results.every((r) => r.ok)).toBe(true);
		const letters = await t.db
			.selectFrom('visa_letters')
			.select(['registration_id', 'reference'])
			.where(
				'registration_id',
				'in',
				people.map((p) => p.regId)
			)
			.execute();
		expect(letters).toHaveLength(6);
		const all = await t.db.selectFrom('visa_letters').select('reference').execute();
		expect(new Set(all.map((l) => l.reference)).size).toBe(all.length);
	});

	it('the person’s data export includes the letter, and erasing the person deletes it', async () => {
		const { actor, regId } = await delegate(true);
		await requestVisaLetter(t.db, actor, 'self', regId, { ...PASSPORT, passport_number: 'ERASE-ME-1' }, ORIGIN);
		const data = await exportPerson(t.db, staff, actor.email);
		expect(data.visa_letters.map((v) => v.passport_number)).toEqual(['ERASE-ME-1']);
		await erasePerson(t.db, staff, actor.email);
		expect(await t.db.selectFrom('visa_letters').selectAll().where('registration_id', '=', regId).execute()).toHaveLength(0);
		expect(await t.db.selectFrom('visa_letters').selectAll().where('passport_number', '=', 'ERASE-ME-1').execute()).toHaveLength(0);
	});
});
