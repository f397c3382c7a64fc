import { defineConfig } from '@playwright/test';
import crypto from 'node:crypto';

const PORT = Number(process.env.E2E_PORT ?? 4319);
const DATA_DIR = 'test-results/e2e-data';
// A fresh random staff password per run, handed to the tests through the environment.
process.env.E2E_STAFF_EMAIL ??= 'e2e-staff@example.org';
process.env.E2E_STAFF_PASSWORD ??= crypto.randomBytes(18).toString('base64url');

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// Two spec files at a time: every test makes its own accounts and meetings, and a second browser uses the second
	// core while the first waits on the server (10.8 min instead of 17 on a loaded 2-core machine). E2E_WORKERS=1 for one.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	timeout: 30_000,
	reporter: process.env.CI ? 'list' : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: [
			`rm -rf ${DATA_DIR}`,
			`DATA_DIR=${DATA_DIR} node node_modules/tsx/dist/cli.mjs scripts/user-create.ts --email "$E2E_STAFF_EMAIL" --role staff --given E2E --family Staff --password-env E2E_STAFF_PASSWORD`,
			`DATA_DIR=${DATA_DIR} node scripts/start.js`
		].join(' && '),
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			// Each test names its own client address so that the login limit of one does not stop another.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			// Passwords hashed at a test cost (src/lib/server/auth/password.ts); production keeps OWASP's.
			ARGON2_COST: 'insecure-test-only'
		}
	}
});
