/** Characters a title and a query may write differently: typographic apostrophes, quotes and dashes, ligatures. */
const FOLDS: [RegExp, string][] = [
	[/[\u2018\u2019\u201a\u201b\u02bc\u2032\u0060\u00b4]/g, "'"],
	[/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"'],
	[/[\u2010-\u2015\u2212]/g, '-'],
	[/œ/g, 'oe'],
	[/æ/g, 'ae'],
	[/ß/g, 'ss'],
	[/ø/g, 'o'],
	[/ł/g, 'l'],
	[/đ/g, 'd']
];

/**
 * The form titles are stored in (`title_search`) and queries are matched in: compatibility-decomposed (ﬁ → fi,
 * full-width → ASCII), without accents, lower case, with the folds above and single spaces. Changing it means
 * recomputing `title_search` in a migration (see 0007).
 */
export function searchForm(s: string): string {
	let t = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	for (const [from, to] of FOLDS) t = t.replace(from, to);
	return t.replace(/\s+/g, ' ').trim();
}
