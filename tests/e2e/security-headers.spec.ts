/**
 * Security headers on what adapter-node serves without the SvelteKit hooks (static files, /_app/*) as well as on pages,
 * and HSTS exactly when ORIGIN is https:// (a second server on a fresh data folder, started here).
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './authz-fixtures';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4319}`;

/** A script of the build, as the browser asks for it. */
function immutableScript(): string {
	const dir = path.join(ROOT, 'build/client/_app/immutable/entry');
	const file = fs.readdirSync(dir).find((f) => f.endsWith('.js'));
	if (!file) throw new Error(`no script in ${dir}`);
	return `/_app/immutable/entry/${file}`;
}

async function headersOf(base: string, url: string): Promise<Headers> {
	const res = await fetch(base + url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
	expect(res.status, url).toBe(200);
	await res.arrayBuffer();
	return res.headers;
}

test('static files and /_app/* get nosniff and the pages’ CSP; no HSTS over http', async () => {
	const page = await headersOf(BASE, '/meetings');
	const pageCsp = page.get('content-security-policy')!;
	expect(pageCsp).toContain("frame-ancestors 'none'");
	for (const url of ['/robots.txt', '/_app/version.json', immutableScript()]) {
		const h = await headersOf(BASE, url);
		expect(h.get('x-content-type-options'), url).toBe('nosniff');
		const csp = h.get('content-security-policy') ?? '';
		// The same directives as the pages (which add their inline scripts' hashes to script-src).
		for (const directive of pageCsp.split(';').map((d) => d.trim())) {
			if (!directive.startsWith('script-src')) expect(csp, url).toContain(directive);
		}
		expect(csp, url).toContain("script-src 'self'");
		expect(h.get('strict-transport-security'), url).toBeNull();
	}
	expect(page.get('strict-transport-security')).toBeNull();
});

test('HSTS on pages and static files when ORIGIN is https://', async () => {
	test.slow();
	const dataDir = path.join(ROOT, 'test-results/hsts-data');
	fs.rmSync(dataDir, { recursive: true, force: true });
	let child: ChildProcess | undefined;
	try {
		child = spawn(process.execPath, ['server.js'], {
			cwd: ROOT,
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ORIGIN: 'https://ccm.example.org', DATA_DIR: dataDir, SEED_DEMO: 'false', BODY_SIZE_LIMIT: '30M' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const base = await new Promise<string>((resolve, reject) => {
			let out = '';
			const timer = setTimeout(() => reject(new Error(`no "Listening on" within 60 s:\n${out}`)), 60_000);
			child!.stdout!.on('data', (d: Buffer) => {
				out += d;
				const m = /Listening on (http:\/\/[\d.]+:\d+)/.exec(out);
				if (m) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			});
			child!.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
		});
		for (const url of ['/', '/meetings', '/robots.txt', '/_app/version.json', immutableScript()]) {
			const h = await headersOf(base, url);
			expect(h.get('strict-transport-security'), url).toBe('max-age=31536000');
			expect(h.get('x-content-type-options'), url).toBe('nosniff');
		}
	} finally {
		if (child && child.exitCode === null) {
			const exited = new Promise((resolve) => child!.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
		}
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
});
