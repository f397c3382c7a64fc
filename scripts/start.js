// `npm start`: build when the build is missing or older than the sources, then serve it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const buildEntry = path.join(root, 'build', 'index.js');

function newest(p) {
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const name of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
	return max;
}

const sources = ['src', 'migrations', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']
	.map((p) => path.join(root, p))
	.filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(buildEntry) || Math.max(...sources.map(newest)) > fs.statSync(buildEntry).mtimeMs;

if (stale) {
	console.log('Building the app (the build is missing or older than the sources)…');
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.BODY_SIZE_LIMIT ??= '30M';
console.log(`CCM Meetings on ${process.env.ORIGIN} (data in ${process.env.DATABASE_URL ? 'PostgreSQL' : path.resolve(process.env.DATA_DIR ?? 'data')})`);
// server.js: the build's handler behind the public page cache (see there).
await import(path.join(root, 'server.js'));
