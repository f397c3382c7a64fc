// Codes shown on this meeting's staff pages, each as a message of the page's language (the areas' label maps are English).
import { m } from '$lib/paraglide/messages';

export const ccmStatusOptions = () => [
	{ value: 'state_party', label: m.mtg_ccm_state_party() },
	{ value: 'signatory', label: m.mtg_ccm_signatory() },
	{ value: 'not_party', label: m.mtg_ccm_not_party() },
	{ value: 'io', label: m.mtg_ccm_io() },
	{ value: 'ngo', label: m.mtg_ccm_ngo() }
];

export const delegationStates: Record<string, () => string> = {
	not_started: m.mtg_deleg_state_not_started,
	in_progress: m.mtg_deleg_state_in_progress,
	submitted: m.mtg_deleg_state_submitted,
	accepted: m.mtg_deleg_state_accepted,
	refused: m.mtg_deleg_state_refused
};

export const groupHeadings: Record<string, () => string> = {
	party: m.mtg_list_party,
	signatory: m.mtg_list_signatory,
	observer: m.mtg_list_observer,
	io: m.mtg_list_io,
	ngo: m.mtg_list_ngo
};

/** A label of a code, or the code itself when this version does not know it. */
export const say = (labels: Record<string, () => string>, code: string) => labels[code]?.() ?? code;

export const documentTypes: Record<string, () => string> = {
	provisional_agenda: m.mtg_doctype_provisional_agenda,
	programme_of_work: m.mtg_doctype_programme_of_work,
	working_paper: m.mtg_doctype_working_paper,
	information_paper: m.mtg_doctype_information_paper,
	report: m.mtg_doctype_report,
	statement: m.mtg_doctype_statement,
	list_of_participants: m.mtg_doctype_list_of_participants,
	decision: m.mtg_doctype_decision,
	other: m.mtg_doctype_other
};

export const documentStatuses: Record<string, () => string> = {
	draft: m.mtg_docs_status_draft,
	published: m.mtg_docs_status_published,
	withdrawn: m.mtg_docs_status_withdrawn
};

export const registrationStatuses: Record<string, () => string> = {
	pending: m.mtg_reg_status_pending,
	approved: m.mtg_reg_status_approved,
	waitlisted: m.mtg_reg_status_waitlisted,
	rejected: m.mtg_reg_status_rejected,
	cancelled: m.mtg_reg_status_cancelled
};

export const categories: Record<string, () => string> = {
	party: m.mtg_reg_cat_party,
	signatory: m.mtg_reg_cat_signatory,
	observer: m.mtg_reg_cat_observer,
	io: m.mtg_reg_cat_io,
	ngo: m.mtg_reg_cat_ngo,
	staff: m.mtg_reg_cat_staff
};

export const delegationRoles: Record<string, () => string> = {
	head: m.mtg_reg_role_head,
	alternate: m.mtg_reg_role_alternate,
	adviser: m.mtg_reg_role_adviser,
	member: m.mtg_reg_role_member,
	observer: m.mtg_reg_role_observer
};

export const visaStatuses: Record<string, () => string> = {
	requested: m.mtg_visa_status_requested,
	issued: m.mtg_visa_status_issued,
	refused: m.mtg_visa_status_refused
};
