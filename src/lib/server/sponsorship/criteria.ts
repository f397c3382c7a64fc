import { m } from '$lib/paraglide/messages';
import { DELEGATION_ROLES, type CcmStatus, type DelegationRole } from '../db';

/*
 * Sponsorship criteria as data: a versioned set, stored as JSON text, adopted by the Coordination Committee and
 * edited by staff. A criterion's `weight` is the most points it can give; kind-specific "shares" are whole percentages
 * of that weight, so changing a weight rescales a criterion without touching its parameters.
 */

/** Whole percent of a criterion's weight, 0..100. */
export type Share = number;
export type ObligationArticle = 'art3' | 'art4';

interface CriterionBase {
	/** Stable key (`a-z`, digits, `_`); scores refer to it. */
	id: string;
	label: string;
	/** Integer points 0..100: the most this criterion can give. 0 switches it off. */
	weight: number;
	/** What the criterion is derived from. */
	source: string;
	/** Status of the text, e.g. "Design proposal, not official CCM text". */
	note: string;
}

export type CriterionConfig = CriterionBase &
	(
		| { kind: 'ccm_status'; share: Record<CcmStatus, Share> }
		| { kind: 'open_obligation'; articles: ObligationArticle[]; openShare: Share; soonShare: Share; soonMonths: number }
		| { kind: 'victim_assistance' }
		| { kind: 'least_developed' }
		| { kind: 'region_balance'; priorityRegions: string[] }
		| { kind: 'article7_current'; withinMonths: number }
		| { kind: 'previous_sponsorship' }
		| { kind: 'role'; share: Partial<Record<DelegationRole, Share>> }
		| { kind: 'gender_balance'; underRepresented: string[] }
		| { kind: 'statement'; statementShare: Share; withItemsShare: Share }
		| { kind: 'implementation_responsibility' }
		| { kind: 'staff_score' }
	);

export type CriterionKind = CriterionConfig['kind'];

/**
 * A State Party always passes the status gate; Signatories and States not party only when the set admits them.
 * Being in the state's delegation and endorsed by its focal point are always required (the issue says "must").
 */
export interface GateConfig {
	admitSignatories: boolean;
	admitNotParty: boolean;
}

export interface CriteriaSet {
	version: number;
	/** ISO date of adoption by the Coordination Committee; null while the set is only a proposal. */
	adoptedAt: string | null;
	note: string;
	gates: GateConfig;
	criteria: CriterionConfig[];
}

/** The adjustment row that holds a staff score (criterion kind staff_score), as opposed to a correction of a criterion's points. */
export const STAFF_SCORE_ID = '__staff__';

export const MAX_WEIGHT = 100;
export const MAX_TOTAL_WEIGHT = 1000;

const PROPOSAL = 'Design proposal (sponsorship-criteria.md, section D), not official CCM text.';
const SWITCHED_OFF = 'Switchable, off by default: no source found for this criterion in any sponsorship programme.';

/** Version 1: the proposal of sponsorship-criteria.md section D. Not adopted until the Committee says so. */
export function defaultCriteria(): CriteriaSet {
	const on = (source: string) => ({ source, note: PROPOSAL });
	const off = (source: string) => ({ source, note: `${PROPOSAL} ${SWITCHED_OFF}` });
	return {
		version: 1,
		adoptedAt: null,
		note: 'Proposal derived from the APMBC and CCW sponsorship programmes; the CCM Coordination Committee text was not found.',
		gates: { admitSignatories: true, admitNotParty: true },
		criteria: [
			{
				id: 'obligations',
				label: 'Open Article 3 / 4 deadline',
				weight: 30,
				kind: 'open_obligation',
				articles: ['art3', 'art4'],
				openShare: 60,
				soonShare: 100,
				soonMonths: 24,
				...on('D1: APMBC 2018 practice, States with mine-clearance (APMBC Article 5) deadlines first (Australia statement 825)')
			},
			{
				id: 'victim_assistance',
				label: 'Victim assistance (Article 5)',
				weight: 15,
				kind: 'victim_assistance',
				...on('D2: APMBC purpose (States assisting victims)')
			},
			{
				id: 'least_developed',
				label: 'Least developed country',
				weight: 15,
				kind: 'least_developed',
				...on('D3: CCW sponsorship priority 1 (CCW/CONF.III/11)')
			},
			{
				id: 'universalization',
				label: 'Universalization (Signatory / State not party)',
				weight: 15,
				kind: 'ccm_status',
				share: { state_party: 0, signatory: 100, not_party: 100 },
				...on('D4: CCW sponsorship priority 2 (States on the path to accession)')
			},
			{
				id: 'expert',
				label: 'Responsible for implementation at home',
				weight: 15,
				kind: 'implementation_responsibility',
				...on('D5: APMBC practice (capital- and field-based experts)')
			},
			{
				id: 'statement',
				label: 'Will deliver a statement',
				weight: 10,
				kind: 'statement',
				statementShare: 70,
				withItemsShare: 100,
				...on('D6: CCW condition (national statement)')
			},
			{
				id: 'region',
				label: 'Priority region',
				weight: 0,
				kind: 'region_balance',
				priorityRegions: [],
				...off('ISU mandate: participation "regionally broad-based"; no priority regions sourced')
			},
			{
				id: 'article7',
				label: 'Article 7 report up to date',
				weight: 0,
				kind: 'article7_current',
				withinMonths: 12,
				...off('Section C: not found as a condition')
			},
			{
				id: 'rotation',
				label: 'Not sponsored at the previous meeting',
				weight: 0,
				kind: 'previous_sponsorship',
				...off('Not found in sources')
			},
			{
				id: 'role',
				label: 'Role in the delegation',
				weight: 0,
				kind: 'role',
				share: { head: 50, alternate: 50, adviser: 100, member: 100, observer: 0 },
				...off('Not found in sources')
			},
			{
				id: 'gender',
				label: 'Gender balance',
				weight: 0,
				kind: 'gender_balance',
				underRepresented: [],
				...off('Section C: not found')
			},
			{
				id: 'staff',
				label: 'Staff assessment',
				weight: 0,
				kind: 'staff_score',
				...off('App design: staff judgement with a recorded reason')
			}
		]
	};
}

// ---- validation ---------------------------------------------------------------------------------------------

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Say = (message: string) => void;

function checkShare(c: Record<string, unknown>, key: string, say: Say) {
	if (!isInt(c[key], 0, 100)) say(`${key} must be a whole percentage from 0 to 100`);
}

function checkShareMap(map: unknown, keys: readonly string[], say: Say) {
	if (!isObject(map)) return say('share must list a percentage per value');
	for (const [k, v] of Object.entries(map)) {
		if (!keys.includes(k)) say(`share has an unknown value "${k}" (allowed: ${keys.join(', ')})`);
		else if (!isInt(v, 0, 100)) say(`share for "${k}" must be a whole percentage from 0 to 100`);
	}
}

/** What the lists are called on the staff criteria page. */
const LIST_WORDS: Record<string, string> = {
	priorityRegions: 'tick at least one priority region, or set the weight to 0',
	underRepresented: 'tick at least one under-represented gender, or set the weight to 0'
};

function checkList(list: unknown, what: string, weight: unknown, say: Say) {
	if (!Array.isArray(list) || !list.every(isText)) return say(`${what} must be a list of names`);
	if (new Set(list.map((x) => x.trim().toLowerCase())).size !== list.length) say(`${what} lists a name twice`);
	// A switched-on criterion with an empty list could never give points: almost certainly a mistake.
	if (list.length === 0 && typeof weight === 'number' && weight > 0)
		say(`${what} must name at least one when the weight is above 0 (${LIST_WORDS[what] ?? what})`);
}

const PARAM_CHECKS: Record<CriterionKind, (c: Record<string, unknown>, say: Say) => void> = {
	ccm_status: (c, say) => checkShareMap(c.share, ['state_party', 'signatory', 'not_party'], say),
	open_obligation: (c, say) => {
		const arts = c.articles;
		if (!Array.isArray(arts) || arts.length === 0 || !arts.every((a) => a === 'art3' || a === 'art4')) say('articles must list art3 and/or art4');
		checkShare(c, 'openShare', say);
		checkShare(c, 'soonShare', say);
		if (!isInt(c.soonMonths, 1, 120)) say('soonMonths must be a whole number of months from 1 to 120');
	},
	victim_assistance: () => {},
	least_developed: () => {},
	region_balance: (c, say) => checkList(c.priorityRegions, 'priorityRegions', c.weight, say),
	article7_current: (c, say) => {
		if (!isInt(c.withinMonths, 1, 120)) say('withinMonths must be a whole number of months from 1 to 120');
	},
	previous_sponsorship: () => {},
	role: (c, say) => checkShareMap(c.share, DELEGATION_ROLES, say),
	gender_balance: (c, say) => checkList(c.underRepresented, 'underRepresented', c.weight, say),
	statement: (c, say) => {
		checkShare(c, 'statementShare', say);
		checkShare(c, 'withItemsShare', say);
	},
	implementation_responsibility: () => {},
	staff_score: () => {}
};

function checkCriterion(c: unknown, index: number, errors: string[]) {
	const name = isObject(c) && isText(c.id) ? `Criterion "${c.id}"` : `Criterion ${index + 1}`;
	const say: Say = (m) => errors.push(`${name}: ${m}.`);
	if (!isObject(c)) return say('must be an object');
	if (!isText(c.id) || !/^[a-z][a-z0-9_]{0,39}$/.test(c.id)) say('id must start with a letter and use only a-z, 0-9 and _ (at most 40)');
	if (!isText(c.label)) say('label is required');
	if (!isInt(c.weight, 0, MAX_WEIGHT)) say(`weight must be a whole number from 0 to ${MAX_WEIGHT} (got ${JSON.stringify(c.weight)})`);
	if (typeof c.source !== 'string' || typeof c.note !== 'string') say('source and note must be text');
	const check = PARAM_CHECKS[c.kind as CriterionKind];
	if (typeof c.kind !== 'string' || !Object.hasOwn(PARAM_CHECKS, c.kind)) say(`unknown kind ${JSON.stringify(c.kind)}`);
	else check(c, say);
}

/** Every reason the set cannot be used. A set with any message must be refused. */
export function validateCriteria(set: unknown): string[] {
	const errors: string[] = [];
	if (!isObject(set)) return ['The criteria set must be an object.'];
	if (!isInt(set.version, 1, Number.MAX_SAFE_INTEGER)) errors.push('Version must be a whole number from 1.');
	if (set.adoptedAt !== null && !isDate(set.adoptedAt)) errors.push('Adopted on must be a date (YYYY-MM-DD) or empty.');
	if (typeof set.note !== 'string') errors.push('Note must be text.');
	const g = set.gates;
	if (!isObject(g) || typeof g.admitSignatories !== 'boolean' || typeof g.admitNotParty !== 'boolean')
		errors.push('Gates must say whether Signatories and States not party are admitted.');
	if (!Array.isArray(set.criteria) || set.criteria.length === 0) return [...errors, 'The set needs at least one criterion.'];
	set.criteria.forEach((c, i) => checkCriterion(c, i, errors));
	const ids = set.criteria.map((c) => (isObject(c) ? c.id : undefined));
	const twice = [...new Set(ids.filter((id, i) => isText(id) && ids.indexOf(id) !== i))];
	for (const id of twice) errors.push(`Criterion id "${id}" is used more than once.`);
	const weights = set.criteria.map((c) => (isObject(c) && isInt(c.weight, 0, MAX_WEIGHT) ? c.weight : 0));
	if (!weights.some((w) => w > 0)) errors.push(m.adm_crit_err_no_weight());
	const total = weights.reduce((a, b) => a + b, 0);
	if (total > MAX_TOTAL_WEIGHT) errors.push(m.adm_crit_err_total({ total, max: MAX_TOTAL_WEIGHT }));
	return errors;
}

export type CriteriaResult = { ok: true; set: CriteriaSet } | { ok: false; errors: string[] };

/** Reads a set stored as JSON text; refuses anything `validateCriteria` would. */
export function parseCriteria(json: string): CriteriaResult {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return { ok: false, errors: ['The criteria are not valid JSON.'] };
	}
	const errors = validateCriteria(value);
	return errors.length ? { ok: false, errors } : { ok: true, set: value as CriteriaSet };
}

/**
 * An edit never changes a version that may already have scores: it becomes the next version.
 * `adoptedAt` is null for a draft the Committee has not adopted yet.
 */
export function reviseCriteria(current: CriteriaSet, edited: Omit<CriteriaSet, 'version'>, adoptedAt: string | null): CriteriaResult {
	const next = { ...structuredClone(edited), version: current.version + 1, adoptedAt };
	const errors = validateCriteria(next);
	return errors.length ? { ok: false, errors } : { ok: true, set: next };
}
