import { m } from '$lib/paraglide/messages';
import { DELEGATION_ROLES, type CcmStatus } from '../db';
import { GENDERS, ROLE_LABELS } from '../registration';
import type { CriterionConfig } from './criteria';

/*
 * The parameters of each kind of criterion as form fields, for the staff criteria editor: what to show, and how to
 * read a posted form back into a criterion. Field names are `p_<criterion id>_<key>`; a list is one checkbox per value.
 */

export type ParamField =
	| { kind: 'number'; name: string; label: string; value: number; min: number; max: number; unit: string }
	| { kind: 'choices'; name: string; label: string; options: { value: string; label: string; checked: boolean }[] };

const CCM_STATUSES: CcmStatus[] = ['state_party', 'signatory', 'not_party'];
// Labels are made when the fields are (in a request), so they speak the page's language.
const STATUS_LABELS: Record<CcmStatus, () => string> = {
	state_party: m.adm_crit_state_party,
	signatory: m.adm_crit_signatory,
	not_party: m.adm_crit_not_party
};
const articles = () => [
	{ value: 'art3', label: m.adm_crit_art3() },
	{ value: 'art4', label: m.adm_crit_art4() }
];

const field = (c: CriterionConfig, key: string) => `p_${c.id}_${key}`;
const share = (c: CriterionConfig, key: string, label: string, value: number): ParamField => ({
	kind: 'number',
	name: field(c, key),
	label,
	value,
	min: 0,
	max: 100,
	unit: m.adm_crit_unit_percent()
});
const months = (c: CriterionConfig, key: string, label: string, value: number): ParamField => ({
	kind: 'number',
	name: field(c, key),
	label,
	value,
	min: 1,
	max: 120,
	unit: m.adm_crit_unit_months()
});
const choices = (c: CriterionConfig, key: string, label: string, all: { value: string; label: string }[], chosen: string[]): ParamField => ({
	kind: 'choices',
	name: field(c, key),
	label,
	options: [...all, ...chosen.filter((v) => !all.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))].map((o) => ({
		...o,
		checked: chosen.includes(o.value)
	}))
});

/** The fields of one criterion; `regions` are the regions states have in the database. */
export function paramFields(c: CriterionConfig, regions: string[]): ParamField[] {
	switch (c.kind) {
		case 'ccm_status':
			return CCM_STATUSES.map((s) => share(c, `share_${s}`, STATUS_LABELS[s](), c.share[s] ?? 0));
		case 'open_obligation':
			return [
				choices(c, 'articles', m.adm_crit_deadlines_under(), articles(), c.articles),
				share(c, 'openShare', m.adm_crit_open_share(), c.openShare),
				share(c, 'soonShare', m.adm_crit_soon_share(), c.soonShare),
				months(c, 'soonMonths', m.adm_crit_soon_months(), c.soonMonths)
			];
		case 'region_balance':
			return [
				choices(
					c,
					'priorityRegions',
					m.adm_crit_priority_regions(),
					regions.map((r) => ({ value: r, label: r })),
					c.priorityRegions
				)
			];
		case 'article7_current':
			return [months(c, 'withinMonths', m.adm_crit_within_months(), c.withinMonths)];
		case 'role':
			return DELEGATION_ROLES.map((r) => share(c, `share_${r}`, ROLE_LABELS[r], c.share[r] ?? 0));
		case 'gender_balance':
			return [
				choices(
					c,
					'underRepresented',
					m.adm_crit_under_represented(),
					Object.entries(GENDERS).map(([value, label]) => ({ value, label })),
					c.underRepresented
				)
			];
		case 'statement':
			return [
				share(c, 'statementShare', m.adm_crit_statement_share(), c.statementShare),
				share(c, 'withItemsShare', m.adm_crit_with_items_share(), c.withItemsShare)
			];
		default:
			return [];
	}
}

export interface PostedForm {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
}

/**
 * The criterion with the parameters read from the form, and a message per field that is not a whole number in range.
 * A list's values must be among the options shown (or already in the criterion); the set's own rules (e.g. a list
 * not empty when the weight is above 0) are checked by `validateCriteria` when it is saved.
 */
export function readParams(c: CriterionConfig, fd: PostedForm, regions: string[]): { criterion: CriterionConfig; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const next = structuredClone(c) as CriterionConfig & Record<string, unknown>;
	for (const f of paramFields(c, regions)) {
		const key = f.name.slice(`p_${c.id}_`.length);
		if (f.kind === 'number') {
			const raw = String(fd.get(f.name) ?? '').trim();
			const n = Number(raw);
			if (!/^\d{1,3}$/.test(raw) || n < f.min || n > f.max) {
				errors[f.name] = m.adm_crit_err_whole({ min: f.min, max: f.max });
				continue;
			}
			if (key.startsWith('share_')) (next as { share: Record<string, number> }).share[key.slice('share_'.length)] = n;
			else next[key] = n;
		} else {
			const allowed = new Set(f.options.map((o) => o.value));
			const picked = fd.getAll(f.name).map(String);
			const unknown = picked.filter((v) => !allowed.has(v));
			if (unknown.length) errors[f.name] = m.adm_crit_err_choose();
			else next[key] = f.options.map((o) => o.value).filter((v) => picked.includes(v));
		}
	}
	return { criterion: next, errors };
}

/** The boxes ticked in each list of a posted form, so that a refused form shows them as they were sent. */
export function tickedLists(fd: FormData): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [k, v] of fd) if (k.startsWith('p_') && typeof v === 'string') (out[k] ??= []).push(v);
	return out;
}
