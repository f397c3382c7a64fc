import type { CcmStatus, DelegationRole, OrganizationKind, RegistrationStatus } from '../db';
import { m } from '$lib/paraglide/messages';

/**
 * A record of labels read in the language of the request being answered (English outside one): each value is a
 * getter, so a record built once at start-up still speaks French on a French page, and its users need no change.
 */
export function localized<K extends string>(messages: Record<K, () => string>): Record<K, string> {
	const out = {} as Record<K, string>;
	for (const [key, message] of Object.entries(messages) as [K, () => string][]) Object.defineProperty(out, key, { get: () => message(), enumerable: true });
	return out;
}

export const ROLE_LABELS: Record<DelegationRole, string> = localized({
	head: m.del_role_head,
	alternate: m.del_role_alternate,
	adviser: m.del_role_adviser,
	member: m.del_role_member,
	observer: m.del_role_observer
});

export const STATUS_LABELS: Record<RegistrationStatus, string> = localized({
	pending: m.del_reg_status_pending,
	approved: m.del_reg_status_approved,
	waitlisted: m.del_reg_status_waitlisted,
	rejected: m.del_reg_status_rejected,
	cancelled: m.del_reg_status_cancelled
});

export type Category = 'party' | 'signatory' | 'observer' | 'io' | 'ngo' | 'staff';

/** One message per category: a delegate's badge category as the pages name it. */
export const CATEGORY_LABELS: Record<Category, string> = localized({
	party: m.del_cat_party,
	signatory: m.del_cat_signatory,
	observer: m.del_cat_observer,
	io: m.del_cat_io,
	ngo: m.del_cat_ngo,
	staff: m.del_cat_staff
});

/** Badge colours: distinct in hue and light enough for black text (AA contrast). */
export const CATEGORY_COLOURS: Record<Category, string> = {
	party: '#7fb3e0',
	signatory: '#9fd3a0',
	observer: '#f3d37a',
	io: '#d8b4e2',
	ngo: '#f5b895',
	staff: '#c8c8c8'
};

/** The category a person shows under: for a state, its CCM status as at the meeting's date (`statesAsAt`). */
export function categoryOf(kind: OrganizationKind, statusAsAt: CcmStatus | null): Category {
	if (kind === 'international_organization') return 'io';
	if (kind === 'ngo') return 'ngo';
	return statusAsAt === 'state_party' ? 'party' : statusAsAt === 'signatory' ? 'signatory' : 'observer';
}

/** The staff list's filter values, as categories. */
export const FILTER_CATEGORIES: Record<string, Category> = { state_party: 'party', signatory: 'signatory', not_party: 'observer', io: 'io', ngo: 'ngo' };

/** The order UN lists of participants use: States Parties, Signatories, States not party, IOs, NGOs. */
const GROUP_ORDER: Category[] = ['party', 'signatory', 'observer', 'io', 'ngo', 'staff'];

export interface ListedPerson {
	category: Category;
	organization: string;
	familyName: string;
	givenName: string;
	role: DelegationRole;
}

const ROLE_ORDER: DelegationRole[] = ['head', 'alternate', 'adviser', 'member', 'observer'];

export function compareParticipants(a: ListedPerson, b: ListedPerson): number {
	return (
		GROUP_ORDER.indexOf(a.category) - GROUP_ORDER.indexOf(b.category) ||
		a.organization.localeCompare(b.organization, 'en', { sensitivity: 'base' }) ||
		ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
		a.familyName.localeCompare(b.familyName, 'en', { sensitivity: 'base' }) ||
		a.givenName.localeCompare(b.givenName, 'en', { sensitivity: 'base' })
	);
}

/** A change of who the person is, for whom, or in what role sends an approved registration back for approval. */
export function needsReapproval(
	before: { given_name: string | null; family_name: string | null; role: string; delegation_id: number },
	after: { given_name: string | null; family_name: string | null; role: string; delegation_id: number }
): boolean {
	return (
		before.given_name !== after.given_name ||
		before.family_name !== after.family_name ||
		before.role !== after.role ||
		before.delegation_id !== after.delegation_id
	);
}

/**
 * Whether a new registration gets a place. The database applies the same rule with a guarded update
 * (`places_held < capacity`) so that concurrent submissions cannot overfill; this function states it for tests and pages.
 */
export function placeDecision(capacity: number | null, placesHeld: number): 'place' | 'waitlist' {
	return capacity === null || placesHeld < capacity ? 'place' : 'waitlist';
}

/** Who may see a registration: the person, their delegation's focal point, staff. */
export function canSeeRegistration(
	viewer: { id: number; role: string; email: string; organizationId: number | null; emailVerified: boolean },
	reg: { user_id: number | null; email: string | null; organization_id: number }
): boolean {
	if (viewer.role === 'staff') return true;
	if (reg.user_id !== null && reg.user_id === viewer.id) return true;
	if (reg.user_id === null && viewer.emailVerified && reg.email !== null && reg.email === viewer.email) return true;
	return viewer.role === 'focal_point' && viewer.organizationId === reg.organization_id;
}

/**
 * Neutralises spreadsheet formulas in a CSV cell (OWASP "CSV injection"): a leading = + - @ tab or CR
 * gets a leading apostrophe so Excel and LibreOffice show it as text.
 */
export function csvSafe(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
