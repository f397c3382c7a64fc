import type { Db, ApplicationStatus, CcmStatus, Database, Meeting, SponsorshipProgramme } from '../db';
import type { Transaction } from 'kysely';
import { audit, type Actor } from '../audit';
import { isuAddress, notifyIsu, queueMail } from '../mail';
import { nowIso, DAY } from '../time';
import { defaultCriteria, parseCriteria, reviseCriteria, STAFF_SCORE_ID, type CriteriaSet } from './criteria';
import { evaluate, stateFactsAsAt, type ApplicantFacts, type Evaluation } from './evaluate';
import { statesAsAtIn as statesAsAt } from '../organizations';
import { rank, type Ranked } from './ranking';
import { allocate, formatChf, type AllocationResult, type AllocationStatus } from './allocation';
import { sponsorshipMails } from './mails';
import { m } from '$lib/paraglide/messages';
import { runInLocale } from '../i18n';
import { stateName } from '$lib/state-names';

type Trx = Transaction<Database> | Db;

// ---- criteria -----------------------------------------------------------------------------------------------

/**
 * The version in force: the newest. Version 1 (the default proposal) is stored by the seed; a database without any
 * version (a fresh test database) reads the default without writing it, and the first save stores it.
 */
export async function currentCriteria(db: Db): Promise<CriteriaSet> {
	const row = await db.selectFrom('criteria_sets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
	if (!row) return defaultCriteria();
	const parsed = parseCriteria(row.json);
	if (!parsed.ok) throw new Error(`Stored criteria version ${row.version} is invalid: ${parsed.errors.join('; ')}`);
	return parsed.set;
}

/** Stores version 1 unless a version exists; run by the seed on every start, and before the first edit. */
export async function seedCriteria(db: Trx): Promise<void> {
	if (await db.selectFrom('criteria_sets').select('version').limit(1).executeTakeFirst()) return;
	const set = defaultCriteria();
	await db
		.insertInto('criteria_sets')
		.values({ version: set.version, json: JSON.stringify(set), adopted_at: set.adoptedAt, created_by: null, created_at: nowIso() })
		.onConflict((oc) => oc.column('version').doNothing())
		.execute();
}

/** A new version from an edit; refused (with every problem named) when the weights or parameters are invalid. */
export async function saveCriteria(
	db: Db,
	actor: Actor,
	edited: Omit<CriteriaSet, 'version'>,
	adoptedAt: string | null
): Promise<{ ok: true; version: number } | { ok: false; errors: string[] }> {
	const current = await currentCriteria(db);
	const revised = reviseCriteria(current, edited, adoptedAt);
	if (!revised.ok) return revised;
	// The version it revises stays in the history even where the seed never ran.
	await seedCriteria(db);
	await db
		.insertInto('criteria_sets')
		.values({ version: revised.set.version, json: JSON.stringify(revised.set), adopted_at: revised.set.adoptedAt, created_by: actor.id, created_at: nowIso() })
		.execute();
	await audit(db, actor, 'sponsorship.criteria', { type: 'criteria', id: revised.set.version }, { version: current.version }, revised.set);
	return { ok: true, version: revised.set.version };
}

// ---- programme ----------------------------------------------------------------------------------------------

export function getProgramme(db: Trx, meetingId: number): Promise<SponsorshipProgramme | undefined> {
	return db.selectFrom('sponsorship_programmes').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

export interface ProgrammeInput {
	budget_centimes: number;
	dsa_centimes: number;
	default_nights: number;
	places_per_state: number | null;
	opens_at: string | null;
	closes_at: string | null;
	offer_response_days: number;
}

export type SaveProgrammeResult = { ok: true } | { ok: false; reason: 'below_committed'; errors: { budget: string } };

/** Saves the settings; a budget below the money already committed to offers is refused, in the statement that saves it. */
export async function saveProgramme(db: Db, actor: Actor, meetingId: number, input: ProgrammeInput): Promise<SaveProgrammeResult> {
	return db.transaction().execute(async (trx): Promise<SaveProgrammeResult> => {
		const before = await getProgramme(trx, meetingId);
		const values = { ...input, updated_at: nowIso() };
		if (before) {
			// Guarded like sendOffers' `committed + cost <= budget`, so an offer sent meanwhile cannot slip under it.
			const r = await trx
				.updateTable('sponsorship_programmes')
				.set(values)
				.where('meeting_id', '=', meetingId)
				.where('committed_centimes', '<=', input.budget_centimes)
				.executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) {
				const now = await getProgramme(trx, meetingId);
				const committed = now?.committed_centimes ?? before.committed_centimes;
				return {
					ok: false,
					reason: 'below_committed',
					errors: { budget: m.mtg_spon_below_committed({ amount: formatChf(committed) }) }
				};
			}
		} else
			await trx
				.insertInto('sponsorship_programmes')
				.values({ ...values, meeting_id: meetingId, criteria_version: null })
				.execute();
		await audit(trx, actor, 'sponsorship.settings', { type: 'meeting', id: meetingId }, before ?? null, input);
		return { ok: true };
	});
}

// ---- review: facts → evaluation → ranking → allocation ------------------------------------------------------

export interface ReviewRow {
	ranked: Ranked<Evaluation>;
	applicationId: number;
	name: string;
	state: string;
	region: string | null;
	gender: string | null;
	status: ApplicationStatus;
	endorsement: string;
	airfareCentimes: number;
	nights: number;
	obligations: boolean;
	/** At the meeting's date. */
	ccmStatus?: CcmStatus;
}

export interface Review {
	criteria: CriteriaSet;
	programme: SponsorshipProgramme | null;
	rows: ReviewRow[];
	allocation: AllocationResult | null;
	/** The day the state facts are taken as at (the meeting's first day), and the facts the sources leave open. */
	factsDay: string;
	unknownFacts: { state: string; reasons: string[] }[];
}

const ALLOC_STATUS: Partial<Record<ApplicationStatus, AllocationStatus>> = {
	submitted: 'applied',
	offered: 'offered',
	accepted: 'accepted',
	declined: 'declined',
	expired: 'expired',
	withdrawn: 'withdrawn'
};

/**
 * An offer whose deadline has passed counts as expired from that instant, though the scheduler's job (`expireDueOffers`)
 * may not have written it yet: pages show it so without writing.
 */
export function offerLapsed(a: { status: ApplicationStatus; offer_deadline: string | null }, now = nowIso()): boolean {
	return a.status === 'offered' && !!a.offer_deadline && a.offer_deadline < now;
}

/** Everything the review, the Committee's view and the report show; one pass, a few queries; reads only. */
export async function review(db: Trx, meeting: Meeting, now = nowIso()): Promise<Review> {
	const [criteria, programme, apps, adjustments, previous] = await Promise.all([
		currentCriteria(db as Db),
		getProgramme(db, meeting.id),
		db
			.selectFrom('sponsorship_applications as a')
			.innerJoin('registrations as r', 'r.id', 'a.registration_id')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('organizations as o', 'o.id', 'd.organization_id')
			.where('a.meeting_id', '=', meeting.id)
			.where('a.status', '!=', 'draft')
			.select([
				'a.id',
				'a.status',
				'a.offer_deadline',
				'a.airfare_centimes',
				'a.nights',
				'a.statement',
				'a.statement_items',
				'a.implementation_responsibility',
				'a.endorsement',
				'a.submitted_at',
				'r.given_name',
				'r.family_name',
				'r.gender',
				'r.role',
				'r.status as registration_status',
				'o.id as organization_id',
				'o.iso3',
				'o.name as state',
				'o.kind',
				'o.ccm_status',
				'o.joined',
				'o.region',
				'o.art3_deadline',
				'o.art4_deadline',
				'o.art3_extended_to',
				'o.art4_extended_to',
				'o.has_victims',
				'o.least_developed',
				'o.last_article7_report'
			])
			.execute(),
		db
			.selectFrom('sponsorship_adjustments as j')
			.innerJoin('sponsorship_applications as a', 'a.id', 'j.application_id')
			.where('a.meeting_id', '=', meeting.id)
			.select(['j.application_id', 'j.criterion_id', 'j.points', 'j.reason'])
			.execute(),
		sponsoredAtPreviousMeeting(db, meeting)
	]);
	const factsDay = meeting.start_date.slice(0, 10);
	// The state's facts as at the meeting (dated entries, organizations/as-at.ts), not today's organisation row.
	const asAt = await statesAsAt(
		db as Db,
		factsDay,
		apps.map((a) => a.organization_id)
	);
	const evaluations: (Evaluation & { app: (typeof apps)[number] })[] = apps.map((a) => {
		const mine = adjustments.filter((j) => j.application_id === a.id);
		const staff = mine.find((j) => j.criterion_id === STAFF_SCORE_ID);
		const facts: ApplicantFacts = {
			...stateFactsAsAt({ iso3: a.iso3, name: a.state, region: a.region }, asAt.get(a.organization_id)!),
			applicationId: a.id,
			lastArticle7Report: a.last_article7_report,
			sponsoredLastMeeting: previous.has(a.iso3 ?? ''),
			role: a.role,
			gender: a.gender,
			answers: {
				statement: a.statement === 1,
				statementItems: a.statement_items ? (JSON.parse(a.statement_items) as string[]) : [],
				implementationResponsibility: a.implementation_responsibility === 1
			},
			staffScore: staff ? { points: staff.points, reason: staff.reason } : null,
			adjustments: mine.filter((j) => j.criterion_id !== STAFF_SCORE_ID).map((j) => ({ criterionId: j.criterion_id, points: j.points, reason: j.reason })),
			endorsedByFocalPoint: a.endorsement === 'endorsed',
			inDelegation: a.kind === 'state' && ['pending', 'approved'].includes(a.registration_status),
			submittedAt: a.submitted_at ?? '',
			airfareCentimes: a.airfare_centimes ?? 0,
			nights: a.nights ?? 0
		};
		return { ...evaluate(criteria, facts, meeting.start_date), app: a };
	});
	const ranked = rank(evaluations);
	const rows: ReviewRow[] = ranked.map((r) => {
		const a = r.evaluation.app;
		return {
			ranked: r,
			applicationId: a.id,
			name: [a.given_name, a.family_name].filter(Boolean).join(' '),
			state: a.state,
			region: a.region,
			gender: a.gender,
			status: offerLapsed(a, now) ? 'expired' : a.status,
			endorsement: a.endorsement,
			airfareCentimes: a.airfare_centimes ?? 0,
			nights: a.nights ?? 0,
			obligations: [asAt.get(a.organization_id)!.art3, asAt.get(a.organization_id)!.art4].some((d) => d.state === 'deadline' && d.deadline >= factsDay),
			ccmStatus: asAt.get(a.organization_id)!.status.status
		};
	});
	const allocation = programme
		? allocate({
				budgetCentimes: programme.budget_centimes,
				dsaCentimes: programme.dsa_centimes,
				placesPerState: programme.places_per_state,
				ranked: rows.map((r) => ({
					applicationId: r.applicationId,
					stateIso3: r.ranked.evaluation.stateIso3,
					airfareCentimes: r.airfareCentimes,
					nights: r.nights,
					status: ALLOC_STATUS[r.status] ?? 'withdrawn',
					eligible: r.ranked.evaluation.eligible
				}))
			})
		: null;
	// Shown to staff beside the reasons (made in the page's language by as-at.ts): the state named as the page names it.
	const unknownFacts = [...new Map(apps.map((a) => [a.organization_id, stateName(a.state, a.iso3)])).entries()]
		.map(([id, state]) => ({ state, reasons: asAt.get(id)!.unknown }))
		.filter((u) => u.reasons.length > 0);
	return { criteria, programme: programme ?? null, rows, allocation, factsDay, unknownFacts };
}

/** States with an accepted sponsorship at the previous meeting of the same kind (for rotation). */
async function sponsoredAtPreviousMeeting(db: Trx, meeting: Meeting): Promise<Set<string>> {
	const prev = await db
		.selectFrom('meetings')
		.select('id')
		.where('kind', '=', meeting.kind)
		.where('start_date', '<', meeting.start_date)
		.orderBy('start_date', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!prev) return new Set();
	const rows = await db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.select('o.iso3')
		.where('a.meeting_id', '=', prev.id)
		.where('a.status', '=', 'accepted')
		.execute();
	return new Set(rows.map((r) => r.iso3 ?? ''));
}

// ---- staff decisions ----------------------------------------------------------------------------------------

/** A staff score or a correction of one criterion, with its reason; the breakdown shows both. */
export async function adjustScore(db: Db, actor: Actor, applicationId: number, criterionId: string, points: number, reason: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('sponsorship_adjustments')
			.selectAll()
			.where('application_id', '=', applicationId)
			.where('criterion_id', '=', criterionId)
			.executeTakeFirst();
		await trx.deleteFrom('sponsorship_adjustments').where('application_id', '=', applicationId).where('criterion_id', '=', criterionId).execute();
		await trx
			.insertInto('sponsorship_adjustments')
			.values({ application_id: applicationId, criterion_id: criterionId, points, reason, by_user: actor.id, at: nowIso() })
			.execute();
		await audit(
			trx,
			actor,
			'sponsorship.adjust',
			{ type: 'sponsorship_application', id: applicationId },
			before ? { criterion: criterionId, points: before.points, reason: before.reason } : null,
			{ criterion: criterionId, points, reason }
		);
	});
}

/** Offers lapsed per run at most: the job comes back for the rest a minute later. */
export const EXPIRY_BATCH = 100;

/**
 * Offers to everyone the allocation funds who has not had one: each in the transaction that commits its cost,
 * guarded by `committed + cost <= budget`, with the score it was decided on recorded for later.
 */
export async function sendOffers(db: Db, actor: Actor | null, meeting: Meeting, origin: string): Promise<number[]> {
	// An offer past its deadline no longer holds money: free it first, or the next in line would not fit the budget.
	await lapseOverdue(db, meeting.id);
	// The breakdown is stored beside each offer (sponsorship_scores.breakdown_json): a record keeps one language,
	// English, whatever the language of the page that sent the offers.
	const r = await runInLocale('en', () => review(db, meeting));
	if (!r.programme || !r.allocation) return [];
	const programme = r.programme;
	const sent: number[] = [];
	for (const row of r.allocation.rows) {
		if (row.decision !== 'fund' || row.status !== 'applied') continue;
		const reviewed = r.rows.find((x) => x.applicationId === row.applicationId)!;
		const ok = await db
			.transaction()
			.execute(async (trx) => {
				const took = await trx
					.updateTable('sponsorship_programmes')
					.set((eb) => ({ committed_centimes: eb('committed_centimes', '+', row.costCentimes) }))
					.where('meeting_id', '=', meeting.id)
					.where((eb) => eb(eb('committed_centimes', '+', row.costCentimes), '<=', eb.ref('budget_centimes')))
					.executeTakeFirst();
				if (Number(took.numUpdatedRows) !== 1) return false;
				const deadline = new Date(Date.now() + programme.offer_response_days * DAY).toISOString();
				const upd = await trx
					.updateTable('sponsorship_applications')
					.set({ status: 'offered', cost_centimes: row.costCentimes, offer_sent_at: nowIso(), offer_deadline: deadline, updated_at: nowIso() })
					.where('id', '=', row.applicationId)
					.where('status', '=', 'submitted')
					.executeTakeFirst();
				if (Number(upd.numUpdatedRows) !== 1) throw new Error('changed meanwhile');
				const ev = reviewed.ranked.evaluation;
				await trx.deleteFrom('sponsorship_scores').where('application_id', '=', row.applicationId).execute();
				await trx
					.insertInto('sponsorship_scores')
					.values({
						application_id: row.applicationId,
						criteria_version: ev.version,
						total: ev.total,
						rank: reviewed.ranked.position,
						breakdown_json: JSON.stringify(ev.breakdown),
						computed_at: nowIso()
					})
					.execute();
				const to = await trx
					.selectFrom('sponsorship_applications as a')
					.innerJoin('registrations as r', 'r.id', 'a.registration_id')
					.select('r.email')
					.where('a.id', '=', row.applicationId)
					.executeTakeFirst();
				if (to?.email)
					await queueMail(
						trx,
						sponsorshipMails.offer(
							to.email,
							meeting,
							{ airfare: reviewed.airfareCentimes, dsa: programme.dsa_centimes, nights: reviewed.nights, total: row.costCentimes },
							deadline,
							`${origin}/meetings/${meeting.slug}/sponsorship`
						)
					);
				await audit(
					trx,
					actor,
					'sponsorship.offer',
					{ type: 'sponsorship_application', id: row.applicationId },
					{ status: 'submitted' },
					{ status: 'offered', cost_centimes: row.costCentimes, rank: reviewed.ranked.position, criteria_version: ev.version }
				);
				return true;
			})
			.catch(() => false);
		if (ok) sent.push(row.applicationId);
	}
	return sent;
}

/** This meeting's offers past their deadline lapse and free their money (at most `limit`); the ids lapsed. */
async function lapseOverdue(db: Db, meetingId: number, limit = EXPIRY_BATCH): Promise<number[]> {
	const due = await db
		.selectFrom('sponsorship_applications')
		.select('id')
		.where('meeting_id', '=', meetingId)
		.where('status', '=', 'offered')
		.where('offer_deadline', '<', nowIso())
		.orderBy('offer_deadline')
		.limit(limit)
		.execute();
	const lapsed: number[] = [];
	for (const a of due) if (await release(db, null, meetingId, a.id, 'expired')) lapsed.push(a.id);
	return lapsed;
}

/** Offers past their deadline lapse and free their money; then the next in line are offered, within budget. */
export async function expireOffers(db: Db, meeting: Meeting, origin: string): Promise<number[]> {
	const lapsed = await lapseOverdue(db, meeting.id);
	return lapsed.length ? sendOffers(db, null, meeting, origin) : [];
}

/**
 * The scheduler's job (never a page view): every meeting's offers past their deadline lapse, at most `limit` a run,
 * and each meeting concerned offers the money to the next in line. Run twice, the second run finds nothing to do.
 */
export async function expireDueOffers(db: Db, origin: string, limit = EXPIRY_BATCH): Promise<{ expired: number[]; offered: number[] }> {
	const due = await db
		.selectFrom('sponsorship_applications')
		.select(['id', 'meeting_id'])
		.where('status', '=', 'offered')
		.where('offer_deadline', '<', nowIso())
		.orderBy('offer_deadline')
		.limit(limit)
		.execute();
	const expired: number[] = [];
	const offered: number[] = [];
	for (const meetingId of new Set(due.map((a) => a.meeting_id))) {
		for (const a of due.filter((x) => x.meeting_id === meetingId)) if (await release(db, null, meetingId, a.id, 'expired')) expired.push(a.id);
		const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
		if (meeting) offered.push(...(await sendOffers(db, null, meeting, origin)));
	}
	return { expired, offered };
}

async function release(db: Db, actor: Actor | null, meetingId: number, applicationId: number, status: 'declined' | 'expired' | 'withdrawn'): Promise<boolean> {
	return db.transaction().execute((trx) => releaseIn(trx, actor, meetingId, applicationId, status));
}

/** `release` inside the caller's transaction (a cancelled registration releases its offer in the same one). */
export async function releaseIn(
	trx: Transaction<Database>,
	actor: Actor | null,
	meetingId: number,
	applicationId: number,
	status: 'declined' | 'expired' | 'withdrawn'
): Promise<boolean> {
	const a = await trx.selectFrom('sponsorship_applications').select(['status', 'cost_centimes']).where('id', '=', applicationId).executeTakeFirst();
	if (!a || (a.status !== 'offered' && a.status !== 'accepted' && !(status === 'withdrawn' && a.status === 'submitted'))) return false;
	// Only an open offer lapses: one accepted since the job read it stays accepted.
	if (status === 'expired' && a.status !== 'offered') return false;
	// Guarded by the status read: an answer and the expiry job racing release the money once.
	const upd = await trx
		.updateTable('sponsorship_applications')
		.set({ status, responded_at: nowIso(), updated_at: nowIso() })
		.where('id', '=', applicationId)
		.where('status', '=', a.status)
		.executeTakeFirst();
	if (Number(upd.numUpdatedRows) !== 1) return false;
	if ((a.status === 'offered' || a.status === 'accepted') && a.cost_centimes) {
		await trx
			.updateTable('sponsorship_programmes')
			.set((eb) => ({ committed_centimes: eb('committed_centimes', '-', a.cost_centimes!) }))
			.where('meeting_id', '=', meetingId)
			.execute();
	}
	await audit(trx, actor, `sponsorship.${status}`, { type: 'sponsorship_application', id: applicationId }, { status: a.status }, { status });
	return true;
}

/** The applicant answers an offer before its deadline; a decline hands the money to the next in line. */
export async function respondToOffer(
	db: Db,
	actor: Actor,
	meeting: Meeting,
	applicationId: number,
	accept: boolean,
	origin: string
): Promise<'ok' | 'late' | 'no_offer'> {
	const a = await db.selectFrom('sponsorship_applications').select(['status', 'offer_deadline']).where('id', '=', applicationId).executeTakeFirst();
	if (!a || a.status !== 'offered') return 'no_offer';
	if (a.offer_deadline && a.offer_deadline < nowIso()) {
		await expireOffers(db, meeting, origin);
		return 'late';
	}
	if (accept) {
		// The deadline is checked again in the update: the expiry job may lapse the offer at the same instant.
		const upd = await db
			.updateTable('sponsorship_applications')
			.set({ status: 'accepted', responded_at: nowIso(), updated_at: nowIso() })
			.where('id', '=', applicationId)
			.where('status', '=', 'offered')
			.where('offer_deadline', '>=', nowIso())
			.executeTakeFirst();
		if (Number(upd.numUpdatedRows) !== 1) return 'late';
		await audit(db, actor, 'sponsorship.accept', { type: 'sponsorship_application', id: applicationId }, { status: 'offered' }, { status: 'accepted' });
		await tellAnswer(db, meeting, applicationId, true, origin);
		return 'ok';
	}
	if (await release(db, actor, meeting.id, applicationId, 'declined')) await tellAnswer(db, meeting, applicationId, false, origin);
	await sendOffers(db, null, meeting, origin);
	return 'ok';
}

/** Both sides hear of an answer: the applicant (what happens next) and the ISU (where to act). */
async function tellAnswer(db: Db, meeting: Meeting, applicationId: number, accepted: boolean, origin: string): Promise<void> {
	const a = await db
		.selectFrom('sponsorship_applications as a')
		.innerJoin('registrations as r', 'r.id', 'a.registration_id')
		.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
		.innerJoin('organizations as o', 'o.id', 'd.organization_id')
		.select(['r.email', 'r.given_name', 'r.family_name', 'o.name as state'])
		.where('a.id', '=', applicationId)
		.executeTakeFirstOrThrow();
	const who = [a.given_name, a.family_name].filter(Boolean).join(' ');
	if (a.email) await queueMail(db, sponsorshipMails.answerReceived(a.email, meeting, accepted, `${origin}/meetings/${meeting.slug}/sponsorship`));
	await notifyIsu(db, sponsorshipMails.isuAnswer(isuAddress(), meeting, who, a.state, accepted, `${origin}/admin/meetings/${meeting.slug}/sponsorship`));
}

export { release as releaseApplication };
