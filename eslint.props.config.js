// `npm run lint:props`: the one lint rule that needs TypeScript's type information, run on its own so that
// `npm run lint` stays fast: a component's Props property that the component never reads (svelte/no-unused-props).
import svelte from 'eslint-plugin-svelte';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(...svelte.configs.base, {
	files: ['src/**/*.svelte'],
	languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
	rules: { 'svelte/no-unused-props': 'error' }
});
