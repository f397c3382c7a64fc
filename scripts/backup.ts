// `npm run backup [-- --to FILE]`: an online backup of the SQLite database, safe while the app serves requests.
import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { dataDir, openFromEnv } from '../src/lib/server/db/connect';
import { args } from './lib';

const a = args();
const handle = openFromEnv();
if (!handle.sqlite) {
	console.error('DATABASE_URL points at PostgreSQL: back it up with pg_dump (see README).');
	process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = path.resolve(typeof a.to === 'string' ? a.to : path.join(dataDir(), 'backups', `ccm-${stamp}.db`));
fs.mkdirSync(path.dirname(target), { recursive: true });
try {
	// better-sqlite3's backup uses SQLite's online backup API: pages are copied while writers go on.
	await handle.sqlite.backup(target);
	const copy = new SQLite(target);
	// A single self-contained file: no -wal/-shm beside the copy.
	copy.pragma('journal_mode = DELETE');
	const ok = copy.pragma('integrity_check', { simple: true });
	copy.close();
	if (ok !== 'ok') throw new Error(`integrity_check of the backup says: ${String(ok)}`);
	console.log(`Backup written to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB, integrity ok)`);
} finally {
	await handle.db.destroy();
}
