import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { listAudit, type Actor } from '../../src/lib/server/audit/audit';
import type { DocumentRow, Meeting } from '../../src/lib/server/db/schema';
import { contentVersion } from '../../src/lib/server/db/content-versions';
import { runInLocale } from '../../src/lib/server/i18n';
import { editAgendaItem } from '../../src/lib/server/meetings/agenda-store';
import { loadCalMeetings } from '../../src/lib/server/meetings/public';
import { listAgenda } from '../../src/lib/server/meetings/queries';
import { placeholderPdf } from '../../src/lib/server/records/files';
import { documentBySymbol } from '../../src/lib/server/records/document-page';
import { meetingDocuments, searchDocuments } from '../../src/lib/server/records/queries';
import { attachFile, createDocument, publishDocument, updateDocument, type NewDocument } from '../../src/lib/server/records/store';
import { seedDemoData } from '../../src/lib/server/seed';

// Issue 14: titles in English, French and Spanish; pages show their language's, English where there is none; the
// document search finds a title in any of the three.
const TODAY = new Date('2026-01-15T12:00:00Z');

describe.each(engines)('titles in several languages on %s', (engine) => {
	let t: TestDb;
	let actor: Actor;
	let msp9: Meeting;
	let msp14: Meeting;
	let agenda: DocumentRow;

	const symbols = async (q: string, locale: 'en' | 'fr' | 'es' = 'en') =>
		(await runInLocale(locale, () => searchDocuments(t.db, { q }))).rows.map((r) => r.symbol);

	async function published(m: Meeting, over: Partial<NewDocument>): Promise<DocumentRow> {
		const r = await createDocument(t.db, actor, m, {
			kind: 'new',
			symbol: '',
			series: 'main',
			title: 'A working paper',
			type: 'working_paper',
			agenda_item_id: null,
			organization_id: null,
			distribution: 'general',
			...over
		});
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const file = new File([Uint8Array.from(placeholderPdf(r.document.title, r.document.symbol))], 'd.pdf', { type: 'application/pdf' });
		expect(await attachFile(t.db, actor, r.document, 'en', file)).toEqual({ ok: true });
		expect(await publishDocument(t.db, actor, r.document)).toBe('ok');
		return r.document;
	}

	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, TODAY);
		const staff = await createUser(t.db, { email: 'translations@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
		msp9 = await t.db.selectFrom('meetings').selectAll().where('code', '=', '9MSP').executeTakeFirstOrThrow();
		msp14 = await t.db.selectFrom('meetings').selectAll().where('code', '=', '14MSP').executeTakeFirstOrThrow();
		agenda = await t.db.selectFrom('documents').selectAll().where('symbol', '=', 'CCM/MSP/2019/1').executeTakeFirstOrThrow();
	});
	afterAll(async () => t.close());

	it('finds the agenda by its French and Spanish titles once staff give them, accents and case folded, on a page of any language', async () => {
		expect(await symbols('ordre du jour')).toEqual([]);
		const saved = await updateDocument(t.db, actor, agenda, {
			title: agenda.title,
			title_fr: 'Ordre du jour provisoire',
			title_es: 'Programa provisional',
			type: agenda.type,
			agenda_item_id: agenda.agenda_item_id,
			organization_id: agenda.organization_id,
			distribution: agenda.distribution
		});
		expect(saved).toEqual({ ok: true });
		for (const q of ['ordre du jour', 'ORDRE DU JOUR provisoire', 'Ordre du jour', 'programa provisional']) {
			expect(await symbols(q), q).toEqual(['CCM/MSP/2019/1']);
			expect(await symbols(q, 'fr'), q).toEqual(['CCM/MSP/2019/1']);
		}
		// Every word in one language's title: words from two languages do not add up to a match.
		expect(await symbols('ordre provisional')).toEqual([]);
		// The English title still finds it.
		expect(await symbols('provisional agenda')).toContain('CCM/MSP/2019/1');
		const log = await listAudit(t.db, { action: 'document.update', entityId: String(agenda.id) });
		expect(JSON.parse(log.rows[0].after_json!)).toMatchObject({ title_fr: 'Ordre du jour provisoire', title_es: 'Programa provisional' });
	});

	it('finds with "asistencia a las víctimas" what "victim assistance" finds where Spanish titles exist', async () => {
		const guide = await published(msp14, {
			title: 'Victim assistance: a guide for States Parties',
			title_fr: 'Assistance aux victimes : guide à l’usage des États parties',
			title_es: 'Asistencia a las víctimas: guía para los Estados Partes'
		});
		const report = await published(msp14, { title: 'Report on victim assistance', title_es: 'Informe sobre la asistencia a las víctimas' });
		const english = await symbols('victim assistance');
		expect(english).toEqual(expect.arrayContaining([guide.symbol, report.symbol]));
		expect(await symbols('asistencia a las víctimas')).toEqual(english.filter((s) => [guide.symbol, report.symbol].includes(s)));
		expect(await symbols('ASISTENCIA A LAS VICTIMAS', 'es')).toEqual([guide.symbol, report.symbol]);
		expect(await symbols('assistance aux victimes')).toEqual([guide.symbol]);
	});

	it("lists each title in the page's language with that language, and English, marked as such, where there is none", async () => {
		const fr = await runInLocale('fr', () => searchDocuments(t.db, { q: 'CCM/MSP/2019' }));
		expect(fr.rows.find((r) => r.symbol === 'CCM/MSP/2019/1')).toMatchObject({ title: 'Ordre du jour provisoire', titleLang: 'fr' });
		expect(fr.rows.find((r) => r.symbol === 'CCM/MSP/2019/2')).toMatchObject({
			title: 'Implementation Support Unit 2020 work plan and budget',
			titleLang: 'en'
		});
		const es = await runInLocale('es', () => searchDocuments(t.db, { q: 'CCM/MSP/2019/1' }));
		expect(es.rows[0]).toMatchObject({ title: 'Programa provisional', titleLang: 'es' });
		const en = await runInLocale('en', () => searchDocuments(t.db, { q: 'CCM/MSP/2019/1' }));
		expect(en.rows[0]).toMatchObject({ title: 'Provisional agenda', titleLang: 'en' });
		const page = await runInLocale('fr', () => documentBySymbol(t.db, 'CCM/MSP/2019/1', null));
		expect(page.found && page.doc).toMatchObject({ title: 'Ordre du jour provisoire', titleLang: 'fr' });
		expect(page.found && page.meeting).toMatchObject({ titleLang: 'en' });
	});

	it('saves an agenda item in three languages, audited, and shows the French one on French pages, the English on Spanish ones', async () => {
		const items = await listAgenda(t.db, msp9.id);
		const va = items.find((i) => i.title === 'Victim assistance')!;
		const input = { title: va.title, title_fr: 'Assistance aux victimes', title_es: null, number: va.number, sub_number: va.sub_number };
		expect(await editAgendaItem(t.db, actor, msp9.id, va.id, input)).toBe('saved');
		const log = await listAudit(t.db, { action: 'agenda.edit', entityId: String(va.id) });
		expect(JSON.parse(log.rows[0].before_json!)).toMatchObject({ title: 'Victim assistance', title_fr: null });
		expect(JSON.parse(log.rows[0].after_json!)).toMatchObject({ title_fr: 'Assistance aux victimes' });

		const doc = await published(msp9, { title: 'Victim assistance update', agenda_item_id: va.id });
		const inFrench = (await runInLocale('fr', () => meetingDocuments(t.db, msp9.id, false))).find((d) => d.id === doc.id)!;
		expect(inFrench).toMatchObject({ title: 'Victim assistance update', titleLang: 'en', item_title: 'Assistance aux victimes', itemTitleLang: 'fr' });
		const inSpanish = (await runInLocale('es', () => meetingDocuments(t.db, msp9.id, false))).find((d) => d.id === doc.id)!;
		expect(inSpanish).toMatchObject({ item_title: 'Victim assistance', itemTitleLang: 'en' });
	});

	it('gives sessions and meetings their translated titles in the programme and calendars, and keeps English as the fallback', async () => {
		const session = await t.db.selectFrom('meeting_sessions').selectAll().where('meeting_id', '=', msp9.id).orderBy('starts_at').executeTakeFirstOrThrow();
		await t.db.updateTable('meeting_sessions').set({ title_es: 'Sesión plenaria de apertura' }).where('id', '=', session.id).execute();
		await t.db.updateTable('meetings').set({ title_fr: 'Neuvième Assemblée des États parties' }).where('id', '=', msp9.id).execute();
		const m = await t.db.selectFrom('meetings').selectAll().where('id', '=', msp9.id).executeTakeFirstOrThrow();
		const [es] = await loadCalMeetings(t.db, [m], 'https://x.test', 'es');
		expect(es.sessions.find((s) => s.id === session.id)).toMatchObject({ title: 'Sesión plenaria de apertura', titleLang: 'es' });
		expect(es).toMatchObject({ title: m.title, titleLang: 'en' });
		const [fr] = await loadCalMeetings(t.db, [m], 'https://x.test', 'fr');
		expect(fr).toMatchObject({ title: 'Neuvième Assemblée des États parties', titleLang: 'fr' });
		expect(fr.sessions.find((s) => s.id === session.id)).toMatchObject({ title: session.title, titleLang: 'en' });
	});

	it('bumps the public pages’ versions when a translation changes, and refuses an empty translation in the database', async () => {
		const before = { programme: await contentVersion(t.db, 'programme'), records: await contentVersion(t.db, 'records') };
		await t.db.updateTable('meetings').set({ title_es: 'Novena Reunión de los Estados Partes' }).where('id', '=', msp9.id).execute();
		expect(await contentVersion(t.db, 'programme')).not.toBe(before.programme);
		expect(await contentVersion(t.db, 'records')).not.toBe(before.records);
		for (const table of ['meetings', 'agenda_items', 'meeting_sessions', 'documents'] as const) {
			await expect(t.db.updateTable(table).set({ title_fr: '  ' }).execute(), table).rejects.toThrow();
		}
	});
});
