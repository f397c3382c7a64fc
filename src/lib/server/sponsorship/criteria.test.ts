import { describe, expect, it } from 'vitest';
import { defaultCriteria, parseCriteria, reviseCriteria, validateCriteria, type CriteriaSet } from './criteria';

const edit = (f: (s: CriteriaSet) => void) => {
	const s = defaultCriteria();
	f(s);
	return s;
};

describe('defaultCriteria', () => {
	it('is valid, version 1, not adopted, and marked as a proposal throughout', () => {
		const set = defaultCriteria();
		expect(validateCriteria(set)).toEqual([]);
		expect(set.version).toBe(1);
		expect(set.adoptedAt).toBeNull();
		expect(set.criteria).toHaveLength(12);
		for (const c of set.criteria) expect(c.note).toContain('not official CCM text');
	});
	it('switches on the six section D factors and leaves the unsourced ones at weight 0', () => {
		const on = defaultCriteria()
			.criteria.filter((c) => c.weight > 0)
			.map((c) => [c.id, c.weight]);
		expect(on).toEqual([
			['obligations', 30],
			['victim_assistance', 15],
			['least_developed', 15],
			['universalization', 15],
			['expert', 15],
			['statement', 10]
		]);
		const off = defaultCriteria()
			.criteria.filter((c) => c.weight === 0)
			.map((c) => c.id);
		expect(off).toEqual(['region', 'article7', 'rotation', 'role', 'gender', 'staff']);
	});
	it('survives a round trip through JSON text', () => {
		const r = parseCriteria(JSON.stringify(defaultCriteria()));
		expect(r).toEqual({ ok: true, set: defaultCriteria() });
	});
});

describe('validateCriteria refuses', () => {
	it.each([
		['a weight above 100', (s: CriteriaSet) => (s.criteria[0].weight = 101), 'weight must be a whole number from 0 to 100'],
		['a negative weight', (s: CriteriaSet) => (s.criteria[0].weight = -5), 'weight must be a whole number'],
		['a fractional weight', (s: CriteriaSet) => (s.criteria[0].weight = 2.5), 'weight must be a whole number'],
		['a weight given as text', (s: CriteriaSet) => ((s.criteria[0] as { weight: unknown }).weight = '30'), 'weight must be a whole number'],
		['all weights 0', (s: CriteriaSet) => s.criteria.forEach((c) => (c.weight = 0)), 'At least one criterion must have a weight above 0'],
		['a duplicate id', (s: CriteriaSet) => (s.criteria[1].id = s.criteria[0].id), 'is used more than once'],
		['a malformed id', (s: CriteriaSet) => (s.criteria[0].id = 'Open obligations'), 'id must start with a letter'],
		['an empty label', (s: CriteriaSet) => (s.criteria[0].label = ' '), 'label is required'],
		['an unknown kind', (s: CriteriaSet) => ((s.criteria[0] as { kind: string }).kind = 'lottery'), 'unknown kind "lottery"'],
		[
			'a share above 100',
			(s: CriteriaSet) => s.criteria[5].kind === 'statement' && (s.criteria[5].withItemsShare = 150),
			'withItemsShare must be a whole percentage'
		],
		[
			'an unknown status in shares',
			(s: CriteriaSet) => s.criteria[3].kind === 'ccm_status' && Object.assign(s.criteria[3].share, { observer: 10 }),
			'unknown value "observer"'
		],
		[
			'an unknown role in shares',
			(s: CriteriaSet) => s.criteria[9].kind === 'role' && Object.assign(s.criteria[9].share, { expert: 10 }),
			'unknown value "expert"'
		],
		['no articles', (s: CriteriaSet) => s.criteria[0].kind === 'open_obligation' && (s.criteria[0].articles = []), 'articles must list art3 and/or art4'],
		['0 months', (s: CriteriaSet) => s.criteria[0].kind === 'open_obligation' && (s.criteria[0].soonMonths = 0), 'soonMonths must be'],
		['a switched-on region criterion with no regions', (s: CriteriaSet) => (s.criteria[6].weight = 10), 'priorityRegions must name at least one'],
		['a switched-on gender criterion with no gender', (s: CriteriaSet) => (s.criteria[10].weight = 10), 'underRepresented must name at least one'],
		[
			'a total above 1000',
			(s: CriteriaSet) => s.criteria.push(...Array.from({ length: 10 }, (_, i) => ({ ...s.criteria[1], id: `extra${i}`, weight: 100 }))),
			'add up to 1100'
		],
		['a bad adoption date', (s: CriteriaSet) => (s.adoptedAt = 'yesterday'), 'Adopted on must be a date'],
		['missing gates', (s: CriteriaSet) => delete (s as Partial<CriteriaSet>).gates, 'Gates must say'],
		['version 0', (s: CriteriaSet) => (s.version = 0), 'Version must be']
	])('%s', (_name, change, message) => {
		const errors = validateCriteria(edit(change));
		expect(errors.join('\n')).toContain(message);
	});
	it('anything that is not a set', () => {
		expect(validateCriteria(null)).toEqual(['The criteria set must be an object.']);
		expect(validateCriteria({ version: 1, adoptedAt: null, note: '', gates: { admitSignatories: true, admitNotParty: false }, criteria: [] })).toContain(
			'The set needs at least one criterion.'
		);
		expect(parseCriteria('{oops')).toEqual({ ok: false, errors: ['The criteria are not valid JSON.'] });
	});
	it('names the criterion in each message', () => {
		expect(validateCriteria(edit((s) => (s.criteria[0].weight = 500)))).toEqual([
			'Criterion "obligations": weight must be a whole number from 0 to 100 (got 500).'
		]);
	});
});

describe('reviseCriteria', () => {
	it('makes the next version and leaves the current one untouched', () => {
		const v1 = defaultCriteria();
		const draft = structuredClone(v1);
		draft.criteria[6].weight = 10;
		if (draft.criteria[6].kind === 'region_balance') draft.criteria[6].priorityRegions = ['Africa', 'Pacific'];
		const r = reviseCriteria(v1, draft, '2026-10-01');
		expect(r.ok && r.set.version).toBe(2);
		expect(r.ok && r.set.adoptedAt).toBe('2026-10-01');
		expect(v1).toEqual(defaultCriteria());
	});
	it('refuses an edit that leaves weights invalid', () => {
		const v1 = defaultCriteria();
		const draft = structuredClone(v1);
		draft.criteria[0].weight = 120;
		const r = reviseCriteria(v1, draft, null);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0]).toContain('weight must be a whole number from 0 to 100');
	});
});
