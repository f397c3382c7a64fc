import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// Integration files each make their own database; a few at a time keeps PostgreSQL calm.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
