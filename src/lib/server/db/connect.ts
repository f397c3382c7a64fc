import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { profiled } from './query-profile';
import { registerDirectRunner } from './sqlite-direct';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DbHandle {
	db: Kysely<Database>;
	engine: Engine;
	/** The SQLite connection, for online backups and PRAGMAs; absent on PostgreSQL. */
	sqlite?: SQLite.Database;
}

// PostgreSQL returns COUNT(*) and SUM() as int8 strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openSqlite(file: string): DbHandle {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const statements = withStatementCache(sqlite);
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
	registerDirectRunner(
		db.getExecutor().adapter,
		sqlite,
		(sql) => statements.prepare(sql),
		() => statements.begins
	);
	return { db, engine: 'sqlite', sqlite };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running our small queries. Statements
 * are reused by their SQL text (Kysely runs one query at a time on the connection, so a statement is never busy).
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
	const cache = new Map<string, SQLite.Statement>();
	return {
		/** BEGINs prepared so far: Kysely prepares each statement just before running it (see sqlite-direct.ts). */
		begins: 0,
		close: () => sqlite.close(),
		prepare(sql: string) {
			// Kysely opens transactions with a deferred BEGIN. With several app processes on one file (WEB_CONCURRENCY),
			// a transaction that reads and then writes fails at once with SQLITE_BUSY when another process wrote in
			// between (its snapshot is stale; the busy timeout cannot help). IMMEDIATE takes the write lock at BEGIN
			// and waits for it (busy_timeout); in one process Kysely runs one transaction at a time anyway.
			if (sql === 'begin') {
				sql = 'begin immediate';
				this.begins++;
			}
			let stmt = cache.get(sql);
			if (!stmt) {
				stmt = profiled(sqlite.prepare(sql), sql);
				if (cache.size >= max) cache.clear();
				cache.set(sql, stmt);
			}
			return stmt;
		}
	};
}

export function openPostgres(url: string, max = 10): DbHandle {
	const pool = new pg.Pool({ connectionString: url, max });
	// An idle client whose server went away emits 'error'; without a listener that would end the process.
	pool.on('error', (e) => console.error('PostgreSQL pool:', e.message));
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, engine: 'postgres' };
}

/** The database named by the environment: DATABASE_URL (postgres://…) or SQLite under DATA_DIR. */
export function openFromEnv(env: NodeJS.ProcessEnv = process.env): DbHandle {
	const url = env.DATABASE_URL;
	if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
	return openSqlite(path.join(dataDir(env), 'ccm.db'));
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.DATA_DIR ?? 'data');
}
