import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen once landed: write a new migration instead of editing this one.
//
// Issue 14: meeting, agenda item, session and document titles in French and Spanish beside the English `title`.
// Columns rather than a translations table: every page that shows a title already reads its row, so the other
// languages come with it (no join, no query per title); the content-version triggers of 0006 already watch these
// tables; and deleting a row takes its translations with it. The languages are few and fixed (src/lib/i18n.ts);
// a new one is a migration like this one. Null is "not translated": pages then show the English, marked lang="en".
const TABLES = ['meetings', 'agenda_items', 'meeting_sessions', 'documents'];
const LANGS = ['fr', 'es'];

export async function up(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	for (const table of TABLES) {
		for (const lang of LANGS) {
			const column = `title_${lang}`;
			// An empty translation is stored as null, so a page never shows an empty heading.
			await db.schema
				.alterTable(table)
				.addColumn(column, 'text', (c) => c.check(sql`trim(${sql.ref(column)}) <> ''`))
				.execute();
		}
	}
	// 0006 bumps the versions on updates of the meetings' listed columns only: the translations must bump them too.
	if (pg) {
		await sql`create trigger meetings_cv_titles after update of title_fr, title_es on meetings for each statement execute function bump_content_versions('programme', 'records')`.execute(
			db
		);
	} else {
		await sql`create trigger meetings_cv_titles after update of title_fr, title_es on meetings begin update content_versions set version = version + 1 where name in ('programme', 'records'); end`.execute(
			db
		);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const pg = db.getExecutor().adapter instanceof PostgresAdapter;
	await sql.raw(pg ? 'drop trigger meetings_cv_titles on meetings' : 'drop trigger meetings_cv_titles').execute(db);
	for (const table of TABLES) for (const lang of LANGS) await db.schema.alterTable(table).dropColumn(`title_${lang}`).execute();
}
