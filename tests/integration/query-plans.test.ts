// The registration's hot lookups must be index lookups on SQLite, whatever the number of registrations. A status list
// bound as parameters once made SQLite skip the unique partial indexes and scan the meeting's registrations (0.29 ms a
// registration at 3,000), and `LIMIT ?` on the compound lookup made it ten times slower; neither shows in a result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from './db';
import { findLive } from '../../src/lib/server/registration/store';
import { setHead } from '../../src/lib/server/registration/delegation-store';

describe('query plans on sqlite', () => {
	let t: TestDb;
	const prepared: string[] = [];
	beforeAll(async () => {
		t = await freshDb('sqlite');
		// The statement cache prepares through this object: see every statement the code under test sends.
		const sqlite = t.sqlite!;
		const prepare = sqlite.prepare.bind(sqlite);
		sqlite.prepare = ((source: string) => {
			prepared.push(source);
			return prepare(source);
		}) as typeof sqlite.prepare;
	});
	afterAll(() => t.close());

	/** EXPLAIN QUERY PLAN of every statement `work` prepared that reads registrations. */
	async function plansOf(work: () => Promise<unknown>): Promise<string[][]> {
		prepared.length = 0;
		await work();
		return prepared
			.filter((s) => /from "registrations"/.test(s))
			.map((s) => {
				const params = (s.match(/\?/g) ?? []).map(() => 1);
				return t
					.sqlite!.prepare(`explain query plan ${s}`)
					.all(...params)
					.map((r) => (r as { detail: string }).detail);
			});
	}

	it("finds a person's live registration through the unique indexes, not a scan", async () => {
		const plans = await plansOf(() => findLive(t.db, 1, 'someone@example.org', 7));
		expect(plans).toHaveLength(1);
		expect(plans[0].join('\n')).toMatch(/registrations_one_per_email/);
		expect(plans[0].join('\n')).toMatch(/registrations_one_per_user/);
		expect(plans[0].filter((d) => d.startsWith('SCAN'))).toEqual([]);
	});

	it('looks up a delegation head through an index', async () => {
		const plans = await plansOf(() => setHead(t.db, { id: 1, email: 'staff@example.org' }, 1, 1));
		expect(plans.length).toBeGreaterThan(0);
		for (const p of plans) expect(p.filter((d) => d.startsWith('SCAN'))).toEqual([]);
	});
});
