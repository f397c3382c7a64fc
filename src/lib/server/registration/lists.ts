import type { DelegationRole } from '../db';
import { formatDateRange } from '../../dates';
import { CATEGORY_LABELS, compareParticipants, ROLE_LABELS, type Category } from './rules';
import type { BadgePerson, ParticipantGroup, PdfMeeting } from './pdf';

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

export function pdfMeeting(m: { code: string; title: string; start_date: string; end_date: string; city: string | null }): PdfMeeting {
	return { code: m.code, title: m.title, dates: formatDateRange(m.start_date, m.end_date), city: m.city };
}

const fullName = (p: Pick<PersonRow, 'given_name' | 'family_name'>) => [p.given_name, p.family_name].filter(Boolean).join(' ');

export function badgePeople(rows: (PersonRow & { badge_token: string })[]): BadgePerson[] {
	return rows.map((r) => ({
		name: fullName(r),
		title: r.title,
		organization: r.organization,
		category: r.category,
		roleLabel: ROLE_LABELS[r.role],
		badgeToken: r.badge_token
	}));
}

const GROUP_HEADINGS: Record<Category, string> = {
	party: 'States Parties',
	signatory: 'Signatory States',
	observer: 'States not party',
	io: 'International organisations',
	ngo: 'Non-governmental organisations',
	staff: 'Secretariat'
};

/** The list of participants in UN order, grouped for the page and the PDF. */
export function participantGroups(rows: (PersonRow & { position: string | null })[]): ParticipantGroup[] {
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
		const heading = GROUP_HEADINGS[listed.category];
		let g = groups.at(-1);
		if (!g || g.heading !== heading) groups.push((g = { heading, organizations: [] }));
		let o = g.organizations.at(-1);
		if (!o || o.name !== r.organization) g.organizations.push((o = { name: r.organization, people: [] }));
		o.people.push({ name: [r.title, fullName(r)].filter(Boolean).join(' '), position: r.position, roleLabel: ROLE_LABELS[r.role] });
	}
	return groups;
}

export { CATEGORY_LABELS };
