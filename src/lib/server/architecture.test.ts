import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout rules of the README's "Layout" section that ESLint cannot see: areas depend on each other without a cycle,
// and every area has a front door. (ESLint holds the import rules file by file: `npm run lint`.)
const SERVER = path.join(import.meta.dirname);
const ROUTES = path.join(import.meta.dirname, '../../routes');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		return statSync(p).isDirectory() ? files(p) : /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
	});
}

const areas = readdirSync(SERVER).filter((n) => statSync(path.join(SERVER, n)).isDirectory());
/** Layers that are not areas: request handling for routes (web), the hooks' HTTP guards (http), start-up data (seed). */
const NOT_AREAS = ['web', 'http', 'seed'];
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);

/** Area → the areas its files import (relative `../<area>` imports). */
function areaGraph(): Map<string, Set<string>> {
	const graph = new Map(areas.map((a) => [a, new Set<string>()]));
	for (const area of areas) {
		for (const file of files(path.join(SERVER, area))) {
			for (const spec of importsOf(file)) {
				const m = /^\.\.\/([a-z-]+)/.exec(spec);
				if (m && m[1] !== area && graph.has(m[1])) graph.get(area)!.add(m[1]);
			}
		}
	}
	return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (a: string): string[] | null => {
		if (state.get(a) === 'done') return null;
		if (state.get(a) === 'open') return [...stack.slice(stack.indexOf(a)), a];
		state.set(a, 'open');
		stack.push(a);
		for (const b of graph.get(a) ?? []) {
			const c = visit(b);
			if (c) return c;
		}
		stack.pop();
		state.set(a, 'done');
		return null;
	};
	for (const a of graph.keys()) {
		const c = visit(a);
		if (c) return c;
	}
	return null;
}

describe('the layout of src/lib/server', () => {
	it('has no cycle between areas', () => {
		expect(findCycle(areaGraph())).toBeNull();
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		const g = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])]
		]);
		expect(findCycle(g)).toEqual(['a', 'b', 'c', 'a']);
	});

	it('gives every area a front door (index.ts)', () => {
		const without = areas.filter((a) => !NOT_AREAS.includes(a) && !readdirSync(path.join(SERVER, a)).includes('index.ts'));
		expect(without).toEqual([]);
	});

	it('keeps routes away from the database', () => {
		const offenders = files(ROUTES).filter((f) => importsOf(f).some((s) => s === '$lib/server/db' || s.startsWith('$lib/server/db/') || s === 'kysely'));
		expect(offenders.map((f) => path.relative(ROUTES, f))).toEqual([]);
	});
});

describe('the lint rule that keeps the boundaries', () => {
	// The same rule `npm run lint` applies, asked about files that break it and files that keep it.
	const lint = async (filePath: string, code: string) => {
		const { ESLint } = await import('eslint');
		const eslint = new ESLint({ cwd: path.join(import.meta.dirname, '../../..') });
		const [result] = await eslint.lintText(code, { filePath });
		return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
	};

	it("refuses a route that reaches the database or an area's inner file", async () => {
		expect(await lint('src/routes/x/+page.server.ts', "import { getDb } from '$lib/server/db';\nexport const x = getDb;\n")).toHaveLength(1);
		expect(
			await lint('src/routes/x/+page.server.ts', "import { listMeetings } from '$lib/server/meetings/queries';\nexport const x = listMeetings;\n")
		).toHaveLength(1);
	});

	it('lets a route call front doors, guards and forms', async () => {
		const code =
			"import { listMeetings } from '$lib/server/meetings';\nimport { requireStaff } from '$lib/server/auth/guards';\nimport { parseForm } from '$lib/server/forms';\nexport const x = [listMeetings, requireStaff, parseForm];\n";
		expect(await lint('src/routes/x/+page.server.ts', code)).toEqual([]);
	});

	it("refuses an area that imports another area's inner file", async () => {
		expect(await lint('src/lib/server/records/x.ts', "import { audit } from '../audit/audit';\nexport const x = audit;\n")).toHaveLength(1);
		expect(await lint('src/lib/server/records/x.ts', "import { audit } from '../audit';\nexport const x = audit;\n")).toEqual([]);
	});
}, 60_000);
