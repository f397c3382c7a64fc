// Lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte, plus the boundaries between
// routes and areas (README, "Layout"): routes reach the server only through an area's front door, areas reach each
// other only through front doors.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The server modules a route may import besides the areas' front doors. */
const ROUTE_MAY_IMPORT = ['$lib/server/forms', '$lib/server/auth/guards', '$lib/server/web/*'];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'bench/floor/build/',
			'bench/floor/.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'data/',
			'static/',
			'src/lib/paraglide/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		// No type information here: building it for every component tripled the run (66 s → 17 s without). The one rule
		// that needs it, svelte/no-unused-props, runs alone in `npm run lint:props` (eslint.props.config.js).
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
			// Kysely's dynamic migrations and a few test doubles need `any`; each use is visible in review.
			'@typescript-eslint/no-explicit-any': 'off',
			// Links are plain hrefs: the app has no base path.
			'svelte/no-navigation-without-resolve': 'off',
			// The input sanitizers match control characters on purpose.
			'no-control-regex': 'off',
			// Needs type information: see eslint.props.config.js.
			'svelte/no-unused-props': 'off',
			// The app has no Svelte stores (runes only); the rule cost 20 s of type checking.
			'svelte/require-store-reactive-access': 'off'
		}
	},
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/*/**', ...ROUTE_MAY_IMPORT.map((p) => `!${p}`)],
							message: "Routes call an area's front door ($lib/server/<area>), never its inner files."
						},
						{ group: ['$lib/server/db', '$lib/server/db/**'], message: 'Routes never reach the database: call the area that owns the data.' },
						{ group: ['kysely', 'pg', 'better-sqlite3'], message: 'Routes never build SQL: call the area that owns the data.' }
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/*/**'],
		ignores: ['src/lib/server/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							// ../<area>/<file>: another area's inner file. Infrastructure (db) is imported by its index too.
							group: ['../*/*', '!../auth/guards', '!../../*'],
							message: "Areas call each other through the front door ('../<area>'), never an inner file."
						},
						{ group: ['$lib/server/**'], message: 'Inside src/lib/server, import relatively (../<area>).' }
					]
				}
			]
		}
	}
);
