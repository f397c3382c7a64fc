import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';

/** The migration modules of migrations/, imported directly (the app gets them bundled by Vite instead). */
export async function loadMigrations(): Promise<Record<string, Migration>> {
	const dir = path.resolve(import.meta.dirname, '..', 'migrations');
	const out: Record<string, Migration> = {};
	for (const f of fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.ts'))
		.sort()) {
		out[f] = (await import(pathToFileURL(path.join(dir, f)).href)) as Migration;
	}
	return out;
}

/** `--name value` and `--flag` from argv. */
export function args(argv = process.argv.slice(2)): Record<string, string | true> {
	const out: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [k, inline] = a.slice(2).split('=', 2);
		if (inline !== undefined) out[k] = inline;
		else if (argv[i + 1] && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
		else out[k] = true;
	}
	return out;
}

/** A TCP port free on `host` right now (the OS picks it), for servers started by the bench and the crash test. */
export function freePort(host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, host, () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}
