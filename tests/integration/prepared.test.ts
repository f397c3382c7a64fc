import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
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

	it("never reads the rows of another request's transaction before it commits (SQLite: it waits its turn)", async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		let wrote!: () => void;
		const written = new Promise<void>((r) => (wrote = r));
		const other = t.db
			.transaction()
			.execute(async (trx) => {
				await trx.insertInto('organizations').values({ kind: 'state', name: 'Zambia', iso3: 'X9Z', region: 'Africa', observer_by_right: 0 }).execute();
				wrote();
				await gate;
				throw new Error('rolled back');
			})
			.catch((e: Error) => e.message);
		await written;
		const outside = byRegion.all(t.db, 'Africa', '');
		release();
		expect(await other).toBe('rolled back');
		expect(await outside).toEqual([]);
	});

	it('refuses a transaction used after it ended, also while another request has one open (nothing runs inside it)', async () => {
		const rename = prepared((db, name: string, id: string) => db.updateTable('organizations').set({ name }).where('iso3', '=', id));
		let leaked!: Transaction<Database>;
		await t.db.transaction().execute(async (trx) => {
			await byRegion.all(trx, 'Europe', '');
			await byRegion.all(trx, 'Americas', '');
			leaked = trx;
		});
		await expect(rename.affected(leaked, 'Late', 'X2A')).rejects.toThrow(/already committed/);

		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		let begun!: () => void;
		const open = new Promise<void>((r) => (begun = r));
		const other = t.db.transaction().execute(async (trx) => {
			await byRegion.all(trx, 'Europe', '');
			begun();
			await gate;
			return byRegion.all(trx, 'Africa', '');
		});
		await open;
		const late = rename.affected(leaked, 'Late', 'X2A').catch((e: Error) => e.message);
		release();
		expect(await other).toEqual([]);
		expect(await late).toMatch(/already committed/);
		expect(await t.db.selectFrom('organizations').select('name').where('iso3', '=', 'X2A').executeTakeFirst()).toEqual({ name: 'Ghana' });
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
