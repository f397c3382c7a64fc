import type { Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Document search now also folds typographic apostrophes, quotes and dashes, ligatures (œ, æ, ß …) and compatibility
// forms (ﬁ, full-width letters): `title_search` is recomputed for every document. The function is copied here as it
// was when this migration was written, so that later changes to the app's `searchForm` cannot change what it does.

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

function searchForm(s: string): string {
	let t = s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	for (const [from, to] of FOLDS) t = t.replace(from, to);
	return t.replace(/\s+/g, ' ').trim();
}

export async function up(db: Kysely<any>): Promise<void> {
	const rows: { id: number; title: string; title_search: string }[] = await db.selectFrom('documents').select(['id', 'title', 'title_search']).execute();
	for (const r of rows) {
		const folded = searchForm(r.title);
		if (folded !== r.title_search) await db.updateTable('documents').set({ title_search: folded }).where('id', '=', r.id).execute();
	}
}

export async function down(): Promise<void> {
	// The earlier form is a subset of the folds: searches keep working, nothing to undo.
}
