import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { register, type PersonDetails } from '../../src/lib/server/registration/store';
import { setCredentials, submitDelegation } from '../../src/lib/server/registration/delegation-store';
import { decideCredentials, listDelegations, participatingDelegations } from '../../src/lib/server/registration/delegations';
import { createUser } from '../../src/lib/server/auth/accounts';
import { listAudit } from '../../src/lib/server/audit/audit';
import { listOutbox } from '../../src/lib/server/mail/outbox';

const ORIGIN = 'http://app.test';
const LETTER = { sha256: 'a'.repeat(64), name: 'credentials.pdf', size: 1000 };

function person(orgId: number, i: number, over: Partial<PersonDetails> = {}): PersonDetails {
	return {
		organization_id: orgId,
		title: null,
		given_name: `Given${i}`,
		family_name: `Family${i}`,
		gender: null,
		position: null,
		email: `d${i}@example.org`,
		phone: null,
		role: 'member',
		consent_published: false,
		access_needs: null,
		...over
	};
}

describe.each(engines)('delegations and credentials on %s', (engine) => {
	let t: TestDb;
	let meetingId: number;
	const org: Record<string, number> = {};
	let staff: { id: number; email: string };
	let focal: { id: number; email: string };
	const reg = (orgId: number, i: number, over: Partial<PersonDetails> = {}) =>
		register(t.db, person(orgId, i, over), { meetingId, userId: null, createdBy: null, byStaff: true, formToken: `f-${i}`, origin: ORIGIN });
	const delegationOf = async (orgId: number) =>
		(await t.db.selectFrom('delegations').select('id').where('meeting_id', '=', meetingId).where('organization_id', '=', orgId).executeTakeFirstOrThrow()).id;

	beforeAll(async () => {
		t = await freshDb(engine);
		const now = new Date().toISOString();
		const orgs: [string, 'state' | 'ngo', 'state_party' | 'signatory' | null, string | null][] = [
			['Senegal', 'state', 'state_party', '2011-08-03'],
			['Austria', 'state', 'state_party', '2009-04-02'],
			['Zambia', 'state', 'state_party', '2009-08-12'],
			['Angola', 'state', 'signatory', '2008-12-03'],
			['Mines Action Canada', 'ngo', null, null]
		];
		for (const [name, kind, ccm_status, joined] of orgs) {
			const row = await t.db
				.insertInto('organizations')
				.values({ kind, name, ccm_status, joined, observer_by_right: 0 })
				.returning('id')
				.executeTakeFirstOrThrow();
			org[name] = row.id;
			// Groups follow the state's status as at the meeting's date: the dated facts, not the row.
			if (kind === 'state' && joined)
				await t.db
					.insertInto('state_facts')
					.values({
						organization_id: row.id,
						source: 'test',
						recorded_at: now,
						kind: 'status',
						event: ccm_status === 'signatory' ? 'signature' : 'deposit',
						on_date: joined
					})
					.execute();
		}
		meetingId = (
			await t.db
				.insertInto('meetings')
				.values({
					code: 'DLG',
					slug: 'dlg',
					title: 'Delegations meeting',
					kind: 'msp',
					start_date: '2031-09-01',
					end_date: '2031-09-03',
					time_zone: 'Europe/Zurich',
					registration_opens_at: '2020-01-01T00:00:00.000Z',
					registration_closes_at: '2031-08-01T00:00:00.000Z',
					capacity: null,
					status: 'published',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		staff = await createUser(t.db, { email: `staff-${engine}@example.org`, password: null, role: 'staff', verified: true });
		focal = await createUser(t.db, {
			email: `fp-senegal-${engine}@example.org`,
			password: null,
			role: 'focal_point',
			verified: true,
			organizationId: org.Senegal
		});
	});
	afterAll(async () => t?.close());

	it('lists each delegation with its state, head and members by status, and filters by state and CCM status', async () => {
		await reg(org.Senegal, 1, { role: 'head' });
		await reg(org.Senegal, 2);
		await reg(org.Austria, 3);
		await reg(org.Zambia, 4);
		await t.db.updateTable('registrations').set({ status: 'cancelled', holds_place: 0 }).where('email', '=', 'd4@example.org').execute();
		const sub = await submitDelegation(t.db, focal, await delegationOf(org.Senegal));
		expect(sub.ok).toBe(true);

		const rows = await listDelegations(t.db, meetingId);
		const by = Object.fromEntries(rows.map((r) => [r.organization, r]));
		expect(by.Senegal).toMatchObject({ state: 'submitted', head: 'Given1 Family1', pending: 2, submitted_by_email: focal.email });
		expect(by.Austria).toMatchObject({ state: 'in_progress', head: null, pending: 1 });
		expect(by.Zambia).toMatchObject({ state: 'not_started', cancelled: 1, pending: 0 });
		expect((await listDelegations(t.db, meetingId, { state: 'submitted' })).map((r) => r.organization)).toEqual(['Senegal']);
		expect((await listDelegations(t.db, meetingId, { ccmStatus: 'ngo' })).map((r) => r.organization)).toEqual([]);
	});

	it('accepts credentials once: the focal point is e-mailed with a link, one audit row, a second accept changes nothing', async () => {
		const id = await delegationOf(org.Senegal);
		expect(await decideCredentials(t.db, staff, meetingId, id, { accept: true }, ORIGIN)).toEqual({
			ok: false,
			message: 'Senegal has not uploaded a credentials letter.'
		});
		expect(await setCredentials(t.db, focal, id, LETTER)).toEqual({ ok: true });
		expect(await decideCredentials(t.db, staff, meetingId, id, { accept: true }, ORIGIN)).toEqual({ ok: true, mailed: 1, organization: 'Senegal' });
		const again = await decideCredentials(t.db, staff, meetingId, id, { accept: true }, ORIGIN);
		expect(again).toEqual({ ok: false, message: 'The credentials of Senegal were already accepted; nothing was changed.' });
		const mail = await listOutbox(t.db, { to: focal.email });
		expect(mail.rows.map((m) => m.subject)).toEqual(['DLG: credentials of Senegal accepted']);
		expect(mail.rows[0].body_text).toContain(`${ORIGIN}/meetings/dlg/delegation`);
		expect((await listAudit(t.db, { action: 'delegation.credentials_accept' })).total).toBe(1);
		expect((await listDelegations(t.db, meetingId, { state: 'accepted' })).map((r) => r.organization)).toEqual(['Senegal']);
		// What the ISU accepted stays on file.
		const replaced = await setCredentials(t.db, focal, id, { ...LETTER, sha256: 'b'.repeat(64) });
		expect(replaced.ok).toBe(false);
	});

	it('refuses with a reason; a new letter clears the refusal and the delegation waits for a decision again', async () => {
		const id = await delegationOf(org.Austria);
		await setCredentials(t.db, staff, id, LETTER);
		// Another meeting's id for this delegation is not found.
		expect((await decideCredentials(t.db, staff, meetingId + 999, id, { accept: true }, ORIGIN)).ok).toBe(false);
		const refused = await decideCredentials(t.db, staff, meetingId, id, { accept: false, reason: 'Signed by the ambassador, not the minister.' }, ORIGIN);
		expect(refused).toEqual({ ok: true, mailed: 0, organization: 'Austria' });
		let row = (await listDelegations(t.db, meetingId)).find((r) => r.organization === 'Austria')!;
		expect(row).toMatchObject({ state: 'refused', credentials_reason: 'Signed by the ambassador, not the minister.' });
		expect(await setCredentials(t.db, staff, id, { ...LETTER, sha256: 'c'.repeat(64), name: 'new.pdf' })).toEqual({ ok: true });
		row = (await listDelegations(t.db, meetingId)).find((r) => r.organization === 'Austria')!;
		expect(row).toMatchObject({ state: 'in_progress', credentials_decision: null, credentials_reason: null, credentials_name: 'new.pdf' });
		expect((await listAudit(t.db, { action: 'delegation.credentials_refuse' })).total).toBe(1);
	});

	it('lists the delegations that took part (an approved member) by group, alphabetically', async () => {
		await reg(org['Mines Action Canada'], 5);
		await reg(org.Angola, 6);
		await t.db.updateTable('registrations').set({ status: 'approved' }).where('status', '=', 'pending').where('email', '!=', 'd2@example.org').execute();
		const groups = await participatingDelegations(t.db, meetingId, '2031-09-01');
		expect(groups).toEqual([
			{ category: 'party', heading: 'States Parties', names: ['Austria', 'Senegal'] },
			{ category: 'signatory', heading: 'Signatory States', names: ['Angola'] },
			{ category: 'ngo', heading: 'Non-governmental organisations', names: ['Mines Action Canada'] }
		]);
	});
});
