import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formatDate, formatNumber, INTL_LOCALE } from '$lib/dates';
import { currentLocale } from '$lib/i18n';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const number = (n: number | bigint) => formatNumber(Number(n));
const day = (ms: number | bigint) => formatDate(new Date(Number(ms)).toISOString());
const megabytes = (bytes: number | bigint) =>
	new Intl.NumberFormat(INTL_LOCALE[currentLocale()], { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(Number(bytes) / 1_048_576);

/**
 * zod's own issues as a person reads them, in the request's language (set with `z.config` in forms.ts). Only schemas
 * without a message of their own reach this map: a field's message, where a form gives one, always wins.
 * The messages name no field: they are shown at the field they are about.
 */
export function zodMessage(issue: Issue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null || issue.input === '') return m.auth_zod_required();
			if (issue.expected === 'int') return m.auth_zod_whole_number();
			if (issue.expected === 'number' || issue.expected === 'bigint') return m.auth_zod_number();
			if (issue.expected === 'date') return m.auth_zod_date();
			return m.auth_zod_invalid();
		case 'too_small':
			switch (issue.origin) {
				case 'string':
					return Number(issue.minimum) <= 1 ? m.auth_zod_required() : m.auth_zod_text_min({ min: number(issue.minimum) });
				case 'number':
				case 'int':
				case 'bigint':
					return issue.inclusive ? m.auth_zod_number_min({ min: number(issue.minimum) }) : m.auth_zod_number_above({ min: number(issue.minimum) });
				case 'array':
				case 'set':
					return m.auth_zod_choose_min({ min: number(issue.minimum) });
				case 'date':
					return m.auth_zod_date_min({ date: day(issue.minimum) });
				default:
					return m.auth_zod_invalid();
			}
		case 'too_big':
			switch (issue.origin) {
				case 'string':
					return m.auth_zod_text_max({ max: number(issue.maximum) });
				case 'number':
				case 'int':
				case 'bigint':
					return issue.inclusive ? m.auth_zod_number_max({ max: number(issue.maximum) }) : m.auth_zod_number_below({ max: number(issue.maximum) });
				case 'array':
				case 'set':
					return m.auth_zod_choose_max({ max: number(issue.maximum) });
				case 'date':
					return m.auth_zod_date_max({ date: day(issue.maximum) });
				case 'file':
					return m.auth_zod_file_too_big({ size: megabytes(issue.maximum) });
				default:
					return m.auth_zod_invalid();
			}
		case 'invalid_format':
			switch (issue.format) {
				case 'email':
					return m.auth_email_invalid();
				case 'url':
					return m.auth_zod_url();
				case 'date':
				case 'datetime':
					return m.auth_zod_date();
				case 'time':
					return m.auth_zod_time();
				default:
					return m.auth_zod_format();
			}
		case 'not_multiple_of':
			return m.auth_zod_multiple_of({ step: number(issue.divisor) });
		case 'invalid_value':
			return m.auth_zod_choose_option();
		case 'unrecognized_keys':
			return m.auth_zod_unexpected_fields();
		default:
			return m.auth_zod_invalid();
	}
}
