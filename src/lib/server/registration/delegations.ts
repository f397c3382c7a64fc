// The ISU's view of every delegation of a meeting and its decision on their credentials (issue 12, item 2).
import type { Db } from '../db';
import { sql } from 'kysely';
import { audit, type Actor } from '../audit';
import { queueMail } from '../mail';
import { regMails } from './mails';
import { nowIso } from '../time';
import { FILTER_CATEGORIES, type Category } from './rules';
import { meetingDay, withCategories } from './categories';
import { z } from 'zod';
import { multilineText } from '../forms';
import { m } from '$lib/paraglide/messages';

export const DELEGATION_STATES = ['not_started', 'in_progress', 'submitted', 'accepted', 'refused'] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];
export const DELEGATION_STATE_LABELS: Record<DelegationState, string> = {
	not_started: 'Not started',
	in_progress: 'In progress',
	submitted: 'Submitted',
	accepted: 'Credentials accepted',
	refused: 'Credentials refused'
};

/** The credentials decision wins over the submission; a delegation with no live member has not started. */
export function delegationState(d: { status: 'open' | 'submitted'; credentials_decision: 'accepted' | 'refused' | null; live: number }): DelegationState {
	if (d.credentials_decision) return d.credentials_decision;
	if (d.status === 'submitted') return 'submitted';
	return d.live > 0 ? 'in_progress' : 'not_started';
}

export interface DelegationFilter {
	region?: string;
	ccmStatus?: string;
	state?: DelegationState;
}

const count = (status: string) => sql<number>`coalesce(sum(case when r.status = ${status} then 1 else 0 end), 0)`;

/** Every delegation of the meeting with its head, members by status, credentials and submission; one query. */
export async function listDelegations(db: Db, meetingId: number, f: DelegationFilter = {}) {
	let q = db
		.selectFrom('delegations as d')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.leftJoin('registrations as r', 'r.delegation_id', 'd.id')
		.leftJoin('users as s', 's.id', 'd.submitted_by')
		.where('d.meeting_id', '=', meetingId);
	if (f.region) q = q.where('o.region', '=', f.region);
	if (f.ccmStatus === 'io' || f.ccmStatus === 'ngo') q = q.where('o.kind', '=', f.ccmStatus === 'io' ? 'international_organization' : 'ngo');
	else if (f.ccmStatus) q = q.where('o.kind', '=', 'state');
	const rows = await q
		.select([
			'd.id',
			'd.organization_id',
			'd.status',
			'd.submitted_at',
			'd.credentials_name',
			'd.credentials_uploaded_at',
			'd.credentials_decision',
			'd.credentials_reason',
			'd.credentials_decided_at',
			'o.name as organization',
			'o.region',
			'o.kind',
			's.email as submitted_by_email',
			count('pending').as('pending'),
			count('approved').as('approved'),
			count('waitlisted').as('waitlisted'),
			count('rejected').as('rejected'),
			count('cancelled').as('cancelled'),
			sql<
				string | null
			>`max(case when r.role = 'head' and r.status in ('pending', 'approved', 'waitlisted') and r.erased_at is null then coalesce(r.given_name, '') || ' ' || coalesce(r.family_name, '') end)`.as(
				'head'
			)
		])
		.groupBy(['d.id', 'o.id', 's.email'])
		.orderBy('o.name')
		.execute();
	// A state's CCM status is the one as at the meeting's date (dated facts), not today's organisation row.
	const categorised = await withCategories(db, rows, await meetingDay(db, meetingId));
	const wanted = f.ccmStatus && f.ccmStatus !== 'io' && f.ccmStatus !== 'ngo' ? FILTER_CATEGORIES[f.ccmStatus] : null;
	const out = categorised
		.filter((r) => !wanted || r.category === wanted)
		.map((r) => {
			const members = {
				pending: Number(r.pending),
				approved: Number(r.approved),
				waitlisted: Number(r.waitlisted),
				rejected: Number(r.rejected),
				cancelled: Number(r.cancelled)
			};
			return {
				...r,
				...members,
				head: r.head?.trim() || null,
				state: delegationState({ ...r, live: members.pending + members.approved + members.waitlisted })
			};
		});
	return f.state ? out.filter((r) => r.state === f.state) : out;
}

export type DelegationRow = Awaited<ReturnType<typeof listDelegations>>[number];

export type CredentialsResult = { ok: true; mailed: number; organization: string } | { ok: false; message: string };

/**
 * Accepts or refuses the delegation's current credentials letter: one transaction, one audit row, a mail to each focal
 * point of the organisation (or, without one, to whoever submitted) with a link to the delegation page. The update is
 * guarded on "not yet decided, same letter", so a second click or a letter replaced in between changes nothing.
 */
export async function decideCredentials(
	db: Db,
	actor: Actor,
	meetingId: number,
	delegationId: number,
	decision: { accept: true } | { accept: false; reason: string },
	origin: string
): Promise<CredentialsResult> {
	return db.transaction().execute(async (trx): Promise<CredentialsResult> => {
		const d = await trx
			.selectFrom('delegations as d')
			.innerJoin('organizations as o', 'o.id', 'd.organization_id')
			.innerJoin('meetings as m', 'm.id', 'd.meeting_id')
			.select([
				'd.id',
				'd.organization_id',
				'd.submitted_by',
				'd.credentials_sha256',
				'd.credentials_decision',
				'o.name as organization',
				'm.code',
				'm.title',
				'm.slug'
			])
			.where('d.id', '=', delegationId)
			.where('d.meeting_id', '=', meetingId)
			.executeTakeFirst();
		if (!d) return { ok: false, message: m.mtg_deleg_no_such() };
		if (!d.credentials_sha256) return { ok: false, message: m.mtg_deleg_no_letter({ organization: d.organization }) };
		if (d.credentials_decision)
			return {
				ok: false,
				message: (d.credentials_decision === 'accepted' ? m.mtg_deleg_already_accepted : m.mtg_deleg_already_refused)({ organization: d.organization })
			};
		const value = decision.accept ? ('accepted' as const) : ('refused' as const);
		const reason = decision.accept ? null : decision.reason;
		const now = nowIso();
		const done = await trx
			.updateTable('delegations')
			.set({ credentials_decision: value, credentials_reason: reason, credentials_decided_at: now, credentials_decided_by: actor.id, updated_at: now })
			.where('id', '=', d.id)
			.where('credentials_decision', 'is', null)
			.where('credentials_sha256', '=', d.credentials_sha256)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1) return { ok: false, message: m.mtg_deleg_changed({ organization: d.organization }) };
		await audit(trx, actor, `delegation.credentials_${value === 'accepted' ? 'accept' : 'refuse'}`, { type: 'delegation', id: d.id }, null, {
			decision: value,
			reason
		});
		const focal = await trx.selectFrom('users').select('email').where('role', '=', 'focal_point').where('organization_id', '=', d.organization_id).execute();
		let to = focal.map((u) => u.email);
		if (!to.length && d.submitted_by) {
			const submitter = await trx.selectFrom('users').select('email').where('id', '=', d.submitted_by).executeTakeFirst();
			to = submitter ? [submitter.email] : [];
		}
		const link = `${origin}/meetings/${d.slug}/delegation`;
		for (const address of to) await queueMail(trx, regMails.credentialsDecision(address, d, decision.accept ? null : decision.reason, link));
		return { ok: true, mailed: to.length, organization: d.organization };
	});
}

const UN_GROUPS: { category: Category; heading: string }[] = [
	{ category: 'party', heading: 'States Parties' },
	{ category: 'signatory', heading: 'Signatory States' },
	{ category: 'observer', heading: 'Observer States' },
	{ category: 'io', heading: 'International organisations' },
	{ category: 'ngo', heading: 'Non-governmental organisations' }
];

/**
 * The delegations that took part (at least one approved member), grouped as the final report lists them and in UN
 * order within each group: alphabetical by English short name.
 */
export async function participatingDelegations(db: Db, meetingId: number, meetingDate: string) {
	const rows = await db
		.selectFrom('delegations as d')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.where('d.meeting_id', '=', meetingId)
		.where((eb) => eb.exists(eb.selectFrom('registrations as r').select('r.id').whereRef('r.delegation_id', '=', 'd.id').where('r.status', '=', 'approved')))
		.select(['o.id as organization_id', 'o.name', 'o.kind'])
		.execute();
	// Each state under its status as at the meeting's date (a state that joined since is not listed as a party).
	const categorised = await withCategories(db, rows, meetingDate.slice(0, 10));
	return UN_GROUPS.map((g) => ({
		category: g.category,
		heading: g.heading,
		names: categorised
			.filter((r) => r.category === g.category)
			.map((r) => r.name)
			.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
	})).filter((g) => g.names.length);
}

/** Staff's answer on a credentials letter: a reason is required to refuse, since the focal point reads it. */
export const credentialsDecisionSchema = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('accept'), id: z.coerce.number().int().positive() }),
	z.object({ decision: z.literal('refuse'), id: z.coerce.number().int().positive(), reason: multilineText(m.mtg_deleg_reason_label, 1000) })
]);

export function getDelegationById(db: Db, delegationId: number) {
	return db.selectFrom('delegations').selectAll().where('id', '=', delegationId).executeTakeFirst();
}
