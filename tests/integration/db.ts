import pg from 'pg';
import { openPostgres, openSqlite, type DbHandle, type Engine } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { migrations } from '../../src/lib/server/db/migrations';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server we may create databases on. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends DbHandle {
	close(): Promise<void>;
}

/** A new, empty, migrated database: in memory for SQLite, a throwaway database on PostgreSQL. */
export async function freshDb(engine: Engine): Promise<TestDb> {
	if (engine === 'sqlite') {
		const h = openSqlite(':memory:');
		await migrateToLatest(h.db, migrations);
		return { ...h, close: () => h.db.destroy() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `ccm_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const h = openPostgres(url.toString(), 20);
	await migrateToLatest(h.db, migrations);
	return {
		...h,
		close: async () => {
			await h.db.destroy();
			const a = new pg.Client({ connectionString: adminUrl });
			await a.connect();
			await a.query(`drop database if exists ${name} with (force)`);
			await a.end();
		}
	};
}
