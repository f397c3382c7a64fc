import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import * as searchFolds from '../../migrations/2026_11_27_0007_search_folds';
import { searchDocuments } from '../../src/lib/server/records/queries';
import { seedDemoData } from '../../src/lib/server/seed';

describe.each(engines)('search folds on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	it("finds a title written with ’, œ or ß by a query typed with ', oe or ss — also for documents stored before the change", async () => {
		const m = await t.db.selectFrom('meetings').select('id').where('code', '=', '9MSP').executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		const title = 'Côte d’Ivoire’s plan for the mise en œuvre of Article 4 (Straße)';
		// As the app stored titles before migration 0007: accents removed, but ’ and œ kept.
		await t.db
			.insertInto('documents')
			.values({
				meeting_id: m.id,
				symbol: 'CCM/MSP/2019/WP.99',
				base_symbol: 'CCM/MSP/2019/WP.99',
				revision: null,
				corrigendum: null,
				title,
				title_search: 'cote d’ivoire’s plan for the mise en œuvre of article 4 (straße)',
				type: 'working_paper',
				agenda_item_id: null,
				organization_id: null,
				distribution: 'general',
				status: 'published',
				published_at: now,
				withdrawn_at: null,
				replaced_by_id: null,
				uploaded_by: null,
				created_at: now,
				updated_at: now
			})
			.execute();
		const found = async (q: string) => (await searchDocuments(t.db, { q })).rows.map((r) => r.symbol);
		expect(await found("d'ivoire's oeuvre")).toEqual([]);

		// Run 0007 again, as on a database that had the documents before it landed. Called directly: the migrator
		// refuses to rerun it once later migrations exist.
		await searchFolds.up(t.db);

		expect(await found("d'ivoire's oeuvre")).toEqual(['CCM/MSP/2019/WP.99']);
		expect(await found('Côte d’Ivoire’s')).toEqual(['CCM/MSP/2019/WP.99']);
		expect(await found('strasse mise en œuvre')).toEqual(['CCM/MSP/2019/WP.99']);
		expect(await found('strasse oeuvre 5')).toEqual([]);
	});
});
