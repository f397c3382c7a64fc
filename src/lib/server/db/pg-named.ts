import type pg from 'pg';

/**
 * PostgreSQL parses and plans every unnamed statement anew. The statements of `prepared()` queries have fixed SQL, so
 * each gets a name: `pg` prepares it once per connection and then only binds values. Other SQL (lists of varying
 * length, ad-hoc queries) stays unnamed, so the number of prepared statements per connection stays bounded.
 */
const names = new Map<string, string>();

/** Called by `prepared()` with each SQL text it compiles. */
export function nameStatement(sql: string): void {
	if (!names.has(sql)) names.set(sql, `ccm_${names.size + 1}`);
}

/** Makes a pool's clients send named statements for the SQL texts `prepared()` compiled. */
export function nameStatementsOf(pool: pg.Pool): void {
	pool.on('connect', (client) => {
		const query = client.query.bind(client) as (...a: unknown[]) => unknown;
		(client as unknown as { query: (...a: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
			const name = typeof text === 'string' && rest.length === 0 && typeof values !== 'function' ? names.get(text) : undefined;
			return name ? query({ name, text, values }) : query(text, values, ...rest);
		};
	});
}
