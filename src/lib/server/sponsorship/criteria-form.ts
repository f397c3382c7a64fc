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
const STATUS_LABELS: Record<CcmStatus, string> = { state_party: 'State Party', signatory: 'Signatory', not_party: 'State not party' };
const ARTICLES = [
	{ value: 'art3', label: 'Article 3 (stockpile destruction)' },
	{ value: 'art4', label: 'Article 4 (clearance)' }
];
const PERCENT = '% of the weight';

const field = (c: CriterionConfig, key: string) => `p_${c.id}_${key}`;
const share = (c: CriterionConfig, key: string, label: string, value: number): ParamField => ({
	kind: 'number',
	name: field(c, key),
	label,
	value,
	min: 0,
	max: 100,
	unit: PERCENT
});
const months = (c: CriterionConfig, key: string, label: string, value: number): ParamField => ({
	kind: 'number',
	name: field(c, key),
	label,
	value,
	min: 1,
	max: 120,
	unit: 'months'
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
			return CCM_STATUSES.map((s) => share(c, `share_${s}`, `${STATUS_LABELS[s]}`, c.share[s] ?? 0));
		case 'open_obligation':
			return [
				choices(c, 'articles', 'Deadlines under', ARTICLES, c.articles),
				share(c, 'openShare', 'A deadline not yet passed', c.openShare),
				share(c, 'soonShare', 'A deadline within the months below', c.soonShare),
				months(c, 'soonMonths', 'Deadline within', c.soonMonths)
			];
		case 'region_balance':
			return [
				choices(
					c,
					'priorityRegions',
					'Priority regions',
					regions.map((r) => ({ value: r, label: r })),
					c.priorityRegions
				)
			];
		case 'article7_current':
			return [months(c, 'withinMonths', 'Report submitted within', c.withinMonths)];
		case 'role':
			return DELEGATION_ROLES.map((r) => share(c, `share_${r}`, ROLE_LABELS[r], c.share[r] ?? 0));
		case 'gender_balance':
			return [
				choices(
					c,
					'underRepresented',
					'Under-represented',
					Object.entries(GENDERS).map(([value, label]) => ({ value, label })),
					c.underRepresented
				)
			];
		case 'statement':
			return [
				share(c, 'statementShare', 'Will deliver a statement', c.statementShare),
				share(c, 'withItemsShare', 'A statement naming agenda items', c.withItemsShare)
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
				errors[f.name] = `A whole number from ${f.min} to ${f.max}.`;
				continue;
			}
			if (key.startsWith('share_')) (next as { share: Record<string, number> }).share[key.slice('share_'.length)] = n;
			else next[key] = n;
		} else {
			const allowed = new Set(f.options.map((o) => o.value));
			const picked = fd.getAll(f.name).map(String);
			const unknown = picked.filter((v) => !allowed.has(v));
			if (unknown.length) errors[f.name] = 'Choose from the list.';
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
