import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Messages (messages/<part>/<locale>.json) compiled to functions in src/lib/paraglide; the locale is chosen by
		// src/lib/i18n.ts and the request hook, so the strategy below only names the fallback.
		// vitest reads the compiled output (`npm run test:unit` compiles first): the plugin's watcher would keep it open.
		// test:unit compiles one module per locale: 2,165 message modules cost every test file 2–3 s of imports.
		...(process.env.VITEST ? [] : [paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['url', 'baseLocale'] })]),
		sveltekit()
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'bench/**/*.test.ts'],
		environment: 'node',
		// Files written by tests (uploads, seeded placeholders) go to a scratch folder, never the repository's data/.
		// Passwords hashed at a test cost (src/lib/server/auth/password.ts); production keeps OWASP's.
		env: { DATA_DIR: path.join(os.tmpdir(), `ccm-vitest-${process.pid}`), ARGON2_COST: 'insecure-test-only' },
		// Integration files each make their own database; a few at a time keeps PostgreSQL calm.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
