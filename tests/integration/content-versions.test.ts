import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { contentVersion } from '../../src/lib/server/db/content-versions';
import { seedDemoData } from '../../src/lib/server/seed';

const TODAY = new Date('2026-11-26T12:00:00Z');

describe.each(engines)('content versions on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, TODAY);
	});
	afterAll(() => t.close());

	/** Runs `change` and says which versions moved. */
	async function moved(change: () => Promise<unknown>) {
		const before = { programme: await contentVersion(t.db, 'programme'), records: await contentVersion(t.db, 'records') };
		await change();
		return {
			programme: (await contentVersion(t.db, 'programme')) !== before.programme,
			records: (await contentVersion(t.db, 'records')) !== before.records
		};
	}

	const meeting = () => t.db.selectFrom('meetings').selectAll().where('code', '=', '9MSP').executeTakeFirstOrThrow();

	it('a change to a meeting, its agenda or its sessions moves the versions that show them', async () => {
		const m = await meeting();
		expect(await moved(() => t.db.updateTable('meetings').set({ venue: 'Room XIX' }).where('id', '=', m.id).execute())).toEqual({
			programme: true,
			records: true
		});
		const s = await t.db.selectFrom('meeting_sessions').select('id').where('meeting_id', '=', m.id).executeTakeFirstOrThrow();
		expect(await moved(() => t.db.updateTable('meeting_sessions').set({ room: 'Room XX' }).where('id', '=', s.id).execute())).toEqual({
			programme: true,
			records: false
		});
		expect(await moved(() => t.db.deleteFrom('session_agenda_items').where('session_id', '=', s.id).execute())).toMatchObject({ programme: true });
		expect(
			await moved(() =>
				t.db.updateTable('agenda_items').set({ title: 'Adoption of the agenda (revised)' }).where('meeting_id', '=', m.id).where('number', '=', '3').execute()
			)
		).toEqual({ programme: true, records: true });
	});

	it('a document or its files move the records version only', async () => {
		const f = await t.db.selectFrom('document_files').select(['document_id', 'language']).executeTakeFirstOrThrow();
		expect(await moved(() => t.db.updateTable('documents').set({ title: 'A new title' }).where('id', '=', f.document_id).execute())).toEqual({
			programme: false,
			records: true
		});
		expect(await moved(() => t.db.deleteFrom('document_files').where('document_id', '=', f.document_id).where('language', '=', f.language).execute())).toEqual({
			programme: false,
			records: true
		});
	});

	it('a place taken by a registration moves nothing, so kept public pages survive a registration rush', async () => {
		const m = await meeting();
		expect(
			await moved(() =>
				t.db
					.updateTable('meetings')
					.set((eb) => ({ places_held: eb('places_held', '+', 1) }))
					.where('id', '=', m.id)
					.execute()
			)
		).toEqual({ programme: false, records: false });
	});

	it('a change rolled back leaves the versions as they were', async () => {
		const m = await meeting();
		const r = await moved(async () => {
			await t.db
				.transaction()
				.execute(async (trx) => {
					await trx.updateTable('meetings').set({ title: 'Never saved' }).where('id', '=', m.id).execute();
					throw new Error('rollback');
				})
				.catch(() => undefined);
		});
		expect(r).toEqual({ programme: false, records: false });
	});
});
