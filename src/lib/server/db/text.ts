import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Case-insensitive "column contains text", the same on SQLite and PostgreSQL, with % and _ taken literally. */
export function containsText(column: string, needle: string): RawBuilder<SqlBool> {
	const pattern = `%${escapeLike(needle.toLowerCase())}%`;
	return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
