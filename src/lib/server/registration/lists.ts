import type { DelegationRole } from '../db';
import { formatDateRange } from '../../dates';
import { CATEGORY_LABELS, compareParticipants, type Category } from './rules';
import type { BadgePerson, ParticipantGroup, PdfMeeting } from './pdf';
import { currentLocale, isLocale, type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

interface PersonRow {
	id: number;
	title: string | null;
	given_name: string | null;
	family_name: string | null;
	role: DelegationRole;
	organization: string;
	/** As at the meeting's date (queries' `withCategories`). */
	category: Category;
}

export function pdfMeeting(
	mt: { code: string; title: string; start_date: string; end_date: string; city: string | null },
	locale: Locale = currentLocale()
): PdfMeeting {
	return { code: mt.code, title: mt.title, dates: formatDateRange(mt.start_date, mt.end_date, locale), city: mt.city };
}

const fullName = (p: Pick<PersonRow, 'given_name' | 'family_name'>) => [p.given_name, p.family_name].filter(Boolean).join(' ');

/** A role in a delegation, in a language. */
export function delegationRoleLabel(role: DelegationRole, locale: Locale = currentLocale()): string {
	const o = { locale };
	return {
		head: m.srv_delrole_head({}, o),
		alternate: m.srv_delrole_alternate({}, o),
		adviser: m.srv_delrole_adviser({}, o),
		member: m.srv_delrole_member({}, o),
		observer: m.srv_delrole_observer({}, o)
	}[role];
}

function groupHeading(category: Category, locale: Locale): string {
	const o = { locale };
	return {
		party: m.srv_group_party({}, o),
		signatory: m.srv_group_signatory({}, o),
		observer: m.srv_group_observer({}, o),
		io: m.srv_group_io({}, o),
		ngo: m.srv_group_ngo({}, o),
		staff: m.srv_group_staff({}, o)
	}[category];
}

/** Each badge in its holder's chosen language when they have an account, else in `locale`. */
export function badgePeople(rows: (PersonRow & { badge_token: string; locale?: string | null })[], locale: Locale = currentLocale()): BadgePerson[] {
	return rows.map((r) => ({
		name: fullName(r),
		title: r.title,
		organization: r.organization,
		category: r.category,
		roleLabel: delegationRoleLabel(r.role, isLocale(r.locale) ? r.locale : locale),
		badgeToken: r.badge_token,
		locale: isLocale(r.locale) ? r.locale : locale
	}));
}

/** The list of participants in UN order, grouped for the page and the PDF. */
export function participantGroups(rows: (PersonRow & { position: string | null })[], locale: Locale = currentLocale()): ParticipantGroup[] {
	const people = rows
		.map((r) => ({
			r,
			listed: {
				category: r.category,
				organization: r.organization,
				familyName: r.family_name ?? '',
				givenName: r.given_name ?? '',
				role: r.role
			}
		}))
		.sort((a, b) => compareParticipants(a.listed, b.listed));
	const groups: ParticipantGroup[] = [];
	for (const { r, listed } of people) {
		const heading = groupHeading(listed.category, locale);
		let g = groups.at(-1);
		if (!g || g.heading !== heading) groups.push((g = { heading, organizations: [] }));
		let o = g.organizations.at(-1);
		if (!o || o.name !== r.organization) g.organizations.push((o = { name: r.organization, people: [] }));
		o.people.push({ name: [r.title, fullName(r)].filter(Boolean).join(' '), position: r.position, roleLabel: delegationRoleLabel(r.role, locale) });
	}
	return groups;
}

export { CATEGORY_LABELS };
