import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser, inviteUser, requestPasswordReset, signUp } from '../../src/lib/server/auth/accounts';
import { queueMail, listOutbox } from '../../src/lib/server/mail/outbox';
import { sendDueMail } from '../../src/lib/server/mail/sender';
import { regMails } from '../../src/lib/server/registration/mails';
import { sponsorshipMails } from '../../src/lib/server/sponsorship/mails';
import { runInLocale } from '../../src/lib/server/i18n';
import type { Meeting } from '../../src/lib/server/db';

const ORIGIN = 'http://app.test';
const meeting = { code: '14MSP', title: 'Fourteenth Meeting of States Parties', slug: '14msp' } as Meeting;

async function lastMailTo(t: TestDb, to: string) {
	const { rows } = await listOutbox(t.db, { to });
	expect(rows.length).toBeGreaterThan(0);
	return rows[0];
}

describe.each(engines)('e-mails in the recipient’s language on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await freshDb(engine);
	});
	afterAll(async () => t.close());

	it('a sign-up on a French page gets the confirmation in French, with a French link, and the account keeps French', async () => {
		await runInLocale('fr', () =>
			signUp(t.db, ORIGIN, { email: 'awa@example.org', password: 'correct horse battery', given_name: 'Awa', family_name: 'Diop' })
		);
		const mail = await lastMailTo(t, 'awa@example.org');
		expect(mail.locale).toBe('fr');
		expect(mail.subject).toBe('Confirmez votre adresse électronique pour CCM Meetings');
		expect(mail.body_text).toMatch(new RegExp(`${ORIGIN}/fr/verify/[a-z2-7]+`));
		expect(mail.body_text).toContain("Unité d'appui à l'application");
		const user = await t.db.selectFrom('users').select('locale').where('email', '=', 'awa@example.org').executeTakeFirstOrThrow();
		expect(user.locale).toBe('fr');
		// Later mails follow the account, whatever page asked for them.
		await requestPasswordReset(t.db, ORIGIN, 'awa@example.org');
		const reset = await lastMailTo(t, 'awa@example.org');
		expect(reset.subject).toBe('Réinitialisez votre mot de passe CCM Meetings');
		expect(reset.body_text).toContain(`${ORIGIN}/fr/reset-password/`);
	});

	it('a French staff member’s action mails an English-speaking delegate in English and a Spanish one in Spanish', async () => {
		await createUser(t.db, { email: 'en@example.org', password: null, role: 'delegate' });
		await createUser(t.db, { email: 'es@example.org', password: null, role: 'delegate', locale: 'es' });
		await runInLocale('fr', async () => {
			await queueMail(t.db, regMails.approved('en@example.org', meeting, `${ORIGIN}/registrations/1`, `${ORIGIN}/meetings/14msp/calendar.ics`));
			await queueMail(t.db, regMails.approved('es@example.org', meeting, `${ORIGIN}/registrations/2`, `${ORIGIN}/meetings/14msp/calendar.ics`));
		});
		const en = await lastMailTo(t, 'en@example.org');
		expect(en).toMatchObject({ locale: 'en', subject: '14MSP: registration approved' });
		expect(en.body_text).toContain(`${ORIGIN}/registrations/1\n`);
		expect(en.body_text).toContain('Implementation Support Unit, Convention on Cluster Munitions');
		const es = await lastMailTo(t, 'es@example.org');
		expect(es).toMatchObject({ locale: 'es', subject: '14MSP: inscripción aprobada' });
		expect(es.body_text).toContain(`${ORIGIN}/es/registrations/2`);
		// The calendar file is the same in every language.
		expect(es.body_text).toContain(`${ORIGIN}/meetings/14msp/calendar.ics`);
	});

	it('an offer of sponsorship writes its money and deadline as the recipient reads them, not as the staff member does', async () => {
		const zurich = { ...meeting, time_zone: 'Europe/Zurich' } as Meeting;
		const cost = { airfare: 120_000, dsa: 30_000, nights: 3, total: 210_000 };
		await runInLocale('fr', async () => {
			await queueMail(t.db, sponsorshipMails.offer('en@example.org', zurich, cost, '2026-08-01T10:00:00Z', `${ORIGIN}/meetings/14msp/sponsorship`));
			await queueMail(t.db, sponsorshipMails.offer('es@example.org', zurich, cost, '2026-08-01T10:00:00Z', `${ORIGIN}/meetings/14msp/sponsorship`));
		});
		const en = await lastMailTo(t, 'en@example.org');
		expect(en.body_text).toContain('Economy airfare: CHF 1,200.00');
		expect(en.body_text).toContain('Total: CHF 2,100.00');
		const es = await lastMailTo(t, 'es@example.org');
		expect(es.subject).toBe('14MSP: oferta de patrocinio');
		expect(es.body_text).toContain('Dietas:');
		expect(es.body_text).toMatch(/Total: 2\.?100,00\s*CHF/);
		expect(es.body_text).toContain(`${ORIGIN}/es/meetings/14msp/sponsorship`);
	});

	it('an address with no account is written to in English; an invitation follows the account made for it', async () => {
		await queueMail(t.db, regMails.isuSubmitted('isu@example.org', meeting, 'Chile', 3, `${ORIGIN}/admin/meetings/14msp/delegations`));
		expect((await lastMailTo(t, 'isu@example.org')).locale).toBe('en');
		const staff = await createUser(t.db, { email: 'staff@example.org', password: null, role: 'staff', locale: 'es' });
		await runInLocale('es', () => inviteUser(t.db, ORIGIN, staff, { email: 'new@example.org', role: 'focal_point', organization_id: null }));
		const invite = await lastMailTo(t, 'new@example.org');
		// A new account has not chosen a language yet: English, whoever invited it.
		expect(invite).toMatchObject({ locale: 'en', subject: 'You are invited to CCM Meetings' });
		expect(invite.body_text).toContain('as focal point.');
	});

	it('a sent message says its language (Content-Language)', async () => {
		const sent: { to: string; headers?: Record<string, string> }[] = [];
		await sendDueMail(t.db, { sendMail: async (m) => void sent.push(m) }, 'from@example.org', 100);
		expect(sent.find((m) => m.to === 'es@example.org')?.headers).toEqual({ 'Content-Language': 'es' });
		expect(sent.find((m) => m.to === 'en@example.org')?.headers).toEqual({ 'Content-Language': 'en' });
	});
});
