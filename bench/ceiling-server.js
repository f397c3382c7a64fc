// The "ceiling" for `npm run bench`: a bare Node http server doing one better-sqlite3 insert per request, with the
// same SQLite settings as the app (WAL, synchronous = NORMAL). What the app can reach at best on this machine.
// Usage: node bench/ceiling-server.js   (env PORT, HOST, DB_FILE)
import http from 'node:http';
import SQLite from 'better-sqlite3';

const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';
const db = new SQLite(process.env.DB_FILE ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table if not exists hits (id integer primary key, path text not null, at text not null)');
const insert = db.prepare('insert into hits (path, at) values (?, ?)');

const server = http.createServer((req, res) => {
	if (req.url === '/healthz') {
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('ok');
		return;
	}
	const { lastInsertRowid } = insert.run(req.url ?? '/', new Date().toISOString());
	res.writeHead(200, { 'content-type': 'text/plain' });
	res.end(`ok ${lastInsertRowid}\n`);
});

server.listen(port, host, () => console.log(`ceiling server on http://${host}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		server.close();
		db.close();
		process.exit(0);
	});
}
