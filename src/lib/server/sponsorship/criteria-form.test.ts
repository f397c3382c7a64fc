import { describe, expect, it } from 'vitest';
import { defaultCriteria, validateCriteria, type CriterionConfig } from './criteria';
import { paramFields, readParams } from './criteria-form';

const REGIONS = ['Africa', 'Asia-Pacific', 'Europe', 'Latin America and the Caribbean'];
const byKind = (kind: CriterionConfig['kind']) => defaultCriteria().criteria.find((c) => c.kind === kind)!;

/** A posted form holding what the editor shows for a criterion, with some fields changed. */
function posted(c: CriterionConfig, change: Record<string, string | string[]> = {}) {
	const fd = new FormData();
	for (const f of paramFields(c, REGIONS)) {
		if (f.name in change) continue;
		if (f.kind === 'number') fd.set(f.name, String(f.value));
		else for (const o of f.options) if (o.checked) fd.append(f.name, o.value);
	}
	for (const [k, v] of Object.entries(change)) for (const x of [v].flat()) fd.append(k, x);
	return fd;
}

describe('criterion parameters in the editor', () => {
	it('shows each kind’s parameters with their current values', () => {
		const obligations = paramFields(byKind('open_obligation'), REGIONS);
		expect(obligations.map((f) => f.label)).toEqual(['Deadlines under', 'A deadline not yet passed', 'A deadline within the months below', 'Deadline within']);
		expect(obligations[0]).toMatchObject({
			kind: 'choices',
			options: [
				{ value: 'art3', checked: true },
				{ value: 'art4', checked: true }
			]
		});
		expect(paramFields(byKind('region_balance'), REGIONS)[0]).toMatchObject({ kind: 'choices', options: REGIONS.map((r) => ({ value: r, checked: false })) });
		expect(paramFields(byKind('ccm_status'), REGIONS).map((f) => f.kind === 'number' && f.value)).toEqual([0, 100, 100]);
		expect(paramFields(byKind('victim_assistance'), REGIONS)).toEqual([]);
	});

	it('reads the form back: unchanged fields give the same criterion, changed ones the new values', () => {
		for (const c of defaultCriteria().criteria) expect(readParams(c, posted(c), REGIONS)).toEqual({ criterion: c, errors: {} });
		const region = readParams(byKind('region_balance'), posted(byKind('region_balance'), { p_region_priorityRegions: ['Africa', 'Asia-Pacific'] }), REGIONS);
		expect(region.criterion).toMatchObject({ priorityRegions: ['Africa', 'Asia-Pacific'] });
		const status = readParams(byKind('ccm_status'), posted(byKind('ccm_status'), { p_universalization_share_signatory: '50' }), REGIONS);
		expect(status.criterion).toMatchObject({ share: { state_party: 0, signatory: 50, not_party: 100 } });
		const obligations = readParams(
			byKind('open_obligation'),
			posted(byKind('open_obligation'), { p_obligations_articles: 'art4', p_obligations_soonMonths: '12' }),
			REGIONS
		);
		expect(obligations.criterion).toMatchObject({ articles: ['art4'], soonMonths: 12 });
	});

	it('says what is wrong at the field, and leaves the set rules to validateCriteria', () => {
		const c = byKind('statement');
		expect(readParams(c, posted(c, { p_statement_statementShare: '101' }), REGIONS).errors).toEqual({
			p_statement_statementShare: 'A whole number from 0 to 100.'
		});
		expect(readParams(c, posted(c, { p_statement_withItemsShare: 'lots' }), REGIONS).errors).toHaveProperty('p_statement_withItemsShare');
		const g = byKind('gender_balance');
		expect(readParams(g, posted(g, { p_gender_underRepresented: 'robot' }), REGIONS).errors).toEqual({ p_gender_underRepresented: 'Choose from the list.' });
		// A region criterion switched on with no region chosen passes here and is refused by the set's validation.
		const set = defaultCriteria();
		const region = { ...readParams(byKind('region_balance'), posted(byKind('region_balance')), REGIONS).criterion, weight: 10 };
		expect(validateCriteria({ ...set, criteria: set.criteria.map((x) => (x.id === region.id ? region : x)) })).toEqual([
			expect.stringContaining('priorityRegions must name at least one')
		]);
	});
});
