import { describe, expect, it } from 'vitest';
import { canSeeRegistration, categoryOf, compareParticipants, csvSafe, needsReapproval, placeDecision, type ListedPerson } from './rules';

describe('categoryOf', () => {
	it("gives the category of a state's status as at the meeting, and of organisations by kind", () => {
		expect(categoryOf('state', 'state_party')).toBe('party');
		expect(categoryOf('state', 'signatory')).toBe('signatory');
		expect(categoryOf('state', 'not_party')).toBe('observer');
		expect(categoryOf('state', null)).toBe('observer');
		expect(categoryOf('international_organization', null)).toBe('io');
		expect(categoryOf('ngo', null)).toBe('ngo');
	});
});

describe('compareParticipants', () => {
	it('orders parties, signatories, other states, IOs, NGOs; alphabetical within; heads first', () => {
		const p = (category: ListedPerson['category'], organization: string, familyName: string, role: ListedPerson['role'] = 'member'): ListedPerson => ({
			category,
			organization,
			familyName,
			givenName: 'A',
			role
		});
		const list = [
			p('ngo', 'Cluster Munition Coalition', 'Z'),
			p('io', 'ICRC', 'Y'),
			p('observer', 'Zimbabwe', 'X'),
			p('party', 'Ecuador', 'Moreno'),
			p('party', 'Afghanistan', 'Zaki'),
			p('party', 'Afghanistan', 'Ahmadi', 'head'),
			p('signatory', 'Angola', 'W'),
			p('party', 'Åland', 'Q')
		];
		expect(list.sort(compareParticipants).map((x) => `${x.organization}/${x.familyName}`)).toEqual([
			'Afghanistan/Ahmadi',
			'Afghanistan/Zaki',
			'Åland/Q',
			'Ecuador/Moreno',
			'Angola/W',
			'Zimbabwe/X',
			'ICRC/Y',
			'Cluster Munition Coalition/Z'
		]);
	});
});

describe('capacity', () => {
	it('gives a place below capacity and the waiting list at it', () => {
		expect(placeDecision(200, 199)).toBe('place');
		expect(placeDecision(200, 200)).toBe('waitlist');
		expect(placeDecision(null, 10_000)).toBe('place');
		expect(placeDecision(0, 0)).toBe('waitlist');
	});
	it('sends approved registrations back when name, delegation or role change', () => {
		const base = { given_name: 'Ana', family_name: 'Lee', role: 'member', delegation_id: 1 };
		expect(needsReapproval(base, { ...base })).toBe(false);
		expect(needsReapproval(base, { ...base, family_name: 'Li' })).toBe(true);
		expect(needsReapproval(base, { ...base, role: 'head' })).toBe(true);
		expect(needsReapproval(base, { ...base, delegation_id: 2 })).toBe(true);
	});
});

describe('canSeeRegistration', () => {
	const reg = { user_id: 5, email: 'ana@example.org', organization_id: 10 };
	const v = (over: Partial<Parameters<typeof canSeeRegistration>[0]>) => ({
		id: 1,
		role: 'delegate',
		email: 'x@example.org',
		organizationId: null,
		emailVerified: true,
		...over
	});
	it('lets the person, their focal point and staff see it, nobody else', () => {
		expect(canSeeRegistration(v({ id: 5 }), reg)).toBe(true);
		expect(canSeeRegistration(v({ role: 'focal_point', organizationId: 10 }), reg)).toBe(true);
		expect(canSeeRegistration(v({ role: 'focal_point', organizationId: 11 }), reg)).toBe(false);
		expect(canSeeRegistration(v({ role: 'staff' }), reg)).toBe(true);
		expect(canSeeRegistration(v({ role: 'cc_member' }), reg)).toBe(false);
		expect(canSeeRegistration(v({ email: 'ana@example.org' }), reg)).toBe(false); // claimed by another account
		expect(canSeeRegistration(v({ email: 'ana@example.org' }), { ...reg, user_id: null })).toBe(true);
		expect(canSeeRegistration(v({ email: 'ana@example.org', emailVerified: false }), { ...reg, user_id: null })).toBe(false);
	});
});

describe('csvSafe', () => {
	it('defuses formulas and keeps other text, any script', () => {
		expect(csvSafe('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
		expect(csvSafe('+41 22 000')).toBe(`'+41 22 000`);
		expect(csvSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
		expect(csvSafe('Nguyễn Thị Minh Khai')).toBe('Nguyễn Thị Minh Khai');
		expect(csvSafe('عبد الله')).toBe('عبد الله');
		expect(csvSafe(null)).toBe('');
	});
});
