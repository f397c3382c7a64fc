import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { notifyIsu, sendIsuDigest } from '../../src/lib/server/mail/isu-digest';
import { createScheduler } from '../../src/lib/server/jobs/scheduler';
import { appJobs } from '../../src/lib/server/jobs';

const ISU = 'isu@example.org';
const DAILY = { ISU_NOTIFICATIONS: 'daily' } as NodeJS.ProcessEnv;
const mail = (i: number) => ({ to: ISU, subject: `EVENT ${i}`, text: `Event ${i} happened. Act here:\n\nhttp://app.test/admin/x/${i}\n\n-- \nSignature` });

describe.each(engines)('the ISU daily digest on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t?.close());
	afterEach(async () => {
		await t.db.deleteFrom('outbox').execute();
		await t.db.deleteFrom('isu_digest_items').execute();
		await t.db.deleteFrom('isu_digests').execute();
	});
	const outbox = () => t.db.selectFrom('outbox').selectAll().where('to_address', '=', ISU).orderBy('id').execute();

	it('by default each notification is its own mail', async () => {
		await notifyIsu(t.db, mail(1), {});
		await notifyIsu(t.db, mail(2), { ISU_NOTIFICATIONS: 'each' });
		expect((await outbox()).map((m) => m.subject)).toEqual(['EVENT 1', 'EVENT 2']);
		expect(await sendIsuDigest(t.db, ISU, new Date('2031-03-01T09:00:00Z'))).toBeNull();
	});

	it('daily: collected, then one digest a day listing each with its link; a second run that day sends nothing; the next day the rest', async () => {
		await t.db.transaction().execute(async (trx) => {
			await notifyIsu(trx, mail(1), DAILY);
			await notifyIsu(trx, mail(2), DAILY);
		});
		expect(await outbox()).toEqual([]);
		// Not before the digest hour.
		expect(await sendIsuDigest(t.db, ISU, new Date('2031-03-01T05:59:00Z'))).toBeNull();
		expect(await sendIsuDigest(t.db, ISU, new Date('2031-03-01T06:10:00Z'))).toEqual({ day: '2031-03-01', items: 2 });
		const [digest] = await outbox();
		expect(digest.subject).toBe('CCM Meetings: 2 notifications for the ISU (2031-03-01)');
		expect(digest.body_text).toContain('1. EVENT 1');
		expect(digest.body_text).toContain('http://app.test/admin/x/1');
		expect(digest.body_text).toContain('2. EVENT 2');
		expect(digest.body_text).toContain('http://app.test/admin/x/2');

		await notifyIsu(t.db, mail(3), DAILY);
		expect(await sendIsuDigest(t.db, ISU, new Date('2031-03-01T23:50:00Z'))).toBeNull();
		expect(await outbox()).toHaveLength(1);
		expect(await sendIsuDigest(t.db, ISU, new Date('2031-03-02T06:00:00Z'))).toEqual({ day: '2031-03-02', items: 1 });
		const next = (await outbox())[1];
		expect(next.body_text).toContain('EVENT 3');
		expect(next.body_text).not.toContain('EVENT 1');
	});

	it('two overlapping runs send one digest, and every notification is in it', async () => {
		for (let i = 1; i <= 20; i++) await notifyIsu(t.db, mail(i), DAILY);
		const at = new Date('2031-03-05T07:00:00Z');
		const results = await Promise.all([1, 2, 3, 4].map(() => sendIsuDigest(t.db, ISU, at)));
		expect(results.filter(Boolean)).toEqual([{ day: '2031-03-05', items: 20 }]);
		const sent = await outbox();
		expect(sent).toHaveLength(1);
		for (let i = 1; i <= 20; i++) expect(sent[0].body_text).toContain(`http://app.test/admin/x/${i}\n`);
		expect(await t.db.selectFrom('isu_digest_items').select('id').where('digest_day', 'is', null).execute()).toEqual([]);
	});

	it('runs as the scheduler’s job "mail.isu-digest", taken by one of several runners', async () => {
		const before = process.env.ISU_EMAIL;
		process.env.ISU_EMAIL = ISU;
		try {
			await notifyIsu(t.db, mail(1), DAILY);
			const jobs = appJobs({ db: t.db, engine } as never, {}).filter((j) => j.name === 'mail.isu-digest');
			expect(jobs).toHaveLength(1);
			const runners = [1, 2, 3].map((i) => createScheduler(t.db, jobs, { holder: `p${i}` }));
			expect((await Promise.all(runners.map((r) => r.tick()))).flat()).toEqual(['mail.isu-digest']);
			// The job reads the wall clock: before 06:00 UTC it rightly waits.
			expect(await outbox()).toHaveLength(new Date().getUTCHours() >= 6 ? 1 : 0);
		} finally {
			if (before === undefined) delete process.env.ISU_EMAIL;
			else process.env.ISU_EMAIL = before;
		}
	});
});
