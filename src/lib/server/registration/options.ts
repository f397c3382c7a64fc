import { DELEGATION_ROLES } from '../db';
import { GENDERS } from './forms';
import { ROLE_LABELS } from './rules';

/** Select options shared by the registration forms. */
export const roleOptions = DELEGATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
export const genderOptions = Object.entries(GENDERS).map(([value, label]) => ({ value, label }));
