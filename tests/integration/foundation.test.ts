import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { prepareDatabase } from '../../src/lib/server/startup';
import { seedDemoData } from '../../src/lib/server/seed';
import { queueMail, listOutbox } from '../../src/lib/server/mail/outbox';
import { MAX_ATTEMPTS, sendDueMail } from '../../src/lib/server/mail/sender';
import { authenticate } from '../../src/lib/server/auth/accounts';

describe.each(engines)('foundation on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());

	it('seeds the 120 states and the organisations once, with their CCM status', async () => {
		await seedDemoData(t.db);
		await seedDemoData(t.db);
		const states = await t.db.selectFrom('organizations').selectAll().where('kind', '=', 'state').execute();
		// The 120 of the 9MSP, then the UN members and Niue not among them (states-not-party.csv); status at a date: state_facts.
		expect(states).toHaveLength(197);
		const at9msp = states.filter((s) => s.source !== 'states-not-party.csv');
		expect(at9msp.filter((s) => s.ccm_status === 'state_party')).toHaveLength(106);
		expect(at9msp.filter((s) => s.ccm_status === 'signatory')).toHaveLength(14);
		const afg = states.find((s) => s.iso3 === 'AFG')!;
		expect(afg).toMatchObject({ name: 'Afghanistan', region: 'Asia', joined: '2011-09-08', art4_deadline: '2022-03-01' });
		const others = await t.db.selectFrom('organizations').selectAll().where('kind', '!=', 'state').execute();
		expect(others.find((o) => o.short_name === 'ICRC')).toMatchObject({ kind: 'international_organization', observer_by_right: 1 });
		expect(others.find((o) => o.short_name === 'CMC')).toMatchObject({ kind: 'ngo', observer_by_right: 1 });
	});

	it('creates one staff account with a random printed password on first start, and only once', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		await prepareDatabase(t, { STAFF_EMAIL: 'First@Example.org' });
		await prepareDatabase(t, { STAFF_EMAIL: 'first@example.org' });
		const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
		log.mockRestore();
		const staff = await t.db.selectFrom('users').selectAll().where('role', '=', 'staff').execute();
		expect(staff).toHaveLength(1);
		const password = printed.match(/password: (\S+)/)![1];
		expect(password).toHaveLength(20);
		expect(printed.match(/password: /g)).toHaveLength(1);
		expect((await authenticate(t.db, 'first@example.org', password, '127.0.0.1')).ok).toBe(true);
	});

	it('records every message and, with a transport, sends it or retries and then gives up', async () => {
		const good = await queueMail(t.db, { to: 'ok@example.org', subject: 'Hello', text: 'Body' });
		const bad = await queueMail(t.db, { to: 'bounce@example.org', subject: 'Hello', text: 'Body' });
		const sent: string[] = [];
		const transport = {
			async sendMail(m: { to: string }) {
				if (m.to.startsWith('bounce')) throw new Error('550 mailbox unavailable');
				sent.push(m.to);
			}
		};
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
				await sendDueMail(t.db, transport, 'ccm@example.org');
				vi.setSystemTime(Date.now() + 60 * 60_000);
			}
		} finally {
			vi.useRealTimers();
		}
		expect(sent).toEqual(['ok@example.org']);
		const rows = await t.db.selectFrom('outbox').selectAll().where('id', 'in', [good, bad]).orderBy('id').execute();
		expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1 });
		expect(rows[1]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: '550 mailbox unavailable' });
	});

	it('searches the outbox case-insensitively with wildcards taken literally', async () => {
		await queueMail(t.db, { to: 'under_score@example.org', subject: 'x', text: 'y' });
		expect((await listOutbox(t.db, { to: 'UNDER_' })).total).toBe(1);
		expect((await listOutbox(t.db, { to: '_' })).rows.every((r) => r.to_address.includes('_'))).toBe(true);
		expect((await listOutbox(t.db, { to: '%' })).total).toBe(0);
	});
});
