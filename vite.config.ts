import { sveltekit } from '@sveltejs/kit/vite';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
