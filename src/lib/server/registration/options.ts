import { DELEGATION_ROLES } from '../db';
import { GENDERS } from './forms';
import { ROLE_LABELS } from './rules';

// Select options shared by the registration forms. Labels are getters: read while a page is answered, in its language.
export const roleOptions = DELEGATION_ROLES.map((r) => ({
	value: r,
	get label() {
		return ROLE_LABELS[r];
	}
}));
export const genderOptions = (Object.keys(GENDERS) as (keyof typeof GENDERS)[]).map((value) => ({
	value,
	get label() {
		return GENDERS[value];
	}
}));
