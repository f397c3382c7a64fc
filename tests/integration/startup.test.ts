import { describe, expect, it, vi } from 'vitest';
import { engines, freshDb } from './db';
import { prepareDatabase } from '../../src/lib/server/startup';

describe.each(engines)('first start on %s', (engine) => {
	// On PostgreSQL several app processes may share the database: two start at once, each with its own pool. (SQLite is
	// one process's file: there the two starts follow each other.)
	it('seeds once when two app processes start at the same time, and a restart adds nothing', { timeout: 120_000 }, async () => {
		const t = await freshDb(engine);
		const other = engine === 'postgres' ? await sameDatabase(t) : t;
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		try {
			if (engine === 'postgres') await Promise.all([prepareDatabase(t, { SEED_DEMO: 'false' }), prepareDatabase(other, { SEED_DEMO: 'false' })]);
			else for (const h of [t, other]) await prepareDatabase(h, { SEED_DEMO: 'false' });
			const count = async (table: 'organizations' | 'state_facts' | 'criteria_sets' | 'users') =>
				Number(
					(
						await t.db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			const once = { organizations: await count('organizations'), facts: await count('state_facts'), criteria: await count('criteria_sets') };
			await prepareDatabase(t, { SEED_DEMO: 'false' });
			expect({ organizations: await count('organizations'), facts: await count('state_facts'), criteria: await count('criteria_sets') }).toEqual(once);
			expect(once.facts).toBeGreaterThan(100);
			expect(await count('users')).toBe(1);
		} finally {
			log.mockRestore();
			if (other !== t) await other.db.destroy();
			await t.close();
		}
	});
});

async function sameDatabase(t: Awaited<ReturnType<typeof freshDb>>) {
	const { openPostgres } = await import('../../src/lib/server/db/connect');
	const url = new URL(process.env.TEST_DATABASE_URL!);
	const name = (await t.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('n')).executeTakeFirstOrThrow()).n;
	url.pathname = `/${name}`;
	return openPostgres(url.toString(), 5);
}
