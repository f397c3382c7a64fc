import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { seedReferenceData } from '../../src/lib/server/seed';
import { register } from '../../src/lib/server/registration/store';
import { listApprovedForBadges, listParticipants, listRegistrations } from '../../src/lib/server/registration/queries';
import { participantGroups } from '../../src/lib/server/registration/lists';
import { organizationOptionsAsAt } from '../../src/lib/server/organizations/queries';

// Each person shows under their state's status as at the meeting's date, not under today's organisation row.
describe.each(engines)('participant categories as at the meeting on %s', (engine) => {
	let t: TestDb;
	const meetings: Record<string, number> = {};
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedReferenceData(t.db);
		const now = new Date().toISOString();
		for (const [code, start] of [
			['M9', '2019-09-02'],
			['M15', '2027-09-06']
		]) {
			const m = await t.db
				.insertInto('meetings')
				.values({
					code,
					slug: code.toLowerCase(),
					title: code,
					kind: 'msp',
					start_date: start,
					end_date: start,
					time_zone: 'Europe/Zurich',
					registration_opens_at: '2010-01-01T00:00:00.000Z',
					registration_closes_at: '2040-01-01T00:00:00.000Z',
					capacity: null,
					status: 'published',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			meetings[code] = m.id;
			for (const [i, iso3] of ['NGA', 'LTU', 'BRA', 'FRA'].entries()) {
				const org = await t.db.selectFrom('organizations').select('id').where('iso3', '=', iso3).executeTakeFirstOrThrow();
				const r = await register(
					t.db,
					{
						organization_id: org.id,
						title: null,
						given_name: iso3,
						family_name: code,
						gender: null,
						position: null,
						email: `${iso3}.${code}@example.org`.toLowerCase(),
						phone: null,
						role: 'head',
						consent_published: true,
						access_needs: null
					},
					{ meetingId: m.id, userId: null, createdBy: null, byStaff: true, formToken: `${code}${i}`, origin: 'http://app.test' }
				);
				if (!r.ok) throw new Error(JSON.stringify(r));
				await t.db.updateTable('registrations').set({ status: 'approved' }).where('id', '=', r.registration.id).execute();
			}
		}
	});
	afterAll(() => t.close());

	const categories = (rows: { given_name: string | null; category: string }[]) => Object.fromEntries(rows.map((r) => [r.given_name, r.category]));

	it('at the 9MSP: Nigeria a Signatory, Lithuania a State Party, Brazil an observer, in every list', async () => {
		const want = { NGA: 'signatory', LTU: 'party', BRA: 'observer', FRA: 'party' };
		expect(categories(await listParticipants(t.db, meetings.M9))).toEqual(want);
		expect(categories(await listApprovedForBadges(t.db, meetings.M9))).toEqual(want);
		expect(categories(await listRegistrations(t.db, meetings.M9))).toEqual(want);
		const groups = participantGroups(await listParticipants(t.db, meetings.M9));
		expect(groups.map((g) => [g.heading, g.organizations.map((o) => o.name)])).toEqual([
			['States Parties', ['France', 'Lithuania']],
			['Signatory States', ['Nigeria']],
			['States not party', ['Brazil']]
		]);
	});

	it('in 2027: Nigeria a State Party, Lithuania (withdrawn in 2025) not party; the staff filter follows', async () => {
		expect(categories(await listParticipants(t.db, meetings.M15))).toEqual({ NGA: 'party', LTU: 'observer', BRA: 'observer', FRA: 'party' });
		expect(categories(await listRegistrations(t.db, meetings.M15, { ccmStatus: 'not_party' }))).toEqual({ LTU: 'observer', BRA: 'observer' });
		expect(categories(await listRegistrations(t.db, meetings.M9, { ccmStatus: 'signatory' }))).toEqual({ NGA: 'signatory' });
	});

	it("groups the register form's list by status as at the meeting", async () => {
		const at = async (day: string) => Object.fromEntries((await organizationOptionsAsAt(t.db, day)).map((o) => [o.name, o.status]));
		const msp9 = await at('2019-09-02');
		expect([msp9['Nigeria'], msp9['Lithuania'], msp9['Brazil'], msp9['Maldives']]).toEqual(['signatory', 'state_party', 'not_party', 'not_party']);
		const later = await at('2027-09-06');
		expect([later['Nigeria'], later['Lithuania'], later['Maldives']]).toEqual(['state_party', 'not_party', 'state_party']);
	});
});
