// Security headers in one place, plain JavaScript: svelte.config.js (the pages' CSP), src/hooks.server.ts (HSTS) and
// server.js (static files and /_app/*, which adapter-node serves without running the hooks) all read them.

/**
 * The Content Security Policy of the app. SvelteKit adds the hashes of its inline scripts to pages (kit.csp).
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'media-src': ['self', 'blob:'],
	'connect-src': ['self'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

// The sources SvelteKit quotes when it writes kit.csp.
const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'strict-dynamic', 'report-sample', 'wasm-unsafe-eval', 'script']);

/**
 * The policy as a header value, e.g. `default-src 'self'; …`.
 * @param {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} directives
 */
export function cspHeader(directives = CSP_DIRECTIVES) {
	return Object.entries(directives)
		.map(([name, sources]) => [name, .../** @type {string[]} */ (sources).map((s) => (KEYWORDS.has(s) ? `'${s}'` : s))].join(' '))
		.join('; ');
}

/** One year; not includeSubDomains, which would bind every other site of the domain. */
export const HSTS = 'max-age=31536000';

/**
 * The headers of a file served as it is (scripts, styles, fonts, robots.txt): the pages' own policy, no sniffing,
 * and HSTS when the app is served over https.
 * @param {string | undefined} origin the ORIGIN setting
 * @returns {Record<string, string>}
 */
export function staticFileHeaders(origin) {
	/** @type {Record<string, string>} */
	const headers = {
		'Content-Security-Policy': cspHeader(),
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY'
	};
	if (origin?.startsWith('https://')) headers['Strict-Transport-Security'] = HSTS;
	return headers;
}
