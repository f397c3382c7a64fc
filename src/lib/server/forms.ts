import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { zodMessage } from './zod-messages';

// zod's own messages (a schema without one of its own: `z.number().min(1)`) in the request's language.
z.config({ customError: zodMessage });

export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; values: Record<string, string>; errors: FieldErrors };

/** Field names never sent back to the page, whatever happens. */
const SECRET = /password/i;

/** What the user typed, to put back in the form: strings only, secrets left out. */
export function formValues(fd: FormData): Record<string, string> {
	// Collected per name and joined once: appending to a growing string at every repeat was quadratic.
	const parts = new Map<string, string[]>();
	for (const [k, v] of fd) {
		if (typeof v !== 'string' || SECRET.test(k) || k.startsWith('_')) continue;
		const list = parts.get(k);
		if (list) list.push(v.slice(0, 5000));
		else parts.set(k, [v.slice(0, 5000)]);
	}
	// Repeated names (checkboxes) come back comma-joined. fromEntries makes own keys: "__proto__" or "toString" is a plain field.
	return Object.fromEntries([...parts].map(([k, list]) => [k, list.join(',')]));
}

/** Validates a form with its zod schema: the data, or a message per field plus the input to keep. */
export function parseForm<S extends z.ZodType>(schema: S, fd: FormData): Parsed<z.output<S>> {
	// No prototype: field names such as "__proto__", "constructor" or "toString" are plain keys, never inherited or swapped in.
	const raw: Record<string, unknown> = Object.create(null);
	for (const [k, v] of fd) {
		const prev = raw[k];
		// Appended in place: copying the array at every repeat made 30,000 repeats of one name take minutes.
		if (prev === undefined) raw[k] = v;
		else if (Array.isArray(prev)) prev.push(v);
		else raw[k] = [prev, v];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, values: formValues(fd), errors: fieldErrors(result.error) };
}

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : '_form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Reports a rule's refusal at one field. */
export type Refuse<K extends string> = (field: K, message: string) => void;

/**
 * A form's object: each field parsed on its own, then the rules that compare fields ("ends after it starts") run on the
 * fields that parsed. A plain z.object().superRefine() skips its rules as soon as any field fails, so a person would fix
 * one error, submit, and be refused for the next; here every error comes back in one answer.
 * A rule reads only fields it finds in `d` (the others failed and already have their own message).
 */
export function formObject<S extends z.ZodRawShape>(shape: S, rules?: (d: Partial<z.output<z.ZodObject<S>>>, refuse: Refuse<keyof S & string>) => void) {
	// The input side names the fields (the property tests read them) and accepts anything: each field judges its own value.
	const keys = Object.fromEntries(Object.keys(shape).map((k) => [k, z.unknown().optional()])) as { [K in keyof S]: z.ZodOptional<z.ZodUnknown> };
	return z.object(keys).transform((input, ctx) => {
		const data: Record<string, unknown> = {};
		const parsed: Record<string, unknown> = {};
		let failed = false;
		for (const [key, field] of Object.entries(shape) as [string, z.ZodType][]) {
			const r = field.safeParse((input as Record<string, unknown>)[key]);
			if (r.success) {
				data[key] = r.data;
				parsed[key] = r.data;
			} else {
				failed = true;
				for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
			}
		}
		rules?.(parsed as Partial<z.output<z.ZodObject<S>>>, (field, message) => {
			failed = true;
			ctx.addIssue({ code: 'custom', path: [field], message });
		});
		return failed ? z.NEVER : (data as z.output<z.ZodObject<S>>);
	});
}

// Reusable field schemas with messages a person can act on. Every message is made when a form is parsed (zod calls
// `error` functions then), so it speaks the request's language; a label is a message function for the same reason.

/** A field's name in messages: a message function (`m.auth_given_name`), or fixed text. */
export type Label = string | (() => string);
const say = (label: Label) => (typeof label === 'function' ? label() : label);

// A one-line field (a name, a title, a city) refuses what could fake a new line or reorder what is shown around it,
// in a page or an e-mail: C0 and C1 controls (tab and line breaks included), DEL, the Unicode line and paragraph
// separators, and the bidi embeddings, overrides and isolates. Refused, not stripped: the person sees what is wrong.
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// A multi-line field (a textarea) takes line breaks and tabs, and nothing else of the above.
const NOT_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const required = (label: Label) => ({ error: () => m.auth_form_required({ label: say(label) }) });
const tooLong = (label: Label, max: number) => ({ error: () => m.auth_form_too_long({ label: say(label), max: String(max) }) });
const oneLine = (label: Label) => ({ error: () => m.auth_form_one_line({ label: say(label) }) });
const noControls = (label: Label) => ({ error: () => m.auth_form_no_controls({ label: say(label) }) });

export const text = (label: Label, max = 200) =>
	z
		.string(required(label))
		.trim()
		.pipe(
			z
				.string()
				.min(1, required(label))
				.max(max, tooLong(label, max))
				.refine((s) => !NOT_ONE_LINE.test(s), oneLine(label))
		);

export const optionalText = (label: Label, max = 200) =>
	z
		.string()
		.optional()
		.transform((s) => (s ?? '').trim())
		.pipe(
			z
				.string()
				.max(max, tooLong(label, max))
				.refine((s) => !NOT_ONE_LINE.test(s), oneLine(label))
		)
		.transform((s) => (s === '' ? null : s));

/** Line breaks as a browser sends them from a textarea (CRLF), stored as \n. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** For a textarea: line breaks and tabs kept, other controls refused. */
export const multilineText = (label: Label, max = 2000) =>
	z
		.string(required(label))
		.transform(lines)
		.pipe(
			z
				.string()
				.min(1, required(label))
				.max(max, tooLong(label, max))
				.refine((s) => !NOT_MULTI_LINE.test(s), noControls(label))
		);

export const optionalMultilineText = (label: Label, max = 2000) =>
	z
		.string()
		.optional()
		.transform((s) => lines(s ?? ''))
		.pipe(
			z
				.string()
				.max(max, tooLong(label, max))
				.refine((s) => !NOT_MULTI_LINE.test(s), noControls(label))
		)
		.transform((s) => (s === '' ? null : s));

export const email = z
	.string({ error: () => m.auth_email_enter() })
	.trim()
	.toLowerCase()
	.min(1, { error: () => m.auth_email_enter() })
	.max(254, { error: () => m.auth_email_too_long() })
	.pipe(z.email({ error: () => m.auth_email_invalid() }));

/** A 4xx answer that puts the input back and a message at each field. */
export interface Invalid {
	values: Record<string, string>;
	errors: FieldErrors;
	message?: string;
	form?: string;
}

export function invalid(
	values: Record<string, string>,
	errors: FieldErrors,
	extra: { message?: string; form?: string } = {},
	status = 400
): ActionFailure<Invalid> {
	return fail(status, { values, errors, ...extra });
}

/** A YYYY-MM-DD that names a day of the calendar (Date.parse rolls 2021-02-31 over to 3 March). */
export function isCalendarDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const t = Date.parse(`${s}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}
