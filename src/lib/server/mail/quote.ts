// People's text inside the ISU's own e-mails (a name typed into a form, an address) must not pass for the ISU's words:
// it goes on a line of its own after a label that says who wrote it, in quotes, on one line, bounded, links defused.

/** Controls, line and paragraph separators, bidi embeddings, overrides, isolates and marks: each run becomes a space. */
const BREAKS = /[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/gu;

export const QUOTED_TEXT_NOTE =
	'Text in quotes was entered by a person in a form, not written by the ISU. The ISU never asks you to re-validate an account, confirm your details or pay by following a link given in such text.';

/** `"value"` on one line, at most `max` characters inside the quotes, with "://" written "[:]//" so it is no link. */
export function quoted(value: string, max = 200): string {
	const line = value.toWellFormed().replace(BREAKS, ' ').replace(/\s+/g, ' ').trim().replace(/"/g, "'").replace(/:\/\//g, '[:]//');
	const chars = [...line];
	return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line}"`;
}
