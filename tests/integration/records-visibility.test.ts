import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Meeting } from '../../src/lib/server/db/schema';
import { documentBySymbol } from '../../src/lib/server/records/document-page';
import { attachFile, createDocument, publishDocument, updateDocument, withdrawDocument } from '../../src/lib/server/records/store';
import { placeholderPdf } from '../../src/lib/server/records/files';
import { getDocument } from '../../src/lib/server/records/queries';
import { seedDemoData } from '../../src/lib/server/seed';

const TODAY = new Date('2026-01-15T12:00:00Z');
const pdf = (title: string) => new File([Uint8Array.from(placeholderPdf(title, 'X'))], 'doc.pdf', { type: 'application/pdf' });

describe.each(engines)('what a document page and its editor let through, on %s', (engine) => {
	let t: TestDb;
	let actor: { id: number; email: string };
	let msp9: Meeting;
	let draft: Meeting;
	const meeting = (code: string) => t.db.selectFrom('meetings').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
	const doc = async (m: Meeting, title: string) => {
		const r = await createDocument(t.db, actor, m, {
			kind: 'new',
			symbol: '',
			series: 'main',
			title,
			type: 'working_paper',
			agenda_item_id: null,
			organization_id: null,
			distribution: 'general'
		});
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(await attachFile(t.db, actor, r.document, 'en', pdf(title))).toEqual({ ok: true });
		return r.document;
	};

	beforeAll(async () => {
		t = await freshDb(engine);
		await seedDemoData(t.db, TODAY);
		const staff = await createUser(t.db, { email: 'staff@example.org', password: null, role: 'staff', verified: true });
		actor = { id: staff.id, email: staff.email };
		msp9 = await meeting('9MSP');
		draft = await meeting('14MSP');
		await t.db.updateTable('meetings').set({ status: 'draft' }).where('id', '=', draft.id).execute();
		draft = await meeting('14MSP');
	}, 120_000);
	afterAll(async () => t?.close());

	it('refuses an agenda item of another meeting at its field, and saves nothing', async () => {
		const d = await doc(msp9, 'Paper of the 9MSP');
		const otherItem = await t.db.selectFrom('agenda_items').select('id').where('meeting_id', '=', draft.id).executeTakeFirstOrThrow();
		const result = await updateDocument(t.db, actor, d, {
			title: 'Renamed',
			type: 'working_paper',
			agenda_item_id: otherItem.id,
			organization_id: null,
			distribution: 'general'
		});
		expect(result).toEqual({ ok: false, errors: { agenda_item_id: expect.stringMatching(/this meeting/) } });
		expect((await getDocument(t.db, d.id))!.title).toBe('Paper of the 9MSP');
	});

	it('does not show the public a replacement that belongs to an unpublished meeting', async () => {
		const old = await doc(msp9, 'Old paper');
		expect(await publishDocument(t.db, actor, old)).toBe('ok');
		const replacement = await doc(draft, 'New paper of a draft meeting');
		expect(await publishDocument(t.db, actor, replacement)).toBe('ok');
		expect(await withdrawDocument(t.db, actor, (await getDocument(t.db, old.id))!, replacement.symbol)).toBe('ok');

		const visitor = await documentBySymbol(t.db, old.symbol, null);
		expect(visitor.found && visitor.replacement).toBeUndefined();
		const staff: SessionUser = { ...actor, role: 'staff', givenName: null, familyName: null, organizationId: null, emailVerified: true };
		const forStaff = await documentBySymbol(t.db, old.symbol, staff);
		expect(forStaff.found && forStaff.replacement?.symbol).toBe(replacement.symbol);
	});
});
