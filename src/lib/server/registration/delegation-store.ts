import type { Db } from '../db';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu } from '../mail';
import { nowIso } from '../time';
import { regMails } from './mails';
import { LIVE_IN_SQL } from './live';
import { m } from '$lib/paraglide/messages';

/** Names the head of delegation; a previous head becomes an alternate. One transaction, so never two heads. */
export async function setHead(db: Db, actor: Actor, delegationId: number, registrationId: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const reg = await trx
			.selectFrom('registrations')
			.selectAll()
			.where('id', '=', registrationId)
			.where('delegation_id', '=', delegationId)
			.where('status', 'in', LIVE_IN_SQL)
			.executeTakeFirst();
		// An unconfirmed self-registration is confirmed first (confirmMember): only then may it lead the delegation.
		if (!reg || reg.unconfirmed_since) return false;
		if (reg.role === 'head') return true;
		const now = nowIso();
		const previous = await trx
			.selectFrom('registrations')
			.select(['id', 'status'])
			.where('delegation_id', '=', delegationId)
			.where('role', '=', 'head')
			.where('status', 'in', LIVE_IN_SQL)
			.executeTakeFirst();
		if (previous) await trx.updateTable('registrations').set({ role: 'alternate', updated_at: now }).where('id', '=', previous.id).execute();
		// A new head is a change of role: an approved registration goes back for approval.
		await trx
			.updateTable('registrations')
			.set({ role: 'head', status: reg.status === 'approved' ? 'pending' : reg.status, updated_at: now })
			.where('id', '=', reg.id)
			.execute();
		await audit(trx, actor, 'delegation.head', { type: 'delegation', id: delegationId }, { head: previous?.id ?? null }, { head: reg.id });
		return true;
	});
}

/** Where the ISU opens a delegation and its credentials (the staff delegations page). */
async function isuDelegationLink(trx: Db, delegationId: number, origin: string) {
	const d = await trx
		.selectFrom('delegations as d')
		.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.selectAll('m')
		.select('o.name as org_name')
		.where('d.id', '=', delegationId)
		.executeTakeFirstOrThrow();
	return { meeting: d, org: d.org_name, link: `${origin}/admin/meetings/${d.slug}/delegations` };
}

/**
 * Stores a new credentials letter. A refused letter can be replaced (the refusal is cleared, so staff decide again);
 * an accepted one cannot, so what the ISU accepted stays what is on file.
 */
export async function setCredentials(
	db: Db,
	actor: Actor,
	delegationId: number,
	file: { sha256: string; name: string; size: number },
	origin = ''
): Promise<{ ok: true } | { ok: false; message: string }> {
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('delegations')
			.select(['credentials_sha256', 'credentials_name', 'credentials_decision'])
			.where('id', '=', delegationId)
			.executeTakeFirstOrThrow();
		if (before.credentials_decision === 'accepted') return { ok: false as const, message: m.del_refuse_credentials_accepted() };
		const done = await trx
			.updateTable('delegations')
			.set({
				credentials_sha256: file.sha256,
				credentials_name: file.name,
				credentials_size: file.size,
				credentials_uploaded_at: nowIso(),
				credentials_decision: null,
				credentials_reason: null,
				credentials_decided_at: null,
				credentials_decided_by: null,
				updated_at: nowIso()
			})
			.where('id', '=', delegationId)
			.where((eb) => eb.or([eb('credentials_decision', 'is', null), eb('credentials_decision', '<>', 'accepted')]))
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1) return { ok: false as const, message: m.del_refuse_credentials_accepted() };
		await audit(trx, actor, 'delegation.credentials', { type: 'delegation', id: delegationId }, before, {
			credentials_sha256: file.sha256,
			credentials_name: file.name
		});
		const { meeting, org, link } = await isuDelegationLink(trx, delegationId, origin);
		await notifyIsu(trx, regMails.isuCredentials(isuAddress(), meeting, org, !!before.credentials_sha256, link));
		return { ok: true as const };
	});
}

export type SubmitResult = { ok: true } | { ok: false; message: string };

/** Submits the delegation to the ISU: it needs at least one member and a head. */
export async function submitDelegation(db: Db, actor: Actor, delegationId: number, origin = ''): Promise<SubmitResult> {
	return db.transaction().execute(async (trx): Promise<SubmitResult> => {
		const members = await trx
			.selectFrom('registrations')
			.select(['id', 'role'])
			.where('delegation_id', '=', delegationId)
			.where('status', 'in', LIVE_IN_SQL)
			.execute();
		if (!members.length) return { ok: false, message: m.del_refuse_submit_empty() };
		if (!members.some((m) => m.role === 'head')) return { ok: false, message: m.del_refuse_submit_no_head() };
		await trx
			.updateTable('delegations')
			.set({ status: 'submitted', submitted_at: nowIso(), submitted_by: actor.id, updated_at: nowIso() })
			.where('id', '=', delegationId)
			.execute();
		await audit(trx, actor, 'delegation.submit', { type: 'delegation', id: delegationId }, null, { members: members.length });
		const { meeting, org, link } = await isuDelegationLink(trx, delegationId, origin);
		await notifyIsu(trx, regMails.isuSubmitted(isuAddress(), meeting, org, members.length, link));
		return { ok: true };
	});
}
