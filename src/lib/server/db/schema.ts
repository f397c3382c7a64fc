import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Portable column types, the same on SQLite and PostgreSQL:
 * - instants are ISO-8601 UTC strings (`2019-09-02T08:00:00.000Z`), dates `YYYY-MM-DD`;
 *   both sort correctly as text;
 * - booleans are integers 0/1;
 * - JSON is text we (de)serialise ourselves;
 * - money is integer centimes of CHF.
 */

export type Role = 'staff' | 'cc_member' | 'focal_point' | 'delegate';
export const ROLES: readonly Role[] = ['staff', 'cc_member', 'focal_point', 'delegate'];

export type OrganizationKind = 'state' | 'international_organization' | 'ngo';
export type CcmStatus = 'state_party' | 'signatory' | 'not_party';

export interface OrganizationTable {
	id: Generated<number>;
	kind: OrganizationKind;
	name: string;
	short_name: string | null;
	iso3: string | null;
	region: string | null;
	/** Status as recorded today; status at a meeting is computed from `joined`. */
	ccm_status: CcmStatus | null;
	/** Deposit of ratification/accession (parties) or signature (signatories). */
	joined: string | null;
	art3_deadline: string | null;
	art4_deadline: string | null;
	observer_by_right: number;
	note: string | null;
	source: string | null;
	has_victims: Generated<number>;
	least_developed: Generated<number>;
	last_article7_report: string | null;
	art3_extended_to: string | null;
	art4_extended_to: string | null;
}

export type StateFactKind = 'status' | 'ldc' | 'deadline' | 'victims';
export type FactOutcome = 'confirmed' | 'unknown';

/** One dated fact about a state, with its source (migration 0012). Never updated: a correction replaces it. */
export interface StateFactTable {
	id: Generated<number>;
	organization_id: number;
	kind: StateFactKind;
	/** status: signature … withdrawal_effective; ldc: inclusion, graduation, scheduled_graduation; deadline: original, extension, completion; victims: listed, not_listed. */
	event: string;
	/** 3 or 4 for a deadline, else null. */
	article: number | null;
	/** When it happened, as precisely as the source says (YYYY, YYYY-MM or YYYY-MM-DD); for an original deadline, the deadline. */
	on_date: string | null;
	/** An extension's new deadline (null when the source does not give it). */
	deadline: string | null;
	/** `unknown`: the sources leave the outcome open (a request whose decision was not found). */
	outcome: Generated<FactOutcome>;
	granted_at: string | null;
	confidence: 'high' | 'medium' | 'low' | null;
	source: string;
	note: string | null;
	replaces_id: number | null;
	recorded_at: string;
	recorded_by: number | null;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	email_verified: number;
	password_hash: string | null;
	role: Role;
	given_name: string | null;
	family_name: string | null;
	organization_id: number | null;
	created_at: string;
	/** The language the person chose (en, fr, es): their e-mails are written in it. */
	locale: Generated<string>;
}

export interface SessionTable {
	/** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
	id: string;
	user_id: number;
	expires_at: string;
	created_at: string;
}

export type TokenKind = 'verify_email' | 'reset_password' | 'invite' | 'change_email';

export interface TokenTable {
	/** SHA-256 (hex) of the token in the link. */
	id: string;
	kind: TokenKind;
	user_id: number | null;
	email: string;
	/** JSON text: what the link carries (a role for an invite, a new address for a change). */
	payload: string | null;
	expires_at: string;
	used_at: string | null;
	created_at: string;
}

/** A guarded counter (migration 0008): `n` uses in the window that began at `window_start`. */
export interface RateLimitTable {
	key: string;
	/** The account a login counter is about (normalised e-mail), so a password reset can clear it. */
	account: string | null;
	window_start: string;
	n: number;
}

export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface OutboxTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	body_text: string;
	status: OutboxStatus;
	/** 1: its link lets the holder into an account; with SMTP_URL set, masked for staff and its text deleted once sent. */
	secret: Generated<number>;
	attempts: number;
	last_error: string | null;
	next_attempt_at: string | null;
	created_at: string;
	sent_at: string | null;
	/** The language the message was written in. */
	locale: Generated<string>;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	actor_user_id: number | null;
	actor_email: string | null;
	action: string;
	entity_type: string;
	entity_id: string | null;
	before_json: string | null;
	after_json: string | null;
}

export const MEETING_KINDS = [
	'msp',
	'review_conference',
	'intersessional',
	'coordination_committee',
	'preparatory_meeting',
	'workshop',
	'informal',
	'diplomatic_conference',
	'signing_conference'
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = 'draft' | 'published' | 'closed';

export interface MeetingTable {
	id: Generated<number>;
	code: string;
	slug: string;
	title: string;
	kind: MeetingKind;
	/** Local calendar dates in the meeting's zone, `YYYY-MM-DD`. */
	start_date: string;
	end_date: string;
	/** IANA zone, e.g. `Europe/Zurich`; every instant of the meeting is shown in it. */
	time_zone: string;
	venue: string | null;
	city: string | null;
	country: string | null;
	description: string | null;
	registration_opens_at: string | null;
	registration_closes_at: string | null;
	capacity: number | null;
	/** Places held by pending and approved registrations; guarded by `places_held < capacity`. */
	places_held: Generated<number>;
	sponsorship_deadline: string | null;
	symbol_prefix: string | null;
	status: MeetingStatus;
	published_at: string | null;
	/** Bumped on every change, for iCalendar SEQUENCE. */
	sequence: Generated<number>;
	/** Most people one delegation may register; null: no limit. */
	delegation_cap: number | null;
	/** Most unconfirmed self-registrations one delegation may hold at once (2 by default); null: no limit. */
	unconfirmed_cap: Generated<number | null>;
	/** How the list of participants is published: 'notice' (official list) or 'consent' (an unticked box). */
	participants_list: Generated<'notice' | 'consent'>;
	/** 1: staff approve each letter of invitation for a visa before it is issued. */
	visa_letters_approval: Generated<number>;
	/** Letters of invitation numbered so far: the guarded counter their reference numbers come from. */
	visa_letters_numbered: Generated<number>;
	created_at: string;
	updated_at: string;
}

export interface AgendaItemTable {
	id: Generated<number>;
	meeting_id: number;
	position: number;
	/** Top-level number as written (`10`); sub-items carry their parent's number and a letter. */
	number: string;
	sub_number: string | null;
	title: string;
	updated_at: string;
}

export interface MeetingSessionTable {
	id: Generated<number>;
	meeting_id: number;
	title: string;
	starts_at: string;
	ends_at: string;
	room: string | null;
	chair: string | null;
	sequence: Generated<number>;
	updated_at: string;
}

export interface SessionAgendaItemTable {
	session_id: number;
	agenda_item_id: number;
}

export const DELEGATION_ROLES = ['head', 'alternate', 'adviser', 'member', 'observer'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];
export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'approved', 'waitlisted'];

export interface DelegationTable {
	id: Generated<number>;
	meeting_id: number;
	organization_id: number;
	/** Live registrations (pending, approved, waitlisted); guarded by the meeting's delegation cap. */
	places_held: Generated<number>;
	/** Live unconfirmed self-registrations; guarded by the meeting's unconfirmed_cap. */
	unconfirmed_held: Generated<number>;
	status: 'open' | 'submitted';
	submitted_at: string | null;
	submitted_by: number | null;
	credentials_sha256: string | null;
	credentials_name: string | null;
	credentials_size: number | null;
	credentials_uploaded_at: string | null;
	/** The ISU's decision on the current letter (migration 0015); a new letter clears it. */
	credentials_decision: 'accepted' | 'refused' | null;
	credentials_reason: string | null;
	credentials_decided_at: string | null;
	credentials_decided_by: number | null;
	created_at: string;
	updated_at: string;
}

export interface RegistrationTable {
	id: Generated<number>;
	meeting_id: number;
	delegation_id: number;
	user_id: number | null;
	title: string | null;
	given_name: string | null;
	family_name: string | null;
	gender: string | null;
	position: string | null;
	email: string | null;
	phone: string | null;
	role: DelegationRole;
	consent_published: number;
	access_needs: string | null;
	status: RegistrationStatus;
	/** 1 while the registration counts against the meeting's capacity. */
	holds_place: number;
	confirmed_by_person: number;
	/** Set when the person registered themself; null once their focal point or staff confirm them as a member. */
	unconfirmed_since: string | null;
	rejection_reason: string | null;
	/** Opaque random token in the badge's QR code: no personal data. */
	badge_token: string;
	/** One per rendered form: a double submit finds the first registration. */
	form_token: string | null;
	attended_at: string | null;
	created_by: number | null;
	erased_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface StoredFileTable {
	sha256: string;
	mime: string;
	size: number;
	created_at: string;
}

export interface CriteriaSetTable {
	version: number;
	/** The CriteriaSet as JSON text (see sponsorship/criteria.ts). */
	json: string;
	adopted_at: string | null;
	created_by: number | null;
	created_at: string;
}

export interface SponsorshipProgrammeTable {
	meeting_id: number;
	budget_centimes: number;
	/** Cost of offers made and accepted; guarded by `committed + cost <= budget`. */
	committed_centimes: Generated<number>;
	dsa_centimes: number;
	default_nights: number;
	places_per_state: number | null;
	opens_at: string | null;
	closes_at: string | null;
	offer_response_days: number;
	criteria_version: number | null;
	updated_at: string;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface SponsorshipApplicationTable {
	id: Generated<number>;
	meeting_id: number;
	registration_id: number;
	user_id: number | null;
	status: ApplicationStatus;
	departure_city: string | null;
	airfare_centimes: number | null;
	nights: number | null;
	justification: string | null;
	statement: number;
	/** JSON array of agenda item labels. */
	statement_items: string | null;
	implementation_responsibility: number;
	endorsement: 'pending' | 'endorsed' | 'not_endorsed';
	endorsed_by: number | null;
	endorsed_at: string | null;
	/** Staff endorsing for a state with no focal point: who and why, shown to the applicant. */
	endorsement_note: string | null;
	submitted_at: string | null;
	cost_centimes: number | null;
	offer_sent_at: string | null;
	offer_deadline: string | null;
	responded_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface SponsorshipAdjustmentTable {
	application_id: number;
	criterion_id: string;
	points: number;
	reason: string;
	by_user: number | null;
	at: string;
}

export interface SponsorshipScoreTable {
	application_id: number;
	criteria_version: number;
	total: number;
	rank: number;
	breakdown_json: string;
	computed_at: string;
}

export type DocumentStatus = 'draft' | 'published' | 'withdrawn';

export interface DocumentTable {
	id: Generated<number>;
	meeting_id: number;
	/** Unique, e.g. `CCM/MSP/2019/4/Rev.1`. */
	symbol: string;
	/** Without Rev./Corr.: the versions of one document share it. */
	base_symbol: string;
	revision: number | null;
	corrigendum: number | null;
	title: string;
	/** Lower-cased, accents stripped: what title-word search matches against on both engines. */
	title_search: string;
	type: string;
	agenda_item_id: number | null;
	organization_id: number | null;
	distribution: 'general' | 'limited';
	status: DocumentStatus;
	published_at: string | null;
	withdrawn_at: string | null;
	replaced_by_id: number | null;
	uploaded_by: number | null;
	created_at: string;
	updated_at: string;
}

export interface DocumentFileTable {
	document_id: number;
	language: string;
	sha256: string;
	mime: string;
	size: number;
	original_name: string | null;
	uploaded_at: string;
}

/** Counters bumped by triggers whenever public content changes (migration 0006). */
export interface ContentVersionTable {
	name: 'programme' | 'records';
	version: number;
}

/** One timed job and its lease (migration 0011, src/lib/server/jobs). */
export interface JobTable {
	name: string;
	next_run_at: string;
	lease_until: string;
	holder: string | null;
	runs: Generated<number>;
	last_started_at: string | null;
	last_finished_at: string | null;
	last_error: string | null;
}

export type OutcomeKind = 'decision' | 'recommendation' | 'action_point';
export type TaskOwnerKind = 'isu' | 'presidency' | 'coordinator' | 'organization' | 'person';
export type TaskStatus = 'open' | 'in_progress' | 'done' | 'dropped';

/** A decision, recommendation or action point of a meeting (migration 0016, src/lib/server/decisions). */
export interface OutcomeTable {
	id: Generated<number>;
	meeting_id: number;
	agenda_item_id: number | null;
	/** As in the report or minutes, e.g. `para. 27`; unique per document (or per meeting without one). */
	number: string;
	symbol: string | null;
	kind: OutcomeKind;
	text: string;
	/** 1: demonstration content, not taken from a source. */
	illustrative: Generated<number>;
	source: string | null;
	created_at: string;
	updated_at: string;
}

export interface TaskTable {
	id: Generated<number>;
	outcome_id: number;
	what: string;
	owner_kind: TaskOwnerKind;
	owner_organization_id: number | null;
	owner_user_id: number | null;
	owner_label: string | null;
	due_date: string;
	status: Generated<TaskStatus>;
	drop_reason: string | null;
	illustrative: Generated<number>;
	reminded_week_at: string | null;
	reminded_overdue_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface TaskNoteTable {
	id: Generated<number>;
	task_id: number;
	at: string;
	author_user_id: number | null;
	author_email: string | null;
	text: string;
	/** The status this note set (migration 0018); null for a plain note and for notes written before. */
	status: TaskStatus | null;
}

export interface OverdueDigestTable {
	day: string;
	sent_at: string;
	tasks: number;
}

export interface CommitteeInvitationTable {
	id: Generated<number>;
	meeting_id: number;
	user_id: number;
	/** The meeting's calendar SEQUENCE in the last invitation sent. */
	sequence: number;
	first_invited_at: string;
	invited_at: string;
	invited_by: number | null;
}

export interface OutboxAttachmentTable {
	id: Generated<number>;
	outbox_id: number;
	filename: string;
	content_type: string;
	content: string;
}

export interface MeetingMinutesTable {
	meeting_id: number;
	text: string;
	illustrative: Generated<number>;
	updated_at: string;
	updated_by: number | null;
}

export type VisaLetterStatus = 'requested' | 'issued' | 'refused';

/** A letter of invitation for visa purposes; the passport details are kept here only (erased with the person). */
export interface VisaLetterTable {
	id: Generated<number>;
	registration_id: number;
	meeting_id: number;
	number: number;
	/** Readable and unique, e.g. `CCM/9MSP/VISA/0007`. */
	reference: string;
	passport_name: string;
	nationality: string;
	passport_number: string;
	status: VisaLetterStatus;
	refusal_reason: string | null;
	requested_by: number | null;
	requested_at: string;
	decided_by: number | null;
	decided_at: string | null;
}

/** An ISU notification waiting for the daily digest (ISU_NOTIFICATIONS=daily). */
export interface IsuDigestItemTable {
	id: Generated<number>;
	subject: string;
	body_text: string;
	created_at: string;
	/** The day of the digest that carried it; null while it waits. */
	digest_day: string | null;
}

/** One row per digest sent: the primary key keeps a day from being sent twice. */
export interface IsuDigestTable {
	day: string;
	items: number;
	outbox_id: number | null;
	created_at: string;
}

export interface Database {
	visa_letters: VisaLetterTable;
	isu_digest_items: IsuDigestItemTable;
	isu_digests: IsuDigestTable;
	outcomes: OutcomeTable;
	tasks: TaskTable;
	task_notes: TaskNoteTable;
	meeting_minutes: MeetingMinutesTable;
	overdue_digests: OverdueDigestTable;
	committee_invitations: CommitteeInvitationTable;
	outbox_attachments: OutboxAttachmentTable;
	content_versions: ContentVersionTable;
	jobs: JobTable;
	documents: DocumentTable;
	document_files: DocumentFileTable;
	criteria_sets: CriteriaSetTable;
	sponsorship_programmes: SponsorshipProgrammeTable;
	sponsorship_applications: SponsorshipApplicationTable;
	sponsorship_adjustments: SponsorshipAdjustmentTable;
	sponsorship_scores: SponsorshipScoreTable;
	delegations: DelegationTable;
	registrations: RegistrationTable;
	stored_files: StoredFileTable;
	meetings: MeetingTable;
	agenda_items: AgendaItemTable;
	meeting_sessions: MeetingSessionTable;
	session_agenda_items: SessionAgendaItemTable;
	organizations: OrganizationTable;
	state_facts: StateFactTable;
	users: UserTable;
	sessions: SessionTable;
	tokens: TokenTable;
	rate_limits: RateLimitTable;
	outbox: OutboxTable;
	audit_log: AuditLogTable;
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type StateFact = Selectable<StateFactTable>;
export type NewStateFact = Insertable<StateFactTable>;
export type User = Selectable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Meeting = Selectable<MeetingTable>;
export type VisaLetter = Selectable<VisaLetterTable>;
export type AgendaItem = Selectable<AgendaItemTable>;
export type MeetingSession = Selectable<MeetingSessionTable>;
export type Delegation = Selectable<DelegationTable>;
export type Registration = Selectable<RegistrationTable>;
export type SponsorshipApplication = Selectable<SponsorshipApplicationTable>;
export type SponsorshipProgramme = Selectable<SponsorshipProgrammeTable>;
export type DocumentRow = Selectable<DocumentTable>;
