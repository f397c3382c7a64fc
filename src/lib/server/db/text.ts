import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Case-insensitive "column contains text", the same on SQLite and PostgreSQL, with % and _ taken literally. */
export function containsText(column: string, needle: string): RawBuilder<SqlBool> {
	// No stored text holds NUL (forms strip it; PostgreSQL refuses it, SQLite would cut the pattern short there).
	if (needle.includes('\u0000')) return sql<SqlBool>`1 = 0`;
	// Both sides lowered by the database: its lower() may leave non-ASCII letters alone (SQLite, a C locale), and a
	// name searched exactly as written ("Łukasz") must still find itself.
	const pattern = `%${escapeLike(needle)}%`;
	return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}
