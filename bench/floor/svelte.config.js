// The floor app (bench/floor/README in bench/README.md): the same adapter and CSP mode as the app.
import adapter from '@sveltejs/adapter-node';
import { CSP_DIRECTIVES } from '../../src/lib/server/http/headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: false }),
		csp: { mode: 'hash', directives: structuredClone(CSP_DIRECTIVES) },
		csrf: { trustedOrigins: [] }
	}
};

export default config;
