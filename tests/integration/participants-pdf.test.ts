import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData } from '../../src/lib/server/seed';
import { keptParticipantsPdf } from '../../src/lib/server/registration/participants-pdf';

// The public list of participants (PDF) is made once and kept until what it prints changes (migration 0021).
describe.each(engines)('the kept list of participants on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	const demo = () => t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();
	const listed = async () =>
		t.db
			.selectFrom('registrations')
			.selectAll()
			.where('meeting_id', '=', (await demo()).id)
			.where('status', '=', 'approved')
			.where('consent_published', '=', 1)
			.orderBy('id')
			.executeTakeFirstOrThrow();

	it('answers the same PDF until the list changes, then a new one', async () => {
		const m = await demo();
		const first = await keptParticipantsPdf(t.db, m);
		expect(first.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const again = await keptParticipantsPdf(t.db, m);
		expect(again.etag).toBe(first.etag);
		// Kept: the very same bytes, not made again.
		expect(again.pdf).toBe(first.pdf);

		const p = await listed();
		await t.db.updateTable('registrations').set({ family_name: 'Renamed-Longer-Family-Name' }).where('id', '=', p.id).execute();
		const renamed = await keptParticipantsPdf(t.db, m);
		expect(renamed.etag).not.toBe(first.etag);
		expect(renamed.pdf).not.toBe(first.pdf);
		expect(renamed.pdf.equals(first.pdf)).toBe(false);
	});

	it('moves with what the list prints, and not with sign-ups that are not approved', async () => {
		const m = await demo();
		const tag = async () => (await keptParticipantsPdf(t.db, m)).etag;
		const p = await listed();
		const before = await tag();
		// A pending sign-up (as in a registration rush) is not on the list.
		const pending = await t.db
			.selectFrom('registrations')
			.select('id')
			.where('meeting_id', '=', m.id)
			.where('status', '=', 'pending')
			.executeTakeFirstOrThrow();
		await t.db.updateTable('registrations').set({ position: 'Adviser' }).where('id', '=', pending.id).execute();
		expect(await tag()).toBe(before);

		const changes: [string, () => Promise<unknown>][] = [
			['withdrawn consent', () => t.db.updateTable('registrations').set({ consent_published: 0 }).where('id', '=', p.id).execute()],
			[
				'their organisation renamed',
				async () => {
					const d = await t.db.selectFrom('delegations').select('organization_id').where('id', '=', p.delegation_id).executeTakeFirstOrThrow();
					await t.db.updateTable('organizations').set({ name: 'Renamed State' }).where('id', '=', d.organization_id).execute();
				}
			],
			['the meeting retitled', () => t.db.updateTable('meetings').set({ title: 'A new title' }).where('id', '=', m.id).execute()]
		];
		let last = before;
		for (const [what, change] of changes) {
			await change();
			const now = await tag();
			expect(now, what).not.toBe(last);
			last = now;
		}
	});
});
