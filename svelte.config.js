import adapter from '@sveltejs/adapter-node';
import { CSP_DIRECTIVES } from './src/lib/server/http/headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ precompress: false }),
		csp: {
			// Hashes rather than nonces: a page kept by the public page cache stays valid under its CSP.
			mode: 'hash',
			// Shared with server.js, which gives static files the same policy.
			directives: structuredClone(CSP_DIRECTIVES)
		},
		csrf: { trustedOrigins: [] }
	}
};

export default config;
