import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDb, type TestDb } from './db';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { setHandle } from '../../src/lib/server/db';
import type { DocumentRow, Meeting, MeetingKind, Role } from '../../src/lib/server/db/schema';
import { documentBySymbol } from '../../src/lib/server/records/document-page';
import { placeholderPdf } from '../../src/lib/server/records/files';
import { attachFile, createDocument, publishDocument } from '../../src/lib/server/records/store';
import { GET as fileRoute } from '../../src/routes/files/[id]/[lang]/+server';

const ROLES: (Role | null)[] = ['staff', 'cc_member', 'focal_point', 'delegate', null];

describe.each(engines)('limited papers of Coordination Committee meetings on %s', (engine) => {
	let t: TestDb;
	const users = {} as Record<Role, SessionUser>;
	let actor: { id: number; email: string };

	async function meeting(code: string, kind: MeetingKind): Promise<Meeting> {
		const now = '2026-01-01T00:00:00Z';
		return t.db
			.insertInto('meetings')
			.values({
				code,
				slug: code.toLowerCase(),
				title: code,
				kind,
				start_date: '2026-03-10',
				end_date: '2026-03-10',
				time_zone: 'Europe/Zurich',
				status: 'published',
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
	}

	async function paper(m: Meeting, symbol: string, publish: boolean): Promise<DocumentRow> {
		const r = await createDocument(t.db, actor, m, {
			kind: 'new',
			symbol,
			series: 'main',
			title: `Minutes ${symbol}`,
			type: 'report',
			agenda_item_id: null,
			organization_id: null,
			distribution: 'limited'
		});
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const file = new File([Uint8Array.from(placeholderPdf('Minutes', symbol))], 'minutes.pdf', { type: 'application/pdf' });
		expect(await attachFile(t.db, actor, r.document, 'en', file)).toEqual({ ok: true });
		if (publish) expect(await publishDocument(t.db, actor, r.document)).toBe('ok');
		return r.document;
	}

	async function download(doc: DocumentRow, role: Role | null): Promise<number> {
		const user = role ? users[role] : null;
		const event = { params: { id: String(doc.id), lang: 'en' }, locals: { user, session: null }, request: new Request('http://app.test/') };
		try {
			return (await fileRoute(event as never)).status;
		} catch (e) {
			return (e as { status: number }).status;
		}
	}

	const canOpen = async (doc: DocumentRow, role: Role | null) => (await documentBySymbol(t.db, doc.symbol, role ? users[role] : null)).found;

	beforeAll(async () => {
		t = await freshDb(engine);
		setHandle(t);
		for (const role of ['staff', 'cc_member', 'focal_point', 'delegate'] as Role[]) {
			const u = await createUser(t.db, { email: `${role}@example.org`, password: null, role, verified: true });
			users[role] = { id: u.id, email: u.email, role, givenName: null, familyName: null, organizationId: null, emailVerified: true };
		}
		actor = { id: users.staff.id, email: users.staff.email };
	});
	afterAll(async () => t?.close());

	it('members of the Committee and staff download the minutes of a committee meeting; a delegate, a focal point and a visitor get 404', async () => {
		const cc = await meeting('CC-T1', 'coordination_committee');
		const minutes = await paper(cc, 'CCM/CC/2026/1', true);
		expect(await Promise.all(ROLES.map((r) => download(minutes, r)))).toEqual([200, 200, 404, 404, 404]);
		expect(await Promise.all(ROLES.map((r) => canOpen(minutes, r)))).toEqual([true, true, false, false, false]);
	});

	it('a committee member sees no limited paper of another kind of meeting, nor a committee paper still in draft', async () => {
		const msp = await meeting('T-MSP', 'msp');
		const mspLimited = await paper(msp, 'CCM/MSP/2026/1', true);
		expect(await Promise.all(ROLES.map((r) => download(mspLimited, r)))).toEqual([200, 404, 404, 404, 404]);
		const cc = await meeting('CC-T2', 'coordination_committee');
		const draft = await paper(cc, 'CCM/CC/2026/2', false);
		expect(await Promise.all(ROLES.map((r) => download(draft, r)))).toEqual([200, 404, 404, 404, 404]);
		// A committee meeting not yet published: its papers stay with staff, published or not.
		const hidden = await meeting('CC-T3', 'coordination_committee');
		const paperOfHidden = await paper(hidden, 'CCM/CC/2026/3', true);
		await t.db.updateTable('meetings').set({ status: 'draft' }).where('id', '=', hidden.id).execute();
		expect(await Promise.all(ROLES.map((r) => download(paperOfHidden, r)))).toEqual([200, 404, 404, 404, 404]);
	});
});
