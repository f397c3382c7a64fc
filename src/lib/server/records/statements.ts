import { m } from '$lib/paraglide/messages';
import type { Db, Meeting } from '../db';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';
import { searchForm } from './queries';
import { attachFile } from './store';

/** The delegation a user speaks for at a meeting: a focal point's organisation, or the delegate's own registration. */
export async function speakingFor(db: Db, meetingId: number, user: { id: number; email: string; role: string; organizationId: number | null }) {
	if (user.role === 'focal_point' && user.organizationId) {
		return db.selectFrom('organizations').select(['id', 'name', 'iso3', 'short_name']).where('id', '=', user.organizationId).executeTakeFirst();
	}
	return (
		db
			.selectFrom('registrations as r')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('organizations as o', 'o.id', 'd.organization_id')
			.select(['o.id', 'o.name', 'o.iso3', 'o.short_name'])
			.where('r.meeting_id', '=', meetingId)
			.where('r.status', 'in', ['pending', 'approved'])
			// An unconfirmed self-registration does not speak for the state (issue 12).
			.where('r.unconfirmed_since', 'is', null)
			.where((eb) => eb.or([eb('r.user_id', '=', user.id), eb('r.email', '=', user.email)]))
			.executeTakeFirst()
	);
}

export type StatementResult = { ok: true; symbol: string } | { ok: false; errors: Record<string, string> };

/**
 * A delegation's statement on an agenda item: a draft document (type statement) until staff publish it. Statements
 * carry no UN symbol; their identifier is the meeting code, ST and a number.
 */
export async function uploadStatement(
	db: Db,
	actor: Actor,
	meeting: Meeting,
	org: { id: number; name: string },
	input: { agenda_item_id: number; language: string; file: unknown }
): Promise<StatementResult> {
	const item = await db
		.selectFrom('agenda_items')
		.select(['id', 'number', 'sub_number', 'title'])
		.where('id', '=', input.agenda_item_id)
		.where('meeting_id', '=', meeting.id)
		.executeTakeFirst();
	if (!item) return { ok: false, errors: { agenda_item_id: m.pub_statements_choose_item() } };
	const now = nowIso();
	const title = `Statement of ${org.name} on item ${item.sub_number ? `${item.number} (${item.sub_number})` : item.number}`;
	// Numbered by count: two uploads at the same moment may want the same number; the unique index decides and we retry.
	let doc;
	for (let attempt = 0; !doc; attempt++) {
		const count = await db
			.selectFrom('documents')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('meeting_id', '=', meeting.id)
			.where('type', '=', 'statement')
			.executeTakeFirstOrThrow();
		const symbol = `${meeting.code}/ST/${Number(count.n) + 1 + attempt}`;
		try {
			doc = await db
				.insertInto('documents')
				.values({
					meeting_id: meeting.id,
					symbol,
					base_symbol: symbol,
					revision: null,
					corrigendum: null,
					title,
					title_search: searchForm(title),
					type: 'statement',
					agenda_item_id: item.id,
					organization_id: org.id,
					distribution: 'general',
					status: 'draft',
					uploaded_by: actor.id,
					created_at: now,
					updated_at: now
				})
				.returningAll()
				.executeTakeFirstOrThrow();
		} catch (e) {
			if (attempt >= 5) throw e;
		}
	}
	const symbol = doc.symbol;
	const attached = await attachFile(db, actor, doc, input.language, input.file);
	if (!attached.ok) {
		// Nothing half-made stays behind: no statement without its file.
		await db.deleteFrom('documents').where('id', '=', doc.id).execute();
		return attached;
	}
	await audit(db, actor, 'statement.upload', { type: 'document', id: doc.id }, null, { symbol, organization_id: org.id, agenda_item_id: item.id });
	return { ok: true, symbol };
}

export function publishedStatements(db: Db, meetingId: number) {
	return db
		.selectFrom('documents as d')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.leftJoin('agenda_items as a', 'a.id', 'd.agenda_item_id')
		.select(['d.id', 'd.symbol', 'd.title', 'd.status', 'o.name as organization', 'a.number', 'a.sub_number', 'a.title as item_title', 'a.position'])
		.where('d.meeting_id', '=', meetingId)
		.where('d.type', '=', 'statement')
		.where('d.status', '!=', 'draft')
		.orderBy('o.name')
		.orderBy('a.position')
		.execute();
}

/** The statements this person uploaded for a meeting, whatever their status (they see their own drafts). */
export function statementsUploadedBy(db: Db, meetingId: number, userId: number) {
	return db
		.selectFrom('documents')
		.select(['id', 'symbol', 'title', 'status'])
		.where('meeting_id', '=', meetingId)
		.where('type', '=', 'statement')
		.where('uploaded_by', '=', userId)
		.orderBy('id')
		.execute();
}
