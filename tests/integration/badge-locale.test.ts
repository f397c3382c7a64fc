import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { seedDemoData } from '../../src/lib/server/seed';
import { listApprovedForBadges } from '../../src/lib/server/registration/queries';
import { badgePeople, pdfMeeting } from '../../src/lib/server/registration/lists';
import { badgesPdf } from '../../src/lib/server/registration/pdf';
import { createUser } from '../../src/lib/server/auth/accounts';
import { keptParticipantsPdf } from '../../src/lib/server/registration/participants-pdf';

const pdftotext = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();

// A badge is its holder's: printed on an English sheet, a French-speaking delegate's badge is in French.
describe.each(engines)('badges and lists in a language on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, new Date('2026-11-26T12:00:00Z'));
	});
	afterAll(() => t.close());

	const demo = () => t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();

	it('prints each badge in its holder’s chosen language, the others in the sheet’s', async () => {
		const m = await demo();
		const rows = await listApprovedForBadges(t.db, m.id);
		const holder = rows.find((r) => r.category === 'party')!;
		const user = await createUser(t.db, { email: 'badge-fr@example.org', password: null, role: 'delegate', locale: 'fr' });
		await t.db.updateTable('registrations').set({ user_id: user.id }).where('id', '=', holder.id).execute();

		const people = badgePeople(await listApprovedForBadges(t.db, m.id), 'en');
		expect(people.find((p) => p.badgeToken === holder.badge_token)?.locale).toBe('fr');
		const text = pdftotext(await badgesPdf(pdfMeeting(m, 'en'), people, 'en'));
		expect(text).toContain('ÉTAT PARTIE');
		expect(text).toContain('STATE PARTY');
	});

	it('keeps one list of participants per language', async () => {
		const m = await demo();
		const en = await keptParticipantsPdf(t.db, m, 'en');
		const es = await keptParticipantsPdf(t.db, m, 'es');
		expect(es.etag).not.toBe(en.etag);
		expect(pdftotext(es.pdf)).toContain('Lista de participantes');
		expect(pdftotext(en.pdf)).toContain('List of participants');
	});
});
