import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { listAudit, type Actor } from '../../src/lib/server/audit/audit';
import type { DocumentRow, Meeting } from '../../src/lib/server/db/schema';
import { readStoredFile, storeFile } from '../../src/lib/server/files/store';
import { canSeeDocument } from '../../src/lib/server/records/access';
import { MAX_DOCUMENT_BYTES, placeholderPdf } from '../../src/lib/server/records/files';
import {
	documentFiles,
	getDocument,
	meetingDocuments,
	SEARCH_PAGE_SIZE,
	searchDocuments,
	searchForm,
	versionsOf,
	type DocumentSearch
} from '../../src/lib/server/records/queries';
import { attachFile, createDocument, publishDocument, withdrawDocument, type NewDocument } from '../../src/lib/server/records/store';
import { baseSymbol, compareSymbols, parseSymbol } from '../../src/lib/server/records/symbols';
import { seedDemoData } from '../../src/lib/server/seed';

/** The demo's "today": the upcoming 14MSP then starts 75 days later, in 2026 (prefix CCM/MSP/2026). */
const TODAY = new Date('2026-01-15T12:00:00Z');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** An upload as the form hands it over; a copy into a plain Uint8Array, which is what File’s types accept. */
const upload = (bytes: Buffer, name: string, type = 'application/pdf') => new File([Uint8Array.from(bytes)], name, { type });
const pdfFile = (title: string, symbol: string, name = 'document.pdf') => upload(placeholderPdf(title, symbol), name);
/** PNG signature and the start of an IHDR chunk: what file-type reads (the same sample as records/files.test.ts). */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32)]);
const GIF = Buffer.concat([Buffer.from('GIF89a', 'ascii'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.alloc(32)]);

function input(over: Partial<NewDocument> = {}): NewDocument {
	return {
		kind: 'new',
		symbol: '',
		series: 'main',
		title: 'A working paper',
		type: 'working_paper',
		agenda_item_id: null,
		organization_id: null,
		distribution: 'general',
		...over
	};
}

function sessionUser(id: number, role: SessionUser['role']): SessionUser {
	return { id, email: `u${id}@example.org`, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
}

describe.each(engines)('records on %s', (engine) => {
	let t: TestDb;
	let actor: Actor;
	let msp9: Meeting;
	let msp14: Meeting;
	/** Every document the tests created through createDocument, for the audit check. */
	const created: DocumentRow[] = [];

	const meeting = (code: string) => t.db.selectFrom('meetings').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
	const countRows = async (table: 'documents' | 'document_files' | 'stored_files' | 'audit_log') =>
		Number(
			(
				await t.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	async function create(m: Meeting, over: Partial<NewDocument> = {}): Promise<DocumentRow> {
		const r = await createDocument(t.db, actor, m, input(over));
		if (!r.ok) throw new Error(`not created: ${JSON.stringify(r.errors)}`);
		created.push(r.document);
		return r.document;
	}

	/** Created, given an English file (and any others), published: what the public search sees. */
	async function published(m: Meeting, over: Partial<NewDocument> = {}, languages: string[] = ['en']): Promise<DocumentRow> {
		const d = await create(m, over);
		for (const lang of languages) expect(await attachFile(t.db, actor, d, lang, pdfFile(d.title, d.symbol))).toEqual({ ok: true });
		expect(await publishDocument(t.db, actor, d)).toBe('ok');
		return (await getDocument(t.db, d.id))!;
	}

	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, TODAY);
		const staff = await createUser(t.db, { email: 'records@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
		msp9 = await meeting('9MSP');
		msp14 = await meeting('14MSP');
	});
	afterAll(async () => t.close());

	it('starts from the seeded 9MSP: six published documents, each with an English placeholder PDF', async () => {
		const docs = await t.db.selectFrom('documents').selectAll().where('meeting_id', '=', msp9.id).execute();
		expect(docs.map((d) => d.symbol).sort(compareSymbols)).toEqual(['/1', '/2', '/9', '/10', '/11', '/12'].map((n) => `CCM/MSP/2019${n}`));
		expect(docs.every((d) => d.status === 'published')).toBe(true);
		expect(msp14.symbol_prefix).toBe('CCM/MSP/2026');
	});

	it("lists a meeting's documents and a document's versions by the symbol's numbers, /2 before /10", async () => {
		const listed = (await meetingDocuments(t.db, msp9.id, false)).map((d) => d.symbol);
		expect(listed).toEqual(['/1', '/2', '/9', '/10', '/11', '/12'].map((n) => `CCM/MSP/2019${n}`));
	});

	describe('createDocument', () => {
		it('gives an empty symbol the next free number of the series, gaps never filled; each sub-series counts on its own', async () => {
			const a = await create(msp9, { title: 'Next main document' });
			expect(a).toMatchObject({
				symbol: 'CCM/MSP/2019/13',
				base_symbol: 'CCM/MSP/2019/13',
				revision: null,
				corrigendum: null,
				status: 'draft',
				meeting_id: msp9.id,
				uploaded_by: actor.id
			});
			expect((await create(msp9, { title: 'And the one after' })).symbol).toBe('CCM/MSP/2019/14');
			expect((await create(msp9, { series: 'WP', title: 'First working paper of the series' })).symbol).toBe('CCM/MSP/2019/WP.1');
			expect((await create(msp9, { series: 'WP', title: 'Second working paper' })).symbol).toBe('CCM/MSP/2019/WP.2');
			expect((await create(msp9, { series: 'INF', type: 'information_paper', title: 'List of documents' })).symbol).toBe('CCM/MSP/2019/INF.1');
			// Another meeting's series is its own.
			expect((await create(msp14, { title: 'Provisional agenda', type: 'provisional_agenda' })).symbol).toBe('CCM/MSP/2026/1');
			// A symbol typed by staff is stored in canonical form.
			expect((await create(msp9, { symbol: 'ccm/msp/2019/wp.7', title: 'Typed symbol' })).symbol).toBe('CCM/MSP/2019/WP.7');
			expect((await create(msp9, { series: 'WP', title: 'After the typed one' })).symbol).toBe('CCM/MSP/2019/WP.8');
		});

		it('refuses a symbol already used, in any case, with a message at symbol and no row', async () => {
			const before = await countRows('documents');
			expect(await createDocument(t.db, actor, msp9, input({ symbol: 'CCM/MSP/2019/10' }))).toEqual({
				ok: false,
				errors: { symbol: 'The symbol CCM/MSP/2019/10 is already used.' }
			});
			expect(await createDocument(t.db, actor, msp9, input({ symbol: ' ccm/msp/2019/13 ' }))).toEqual({
				ok: false,
				errors: { symbol: 'The symbol CCM/MSP/2019/13 is already used.' }
			});
			expect(await countRows('documents')).toBe(before);
		});

		it('refuses a malformed symbol, a Rev./Corr. given as a new document, and an empty symbol without a prefix', async () => {
			const bad = await createDocument(t.db, actor, msp9, input({ symbol: 'CCM/MSP/2019' }));
			expect(bad.ok).toBe(false);
			if (!bad.ok) expect(bad.errors.symbol).toMatch(/document number comes after/);
			const rev = await createDocument(t.db, actor, msp9, input({ symbol: 'CCM/MSP/2019/40/Rev.1' }));
			expect(rev.ok).toBe(false);
			if (!rev.ok) expect(rev.errors.symbol).toMatch(/choose “Revision of” or “Corrigendum to”/);
			const oslo = await meeting('OSC2008');
			expect(oslo.symbol_prefix).toBeNull();
			const none = await createDocument(t.db, actor, oslo, input());
			expect(none.ok).toBe(false);
			if (!none.ok) expect(none.errors.symbol).toMatch(/no symbol prefix/);
		});

		it('refuses a revision or corrigendum of a document that does not exist', async () => {
			const before = await countRows('documents');
			expect(await createDocument(t.db, actor, msp9, input({ kind: 'revision', symbol: 'CCM/MSP/2019/99' }))).toEqual({
				ok: false,
				errors: { symbol: 'There is no document CCM/MSP/2019/99 to revise.' }
			});
			expect(await createDocument(t.db, actor, msp9, input({ kind: 'corrigendum', symbol: 'CCM/MSP/2019/99' }))).toEqual({
				ok: false,
				errors: { symbol: 'There is no document CCM/MSP/2019/99 to correct.' }
			});
			const unreadable = await createDocument(t.db, actor, msp9, input({ kind: 'revision', symbol: 'not a symbol' }));
			expect(unreadable.ok).toBe(false);
			if (!unreadable.ok) expect(unreadable.errors.symbol).toMatch(/A symbol looks like/);
			expect(await countRows('documents')).toBe(before);
		});

		it('numbers revisions and corrigenda of a document, all sharing its base symbol', async () => {
			const rev1 = await create(msp9, { kind: 'revision', symbol: 'CCM/MSP/2019/10', title: 'Analysis of the request submitted by Bulgaria (revised)' });
			expect(rev1).toMatchObject({ symbol: 'CCM/MSP/2019/10/Rev.1', base_symbol: 'CCM/MSP/2019/10', revision: 1, corrigendum: null });
			// Asked from any version, in any case, the next revision is one more than the highest.
			const rev2 = await create(msp9, { kind: 'revision', symbol: 'ccm/msp/2019/10/rev.1', title: 'Second revision' });
			expect(rev2).toMatchObject({ symbol: 'CCM/MSP/2019/10/Rev.2', base_symbol: 'CCM/MSP/2019/10', revision: 2, corrigendum: null });
			const corr = await create(msp9, { kind: 'corrigendum', symbol: 'CCM/MSP/2019/10', title: 'Corrigendum' });
			expect(corr).toMatchObject({ symbol: 'CCM/MSP/2019/10/Corr.1', base_symbol: 'CCM/MSP/2019/10', revision: null, corrigendum: 1 });
			// Each version counts its own corrigenda.
			expect((await create(msp9, { kind: 'corrigendum', symbol: 'CCM/MSP/2019/10/Rev.1', title: 'Corrigendum to Rev.1' })).symbol).toBe(
				'CCM/MSP/2019/10/Rev.1/Corr.1'
			);
			expect((await create(msp9, { kind: 'corrigendum', symbol: 'CCM/MSP/2019/10', title: 'Second corrigendum' })).symbol).toBe('CCM/MSP/2019/10/Corr.2');

			const versions = await versionsOf(t.db, 'CCM/MSP/2019/10');
			expect(versions.map((v) => v.symbol).sort(compareSymbols)).toEqual([
				'CCM/MSP/2019/10',
				'CCM/MSP/2019/10/Corr.1',
				'CCM/MSP/2019/10/Corr.2',
				'CCM/MSP/2019/10/Rev.1',
				'CCM/MSP/2019/10/Rev.1/Corr.1',
				'CCM/MSP/2019/10/Rev.2'
			]);
			// The next new number is not taken by versions: they reuse their document's.
			expect((await create(msp9, { title: 'After the revisions' })).symbol).toBe('CCM/MSP/2019/15');
			// /1 (and /100, were there one) are other documents.
			expect((await versionsOf(t.db, 'CCM/MSP/2019/1')).map((v) => v.symbol)).toEqual(['CCM/MSP/2019/1']);
		});

		it('accepts an item of the meeting’s agenda and refuses one of another meeting’s', async () => {
			const own = await t.db.selectFrom('agenda_items').select('id').where('meeting_id', '=', msp9.id).orderBy('position').executeTakeFirstOrThrow();
			const other = await t.db.selectFrom('agenda_items').select('id').where('meeting_id', '=', msp14.id).orderBy('position').executeTakeFirstOrThrow();
			const before = await countRows('documents');
			expect(await createDocument(t.db, actor, msp9, input({ agenda_item_id: other.id }))).toEqual({
				ok: false,
				errors: { agenda_item_id: 'Choose an item of this meeting’s agenda.' }
			});
			expect(await createDocument(t.db, actor, msp9, input({ agenda_item_id: 999_999 }))).toEqual({
				ok: false,
				errors: { agenda_item_id: 'Choose an item of this meeting’s agenda.' }
			});
			expect(await countRows('documents')).toBe(before);
			expect((await create(msp9, { agenda_item_id: own.id, title: 'On the opening' })).agenda_item_id).toBe(own.id);
		});

		it('audits every creation, and nothing for a refused one', async () => {
			const { total } = await listAudit(t.db, { action: 'document.create' });
			expect(total).toBe(created.length);
			for (const d of created) {
				const { rows } = await listAudit(t.db, { action: 'document.create', entityType: 'document', entityId: String(d.id) });
				expect(rows, d.symbol).toHaveLength(1);
				expect(rows[0]).toMatchObject({ actor_user_id: actor.id, actor_email: actor.email, before_json: null });
				expect(JSON.parse(rows[0].after_json!)).toEqual({ symbol: d.symbol, title: d.title, type: d.type });
			}
		});
	});

	describe('attachFile', () => {
		let doc: DocumentRow;
		/** The document row and its files: what a failed upload must leave as it was. */
		const state = async () => ({ doc: await getDocument(t.db, doc.id), files: await documentFiles(t.db, doc.id), stored: await countRows('stored_files') });

		beforeAll(async () => {
			doc = await create(msp9, { title: 'Document to attach files to' });
		});

		async function refused(language: string, file: unknown, field: 'file' | 'language', message: RegExp) {
			const before = await state();
			const r = await attachFile(t.db, actor, doc, language, file);
			expect(r.ok).toBe(false);
			if (r.ok) return;
			expect(Object.keys(r.errors)).toEqual([field]);
			expect(r.errors[field]).toMatch(message);
			expect(await state()).toEqual(before);
		}

		async function badUploads(language: string) {
			// Text named .pdf, with the browser claiming PDF: checked by content, refused.
			await refused(
				language,
				new File(['Minutes of the meeting, plain text.\n'], 'minutes.pdf', { type: 'application/pdf' }),
				'file',
				/not a PDF.*whatever its name says/
			);
			// A real type we do not take names itself.
			await refused(language, upload(GIF, 'report.pdf', 'application/pdf'), 'file', /its content is GIF/);
			await refused(language, new File([], 'empty.pdf', { type: 'application/pdf' }), 'file', /empty/);
			const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
			placeholderPdf('Big', 'CCM/MSP/2019/99').copy(big);
			await refused(language, upload(big, 'big.pdf', 'application/pdf'), 'file', /larger than 25 MB/);
			await refused(language, 'not a file at all', 'file', /Choose a file/);
			await refused(language, null, 'file', /Choose a file/);
		}

		it('refuses a language we do not serve, with a message at language, storing nothing', async () => {
			await refused('de', pdfFile('German', doc.symbol), 'language', /six languages/);
			await refused('EN', pdfFile('Upper case', doc.symbol), 'language', /six languages/);
			await refused('', pdfFile('None', doc.symbol), 'language', /six languages/);
		});

		it('refuses a file whose content is not what its name says, an empty one and one over the limit; the document stays without files', async () => {
			await badUploads('en');
			expect(await documentFiles(t.db, doc.id)).toEqual([]);
		});

		it('takes a PDF for English and a PNG for French, by content, and keeps the bytes', async () => {
			const pdf = placeholderPdf(doc.title, doc.symbol);
			expect(await attachFile(t.db, actor, doc, 'en', upload(pdf, 'Report (final)?.pdf', 'application/octet-stream'))).toEqual({ ok: true });
			expect(await attachFile(t.db, actor, doc, 'fr', upload(PNG, 'rapport.pdf', 'application/pdf'))).toEqual({ ok: true });
			const files = await documentFiles(t.db, doc.id);
			expect(files.map((f) => [f.language, f.mime, f.size, f.sha256, f.original_name])).toEqual([
				['en', 'application/pdf', pdf.length, sha256(pdf), 'Report _final_.pdf'],
				['fr', 'image/png', PNG.length, sha256(PNG), 'rapport.pdf']
			]);
			expect((await readStoredFile(sha256(pdf)))?.equals(pdf)).toBe(true);
			expect((await readStoredFile(sha256(PNG)))?.equals(PNG)).toBe(true);
			const { rows } = await listAudit(t.db, { action: 'document.file', entityType: 'document', entityId: String(doc.id) });
			expect(rows.map((r) => JSON.parse(r.after_json!).language).sort()).toEqual(['en', 'fr']);
		});

		it('a failed upload leaves the files a document already has as they were', async () => {
			await badUploads('en');
			await badUploads('fr');
			await refused('de', pdfFile('German', doc.symbol), 'language', /six languages/);
			expect((await documentFiles(t.db, doc.id)).map((f) => f.language)).toEqual(['en', 'fr']);
		});

		it('replaces one language’s file, auditing the one it replaced', async () => {
			const old = (await documentFiles(t.db, doc.id)).find((f) => f.language === 'en')!;
			const pdf = placeholderPdf(`${doc.title}, corrected`, doc.symbol);
			expect(await attachFile(t.db, actor, doc, 'en', upload(pdf, 'corrected.pdf'))).toEqual({ ok: true });
			const files = await documentFiles(t.db, doc.id);
			expect(files.map((f) => [f.language, f.sha256])).toEqual([
				['en', sha256(pdf)],
				['fr', sha256(PNG)]
			]);
			const { rows } = await listAudit(t.db, { action: 'document.file', entityType: 'document', entityId: String(doc.id) });
			expect(JSON.parse(rows[0].before_json!)).toEqual({ sha256: old.sha256, original_name: old.original_name });
			expect(JSON.parse(rows[0].after_json!)).toEqual({ language: 'en', sha256: sha256(pdf), name: 'corrected.pdf' });
		});

		it('stores the same content once, however many times and places it is uploaded', async () => {
			const pdf = placeholderPdf('Shared annex', 'CCM/MSP/2019/ANNEX');
			const other = await create(msp9, { title: 'Another document sharing the annex' });
			const storedBefore = await countRows('stored_files');
			expect(await attachFile(t.db, actor, doc, 'es', upload(pdf, 'annex.pdf'))).toEqual({ ok: true });
			expect(await attachFile(t.db, actor, doc, 'es', upload(pdf, 'annex-again.pdf'))).toEqual({ ok: true });
			expect(await attachFile(t.db, actor, other, 'en', upload(pdf, 'annex.pdf'))).toEqual({ ok: true });
			expect(await countRows('stored_files')).toBe(storedBefore + 1);
			const copies = await t.db.selectFrom('stored_files').selectAll().where('sha256', '=', sha256(pdf)).execute();
			expect(copies).toHaveLength(1);
			expect(copies[0]).toMatchObject({ mime: 'application/pdf', size: pdf.length });
			const uses = await t.db.selectFrom('document_files').select(['document_id', 'language', 'original_name']).where('sha256', '=', sha256(pdf)).execute();
			expect(uses).toHaveLength(2);
			expect(uses.find((u) => u.document_id === doc.id)).toMatchObject({ language: 'es', original_name: 'annex-again.pdf' });
		});
	});

	describe('publish and withdraw', () => {
		it('publishes only a draft with at least one file, recording the date', async () => {
			const d = await create(msp14, { title: 'Draft without files' });
			expect(await publishDocument(t.db, actor, d)).toBe('no_files');
			expect(await getDocument(t.db, d.id)).toMatchObject({ status: 'draft', published_at: null });

			expect(await attachFile(t.db, actor, d, 'en', pdfFile(d.title, d.symbol))).toEqual({ ok: true });
			const before = new Date().toISOString();
			expect(await publishDocument(t.db, actor, d)).toBe('ok');
			const p = (await getDocument(t.db, d.id))!;
			expect(p.status).toBe('published');
			expect(p.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
			expect(p.published_at! >= before).toBe(true);
			expect(await publishDocument(t.db, actor, p)).toBe('not_draft');

			const { rows } = await listAudit(t.db, { action: 'document.publish', entityType: 'document', entityId: String(d.id) });
			expect(rows).toHaveLength(1);
			expect([JSON.parse(rows[0].before_json!), JSON.parse(rows[0].after_json!)]).toEqual([{ status: 'draft' }, { status: 'published' }]);
		});

		it('withdraws a published document, keeping it, pointing to its replacement when there is one', async () => {
			const draft = await create(msp14, { title: 'Never published' });
			expect(await withdrawDocument(t.db, actor, draft, null)).toBe('not_published');

			const old = await published(msp14, { title: 'Programme of work', type: 'programme_of_work' });
			const replacement = await published(msp14, { kind: 'revision', symbol: old.symbol, title: 'Programme of work (revised)', type: 'programme_of_work' });
			expect(replacement.symbol).toBe(`${old.symbol}/Rev.1`);

			for (const unknown of ['CCM/MSP/2026/999', 'no such thing', old.symbol]) {
				expect(await withdrawDocument(t.db, actor, old, unknown), unknown).toBe('unknown_replacement');
			}
			expect(await getDocument(t.db, old.id)).toMatchObject({ status: 'published', withdrawn_at: null, replaced_by_id: null });
			expect((await listAudit(t.db, { action: 'document.withdraw', entityId: String(old.id) })).total).toBe(0);

			// Staff may type the symbol in lower case, as everywhere else.
			expect(await withdrawDocument(t.db, actor, old, replacement.symbol.toLowerCase())).toBe('ok');
			const w = (await getDocument(t.db, old.id))!;
			expect(w).toMatchObject({ status: 'withdrawn', replaced_by_id: replacement.id });
			expect(w.withdrawn_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			expect(await withdrawDocument(t.db, actor, w, null)).toBe('not_published');

			const { rows } = await listAudit(t.db, { action: 'document.withdraw', entityType: 'document', entityId: String(old.id) });
			expect(rows).toHaveLength(1);
			expect(JSON.parse(rows[0].after_json!)).toEqual({ status: 'withdrawn', replaced_by: replacement.symbol });

			// Without a replacement.
			const alone = await published(msp14, { title: 'Withdrawn alone' });
			expect(await withdrawDocument(t.db, actor, alone, null)).toBe('ok');
			expect(await getDocument(t.db, alone.id)).toMatchObject({ status: 'withdrawn', replaced_by_id: null });
		});
	});

	describe('searchDocuments', () => {
		const symbols = async (f: DocumentSearch) => (await searchDocuments(t.db, f)).rows.map((r) => r.symbol).sort(compareSymbols);
		let revised: DocumentRow;
		let withdrawn: DocumentRow;
		let limited: DocumentRow;
		let draftHere: DocumentRow;
		let hiddenMeetingDoc: DocumentRow;

		beforeAll(async () => {
			revised = await published(msp9, { title: 'Révision de la méthodologie Zéphyr', type: 'decision' }, ['en', 'fr']);
			withdrawn = await published(msp9, { title: 'Zephyr costs estimate', type: 'working_paper' });
			expect(await withdrawDocument(t.db, actor, withdrawn, null)).toBe('ok');
			limited = await published(msp9, { title: 'Zephyr limited note', distribution: 'limited' });
			draftHere = await create(msp9, { title: 'Zephyr draft note' });
			await attachFile(t.db, actor, draftHere, 'en', pdfFile(draftHere.title, draftHere.symbol));
			const now = new Date().toISOString();
			const hidden = await t.db
				.insertInto('meetings')
				.values({
					code: 'DRAFT31',
					slug: 'draft31',
					title: 'A meeting not yet announced',
					kind: 'msp',
					start_date: '2031-09-01',
					end_date: '2031-09-03',
					time_zone: 'Europe/Zurich',
					symbol_prefix: 'CCM/MSP/2031',
					status: 'draft',
					created_at: now,
					updated_at: now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			hiddenMeetingDoc = await published(hidden, { title: 'Zephyr agenda of an unannounced meeting' });
			await published(msp14, { title: 'Zephyr quota 100% met' });
			await published(msp14, { title: 'Zephyr quota 1000 met' });
			await published(msp14, { title: 'Zephyr file_a listing' });
			await published(msp14, { title: 'Zephyr fileXa listing' });
		});

		it('finds title words in any order and case, accents ignored on either side', async () => {
			expect(await symbols({ q: 'BULGARIA analysis' })).toEqual(['CCM/MSP/2019/10']);
			expect(await symbols({ q: 'deadline   Bulgária' })).toEqual(['CCM/MSP/2019/10']);
			expect(await symbols({ q: 'revision zephyr' })).toEqual([revised.symbol]);
			expect(await symbols({ q: 'RÉVISION méthodologie' })).toEqual([revised.symbol]);
			expect(await symbols({ q: 'revision nothing-like-this' })).toEqual([]);
			expect(revised.title_search).toBe('revision de la methodologie zephyr');
		});

		it('finds a symbol by a fragment, in any case', async () => {
			// Only the original is published: its drafts (Rev.1, Rev.2, Corr.1…) stay out.
			expect(await symbols({ q: '2019/10' })).toEqual(['CCM/MSP/2019/10']);
			const public9 = [
				'CCM/MSP/2019/1',
				'CCM/MSP/2019/2',
				'CCM/MSP/2019/9',
				'CCM/MSP/2019/10',
				'CCM/MSP/2019/11',
				'CCM/MSP/2019/12',
				revised.symbol,
				withdrawn.symbol
			];
			expect(await symbols({ q: 'ccm/msp/2019/1' })).toEqual(public9.filter((s) => s.startsWith('CCM/MSP/2019/1')).sort(compareSymbols));
			expect(await symbols({ q: 'CCM/MSP/2019/' })).toEqual(public9.sort(compareSymbols));
			expect(await symbols({ q: `${withdrawn.symbol.toLowerCase()} costs` })).toEqual([withdrawn.symbol]);
		});

		it('leaves out drafts, limited documents and documents of meetings not yet published; keeps withdrawn ones, marked', async () => {
			const r = await searchDocuments(t.db, { q: 'zephyr' });
			const found = r.rows.map((x) => x.symbol);
			expect(found).not.toContain(limited.symbol);
			expect(found).not.toContain(draftHere.symbol);
			expect(found).not.toContain(hiddenMeetingDoc.symbol);
			expect(r.rows.find((x) => x.symbol === withdrawn.symbol)).toMatchObject({ status: 'withdrawn', title: 'Zephyr costs estimate' });
			expect(r.rows.find((x) => x.symbol === revised.symbol)).toMatchObject({
				status: 'published',
				languages: ['en', 'fr'],
				meeting_code: '9MSP',
				meeting_slug: msp9.slug,
				start_date: '2019-09-02'
			});
			expect(r.total).toBe(6);
			expect(r.rows.map((x) => x.start_date)).toEqual([...r.rows.map((x) => x.start_date)].sort().reverse());
		});

		it('filters by type, year and language', async () => {
			expect(await symbols({ type: 'report', year: 2019 })).toEqual(['CCM/MSP/2019/11']);
			expect(await symbols({ type: 'working_paper', year: 2019 })).toEqual(
				['CCM/MSP/2019/2', 'CCM/MSP/2019/9', 'CCM/MSP/2019/10', 'CCM/MSP/2019/12', withdrawn.symbol].sort(compareSymbols)
			);
			expect((await searchDocuments(t.db, { year: 2019 })).total).toBe(8);
			expect((await searchDocuments(t.db, { year: 2018 })).total).toBe(0);
			expect(await symbols({ lang: 'fr' })).toEqual([revised.symbol]);
			expect(await symbols({ lang: 'fr', year: 2026 })).toEqual([]);
			expect(await symbols({ lang: 'ar' })).toEqual([]);
			expect(await symbols({ q: 'zephyr', type: 'decision', year: 2019, lang: 'en' })).toEqual([revised.symbol]);
		});

		it('takes % and _ in the query literally', async () => {
			expect((await searchDocuments(t.db, { q: '100%' })).rows.map((r) => r.title)).toEqual(['Zephyr quota 100% met']);
			expect((await searchDocuments(t.db, { q: 'file_a' })).rows.map((r) => r.title)).toEqual(['Zephyr file_a listing']);
			expect((await searchDocuments(t.db, { q: '%' })).rows.map((r) => r.title)).toEqual(['Zephyr quota 100% met']);
			expect((await searchDocuments(t.db, { q: '_' })).rows.map((r) => r.title)).toEqual(['Zephyr file_a listing']);
			expect((await searchDocuments(t.db, { q: '\\' })).total).toBe(0);
		});

		it('pages through results, with the total of all pages', async () => {
			const pm = await t.db
				.insertInto('meetings')
				.values({
					...(({ id: _id, ...m }) => m)(msp14),
					code: 'PAGE2027',
					slug: 'page2027',
					start_date: '2027-03-01',
					end_date: '2027-03-02',
					symbol_prefix: 'CCM/MSP/2027'
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			for (let i = 1; i <= 30; i++) await published(pm, { title: `Quokka statement ${i}`, type: 'statement' });
			const p1 = await searchDocuments(t.db, { q: 'quokka' });
			const p2 = await searchDocuments(t.db, { q: 'quokka', page: 2 });
			const p3 = await searchDocuments(t.db, { q: 'quokka', page: 3 });
			expect([p1.total, p2.total, p3.total]).toEqual([30, 30, 30]);
			expect([p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([SEARCH_PAGE_SIZE, 30 - SEARCH_PAGE_SIZE, 0]);
			const all = [...p1.rows, ...p2.rows].map((r) => r.symbol);
			expect(new Set(all).size).toBe(30);
			expect(all.sort(compareSymbols)).toEqual(Array.from({ length: 30 }, (_, i) => `CCM/MSP/2027/${i + 1}`));
			expect((await searchDocuments(t.db, { q: 'quokka', page: 0 })).rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
			expect((await searchDocuments(t.db, { q: 'quokka', page: -3 })).rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
		});
	});

	describe('search over 5,000 documents', () => {
		const MEETINGS = ['1MSP', '2MSP', '3MSP', '4MSP', '5MSP', '1RC', '6MSP', '7MSP', '8MSP'];
		const TOPICS = [
			'Clearance and risk reduction of cluster munition remnants in',
			'Victim assistance: national plan of',
			'Transparency report submitted by',
			'Stockpile destruction progress of',
			'Request for an extension of the Article 4 deadline by',
			'Statement on universalization delivered by',
			'International cooperation and assistance received by',
			'National implementation measures adopted by'
		];
		const STATES = [
			'Albania',
			'Bosnia and Herzegovina',
			'Chile',
			'Côte d’Ivoire',
			'Germany',
			'Guinea-Bissau',
			'Iraq',
			'Lao People’s Democratic Republic',
			'Lebanon',
			'México',
			'Montenegro',
			'Perú',
			'Sénégal',
			'Somalia',
			'Switzerland',
			'Zambia'
		];
		const TYPES = ['working_paper', 'information_paper', 'statement', 'report', 'decision', 'other'];
		const LANGS = ['en', 'fr', 'es', 'ar', 'zh', 'ru'];

		interface Gen {
			symbol: string;
			title: string;
			type: string;
			status: 'draft' | 'published' | 'withdrawn';
			distribution: 'general' | 'limited';
			year: number;
			languages: string[];
		}
		const generated: Gen[] = [];

		function expected(f: DocumentSearch): number {
			const words = searchForm(f.q ?? '')
				.split(' ')
				.filter(Boolean);
			return generated.filter(
				(g) =>
					g.status !== 'draft' &&
					g.distribution === 'general' &&
					words.every((w) => searchForm(g.title).includes(w) || g.symbol.toLowerCase().includes(w)) &&
					(!f.type || g.type === f.type) &&
					(!f.year || g.year === f.year) &&
					(!f.lang || g.languages.includes(f.lang))
			).length;
		}

		beforeAll(async () => {
			const meetings = await t.db.selectFrom('meetings').selectAll().where('code', 'in', MEETINGS).execute();
			expect(meetings).toHaveLength(MEETINGS.length);
			const sha = await storeFile(t.db, placeholderPdf('Volume', 'CCM/1'), 'application/pdf');
			const now = new Date().toISOString();
			const rows = [];
			const files: { symbol: string; languages: string[] }[] = [];
			for (let i = 0; i < 5000; i++) {
				const m = meetings[i % meetings.length];
				const k = Math.floor(i / meetings.length); // the document's place in its meeting's series
				// Every 25th is the first revision of the document before it; the rest take the next number.
				const symbol = k % 25 === 24 ? `${m.symbol_prefix}/${k}/Rev.1` : k % 7 === 3 ? `${m.symbol_prefix}/WP.${k + 1}` : `${m.symbol_prefix}/${k + 1}`;
				const p = parseSymbol(symbol);
				if (!p.ok) throw new Error(symbol);
				const title = `${TOPICS[i % TOPICS.length]} ${STATES[(i * 7) % STATES.length]}${k % 25 === 24 ? ' (revised)' : ''}`;
				const status = i % 11 === 0 ? 'draft' : i % 37 === 0 ? 'withdrawn' : 'published';
				const distribution = i % 13 === 0 ? 'limited' : 'general';
				const languages = LANGS.filter((_, j) => j === 0 || (i + j) % (j + 2) === 0);
				generated.push({ symbol, title, type: TYPES[i % TYPES.length], status, distribution, year: Number(m.start_date.slice(0, 4)), languages });
				files.push({ symbol, languages });
				rows.push({
					meeting_id: m.id,
					symbol,
					base_symbol: baseSymbol(p.symbol),
					revision: p.symbol.revision,
					corrigendum: p.symbol.corrigendum,
					title,
					title_search: searchForm(title),
					type: TYPES[i % TYPES.length],
					agenda_item_id: null,
					organization_id: null,
					distribution,
					status,
					published_at: status === 'draft' ? null : now,
					withdrawn_at: status === 'withdrawn' ? now : null,
					uploaded_by: actor.id,
					created_at: now,
					updated_at: now
				} as const);
			}
			expect(new Set(generated.map((g) => g.symbol)).size).toBe(5000);
			const started = performance.now();
			for (let i = 0; i < rows.length; i += 500)
				await t.db
					.insertInto('documents')
					.values(rows.slice(i, i + 500))
					.execute();
			const ids = new Map(
				(
					await t.db
						.selectFrom('documents')
						.select(['id', 'symbol'])
						.where(
							'meeting_id',
							'in',
							meetings.map((m) => m.id)
						)
						.execute()
				).map((r) => [r.symbol, r.id])
			);
			const fileRows = files.flatMap((f) =>
				f.languages.map((language) => ({
					document_id: ids.get(f.symbol)!,
					language,
					sha256: sha,
					mime: 'application/pdf',
					size: 1000,
					original_name: 'volume.pdf',
					uploaded_at: now
				}))
			);
			for (let i = 0; i < fileRows.length; i += 1000)
				await t.db
					.insertInto('document_files')
					.values(fileRows.slice(i, i + 1000))
					.execute();
			console.log(`[records/${engine}] inserted 5,000 documents and ${fileRows.length} files in ${Math.round(performance.now() - started)} ms`);
		});

		it('counts what it should, across meetings, years, types and languages', async () => {
			const cases: DocumentSearch[] = [
				{ q: 'transparency report' },
				{ q: 'clearance', year: 2015 },
				{ q: 'cote divoire' }, // the apostrophe stays in the title: no match, like the engine
				{ q: 'côte' },
				{ q: 'senegal victim' },
				{ q: 'PERU' },
				{ q: 'ccm/msp/2013/4' },
				{ q: 'rev.1 revised', type: 'report' },
				{ q: 'wp.1' },
				{ type: 'statement', lang: 'fr', year: 2012 },
				{ lang: 'zh', year: 2017 },
				{ q: 'extension article', type: 'decision' },
				{ year: 2016 }
			];
			for (const f of cases) {
				const r = await searchDocuments(t.db, f);
				expect(r.total, JSON.stringify(f)).toBe(expected(f));
				expect(r.rows.length, JSON.stringify(f)).toBe(Math.min(SEARCH_PAGE_SIZE, expected(f)));
			}
			// Sanity: the cases above are not trivially empty or everything.
			expect(expected({ q: 'transparency report' })).toBeGreaterThan(400);
			expect(expected({ q: 'clearance', year: 2015 })).toBeGreaterThan(30);
			expect(expected({ q: 'ccm/msp/2013/4' })).toBeGreaterThan(50);
			expect(expected({ q: 'côte' })).toBeGreaterThan(100);
			expect(expected({ q: 'rev.1 revised', type: 'report' })).toBeGreaterThan(10);
			expect(expected({ year: 2016 })).toBeLessThan(556);

			// The last page holds the remainder.
			const f = { q: 'transparency report' };
			const last = Math.ceil(expected(f) / SEARCH_PAGE_SIZE);
			expect((await searchDocuments(t.db, { ...f, page: last })).rows.length).toBe(expected(f) - (last - 1) * SEARCH_PAGE_SIZE);
		});
	});

	describe('canSeeDocument', () => {
		it('shows a draft to staff and to its uploader only, a limited document to staff (and its uploader), the rest to all', async () => {
			const delegate = await createUser(t.db, { email: 'delegate@example.org', password: null, role: 'delegate', verified: true });
			const otherUser = await createUser(t.db, { email: 'other@example.org', password: null, role: 'focal_point', verified: true });
			const staff = sessionUser(actor.id, 'staff');
			const uploader = sessionUser(delegate.id, 'delegate');
			const other = sessionUser(otherUser.id, 'focal_point');
			const committee = sessionUser(otherUser.id + 1000, 'cc_member');
			const who = (d: Pick<DocumentRow, 'status' | 'distribution' | 'uploaded_by'>) =>
				[staff, uploader, other, committee, null].map((u) => canSeeDocument(d, u));

			// A draft created by the staff member: staff only.
			const staffDraft = await create(msp9, { title: 'Staff draft' });
			expect(staffDraft.uploaded_by).toBe(actor.id);
			expect(who(staffDraft)).toEqual([true, false, false, false, false]);
			// A delegate's draft statement: staff and the delegate.
			const ownDraft = { status: 'draft', distribution: 'general', uploaded_by: delegate.id } as const;
			expect(who(ownDraft)).toEqual([true, true, false, false, false]);
			// Limited: staff; the uploader keeps seeing what they uploaded (access.ts: "a delegation also sees the statements it uploaded").
			expect(who({ status: 'published', distribution: 'limited', uploaded_by: actor.id })).toEqual([true, false, false, false, false]);
			expect(who({ status: 'published', distribution: 'limited', uploaded_by: delegate.id })).toEqual([true, true, false, false, false]);
			expect(who({ status: 'published', distribution: 'limited', uploaded_by: null })).toEqual([true, false, false, false, false]);
			// Published or withdrawn, general: everyone, signed in or not.
			expect(who({ status: 'published', distribution: 'general', uploaded_by: null })).toEqual([true, true, true, true, true]);
			expect(who({ status: 'withdrawn', distribution: 'general', uploaded_by: null })).toEqual([true, true, true, true, true]);
			// A document with no uploader is no one's own: a null user never matches it.
			expect(canSeeDocument({ status: 'draft', distribution: 'general', uploaded_by: null }, null)).toBe(false);
		});
	});
});
