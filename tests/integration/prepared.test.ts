import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engines, freshDb, type TestDb } from './db';
import { prepared } from '../../src/lib/server/db/prepared';

describe.each(engines)('prepared queries on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await t.db
			.insertInto('organizations')
			.values(
				['Austria', 'Chile', 'Ghana', 'Norway'].map((name, i) => ({
					kind: 'state' as const,
					name,
					iso3: `X${i}A`,
					region: i % 2 ? 'Americas' : 'Europe',
					observer_by_right: 0
				}))
			)
			.execute();
	});
	afterAll(() => t.close());

	let builds = 0;
	const byRegion = prepared((db, region: string, after: string) => {
		builds++;
		return db
			.selectFrom('organizations')
			.select('name')
			.where('region', '=', region)
			.where('name', '>', after)
			.where('kind', '=', sql.lit('state'))
			.orderBy('name');
	});

	it('answers as the query built anew would, for every set of values, building it once', async () => {
		const direct = (region: string, after: string) =>
			t.db.selectFrom('organizations').select('name').where('region', '=', region).where('name', '>', after).orderBy('name').execute();
		for (const [region, after] of [
			['Europe', ''],
			['Americas', ''],
			['Europe', 'Austria'],
			['Nowhere', '']
		]) {
			expect(await byRegion.all(t.db, region, after)).toEqual(await direct(region, after));
		}
		expect(await byRegion.first(t.db, 'Americas', 'Chile')).toEqual({ name: 'Norway' });
		expect(builds).toBe(1);
	});

	it('runs inside a transaction, which sees its own writes, and counts the rows it changes', async () => {
		const rename = prepared((db, name: string, id: string) => db.updateTable('organizations').set({ name }).where('iso3', '=', id));
		await t.db.transaction().execute(async (trx) => {
			expect(await rename.affected(trx, 'Österreich', 'X0A')).toBe(1);
			expect(await byRegion.all(trx, 'Europe', '')).toEqual([{ name: 'Ghana' }, { name: 'Österreich' }]);
			expect(await rename.affected(trx, 'Nobody', 'none')).toBe(0);
		});
		expect(builds).toBe(1);
	});

	it('refuses a builder that leaves out one of its values (a value read in JavaScript would be fixed at the first call)', async () => {
		const none = prepared((db, _region: string) => db.selectFrom('organizations').select('name').where('region', '=', 'Europe'));
		await expect(none.all(t.db, 'Americas')).rejects.toThrow('takes 0 of its 1 values');
		const readInJs = prepared((db, region: string, strict: boolean) => {
			const q = db.selectFrom('organizations').select('name').where('region', '=', region);
			return strict ? q.where('kind', '=', 'state') : q;
		});
		await expect(readInJs.all(t.db, 'Europe', true)).rejects.toThrow('takes 1 of its 2 values');
	});
});
