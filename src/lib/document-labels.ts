import { m } from '$lib/paraglide/messages';

/**
 * Names of document types and of the six UN languages in the page's language. The records area keeps its English
 * tables (staff forms, tests); pages show these, looked up by code when rendered.
 */
const TYPE_MESSAGES: Record<string, () => string> = {
	provisional_agenda: m.pub_doctype_provisional_agenda,
	programme_of_work: m.pub_doctype_programme_of_work,
	working_paper: m.pub_doctype_working_paper,
	information_paper: m.pub_doctype_information_paper,
	report: m.pub_doctype_report,
	statement: m.pub_doctype_statement,
	list_of_participants: m.pub_doctype_list_of_participants,
	decision: m.pub_doctype_decision,
	other: m.pub_doctype_other
};

const LANGUAGE_MESSAGES: Record<string, () => string> = {
	en: m.pub_language_en,
	fr: m.pub_language_fr,
	es: m.pub_language_es,
	ar: m.pub_language_ar,
	zh: m.pub_language_zh,
	ru: m.pub_language_ru
};

/** A document type's name; an unknown type (an old row) shows its code. */
export function documentTypeLabel(type: string): string {
	return Object.hasOwn(TYPE_MESSAGES, type) ? TYPE_MESSAGES[type]() : type;
}

/** The name of a UN language by its code ('fr' → "French", "Français", "Francés"); an unknown code shows itself. */
export function documentLanguageName(code: string): string {
	return Object.hasOwn(LANGUAGE_MESSAGES, code) ? LANGUAGE_MESSAGES[code]() : code;
}

/** Options for a select, in the order given (the records area's order). */
export const documentTypeOptions = (types: readonly string[]) => types.map((value) => ({ value, label: documentTypeLabel(value) }));
export const documentLanguageOptions = (codes: readonly string[]) => codes.map((value) => ({ value, label: documentLanguageName(value) }));
