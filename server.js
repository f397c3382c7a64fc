// The production server: adapter-node's handler (static files, then SvelteKit) behind a plain Node http server that
// first offers each request to the public page cache (src/lib/server/page-cache.ts). A kept programme or search page
// is then one indexed read and a socket write, without SvelteKit's per-request Request/Response work.
// Reads PORT (3000), HOST (0.0.0.0), SOCKET_PATH, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT and SHUTDOWN_TIMEOUT (seconds)
// like build/index.js; ORIGIN, BODY_SIZE_LIMIT and the rest are read by the handler itself.
// WEB_CONCURRENCY=N runs N such processes on one port and one database (scripts/cluster.js).
// (adapter-node's systemd socket activation and IDLE_TIMEOUT are not supported here: use build/index.js for those.)
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { staticFileHeaders } from './src/lib/server/http/headers.js';
import { processCount, runPrimary } from './scripts/cluster.js';

const processes = processCount();
if (cluster.isPrimary && processes > 1) {
	runPrimary(processes);
} else {
	const buildDir = path.resolve(process.env.CCM_BUILD_DIR ?? path.join(import.meta.dirname, 'build'));
	const { handler } = await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);
	/** @type {((req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>) | undefined} */
	const fromCache = globalThis[Symbol.for('ccm.servePublicPageFromCache')];

	const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);
	const server = http.createServer();
	if (seconds('KEEP_ALIVE_TIMEOUT') !== undefined) server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT');
	if (seconds('HEADERS_TIMEOUT') !== undefined) server.headersTimeout = seconds('HEADERS_TIMEOUT');

	const notFound = (_req, res) => {
		res.statusCode = 404;
		res.end('Not found');
	};
	// adapter-node serves build/client (/_app/*, robots.txt, …) before SvelteKit, so the hooks' headers never reach those
	// files: they get theirs here. Listed once: the build does not change while it is served.
	const staticFiles = new Set(
		fs
			.readdirSync(path.join(buildDir, 'client'), { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map(
				(e) =>
					'/' +
					path
						.relative(path.join(buildDir, 'client'), path.join(e.parentPath ?? e.path, e.name))
						.split(path.sep)
						.join('/')
			)
	);
	const staticHeaders = Object.entries(staticFileHeaders(process.env.ORIGIN));
	const isStaticFile = (url = '/') => {
		const pathname = url.split('?', 1)[0];
		try {
			return staticFiles.has(decodeURIComponent(pathname));
		} catch {
			return false;
		}
	};
	const toSvelteKit = (req, res) => {
		if (isStaticFile(req.url)) for (const [name, value] of staticHeaders) res.setHeader(name, value);
		return handler(req, res, () => notFound(req, res));
	};

	let closing = false;
	server.on('request', (req, res) => {
		// While shutting down, close each connection as soon as it is idle so that it takes no new request.
		if (closing) res.on('close', () => server.closeIdleConnections());
		if (!fromCache) return toSvelteKit(req, res);
		fromCache(req, res).then(
			(served) => served || toSvelteKit(req, res),
			(e) => {
				// The cache is an optimisation: if it fails (e.g. the database is away), SvelteKit answers as usual.
				console.error('page cache:', e instanceof Error ? e.message : e);
				if (!res.headersSent) toSvelteKit(req, res);
			}
		);
	});

	const socketPath = process.env.SOCKET_PATH;
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	server.listen(socketPath ? { path: socketPath } : { host, port }, () => {
		console.log(`Listening on ${socketPath ?? `http://${host}:${server.address().port}`}`);
	});

	function shutdown(reason) {
		if (closing) return;
		closing = true;
		server.closeIdleConnections();
		const force = setTimeout(() => server.closeAllConnections(), (Number(process.env.SHUTDOWN_TIMEOUT ?? 30) || 30) * 1000);
		server.close(() => {
			clearTimeout(force);
			process.emit('sveltekit:shutdown', reason);
			// A worker's channel to the primary would keep it alive.
			cluster.worker?.disconnect();
		});
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}
