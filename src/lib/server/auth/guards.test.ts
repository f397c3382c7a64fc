import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';
import { generateToken, hashToken } from './token';
import { randomPassword } from './password';

describe('safeRedirectTarget', () => {
	const APP = 'https://meetings.example.org';
	/** Where a browser on the login page goes with this Location header, or null when Node refuses it as a header value. */
	const browserGoesTo = (location: string) => (/^[\t\x20-\x7e]*$/.test(location) ? new URL(location, `${APP}/login?redirectTo=x`) : null);

	it('keeps same-site paths with their query and fragment', () => {
		expect(safeRedirectTarget('/meetings/9msp?x=1')).toBe('/meetings/9msp?x=1');
		expect(safeRedirectTarget('/admin/outbox?status=sent#m3')).toBe('/admin/outbox?status=sent#m3');
		expect(safeRedirectTarget('/documents/CCM/MSP/2019/1')).toBe('/documents/CCM/MSP/2019/1');
		// Spaces and letters outside ASCII come back percent-encoded, so the header stays valid.
		expect(safeRedirectTarget('/réunions/a b')).toBe('/r%C3%A9unions/a%20b');
		expect(safeRedirectTarget('/a/../b/./c')).toBe('/b/c');
		// One backslash is one slash to a browser: a path here, not a host.
		expect(safeRedirectTarget('\\evil.example')).toBe('/evil.example');
	});

	// The WHATWG URL parser removes tab, LF and CR anywhere, trims C0 controls and spaces at both ends, and reads a
	// backslash as a slash in http(s) URLs: each of these is "//evil.example" to a browser, or to Node a broken header.
	const leaving = [
		'https://evil.example',
		'HTTPS://evil.example/x',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\/evil.example',
		'/\\/evil.example',
		'\\\\evil.example',
		'/\t/evil.example/x',
		'/\n/evil.example/x',
		'/\r/evil.example/x',
		'/\r\n/evil.example/x',
		'\t//evil.example',
		'/\t\\evil.example',
		'/\n\\evil.example',
		'\t/\t/\tevil.example',
		' //evil.example',
		'\u0000//evil.example',
		'\u001f/\\evil.example',
		'\u0001\u0002 \u0020//evil.example',
		'/.//evil.example',
		'/./\\evil.example',
		'/x/..//evil.example',
		'/%2e//evil.example',
		'/%2E%2E//evil.example',
		'https:evil.example',
		'https:\\\\evil.example',
		'ftp://evil.example',
		'javascript:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'//user:pass@evil.example',
		'http://app.invalid@evil.example/',
		'http://user:pass@app.invalid/x'
	];

	it.each(leaving)('refuses %j', (target) => {
		expect(safeRedirectTarget(target, '/home')).toBe('/home');
	});

	it('refuses empty, missing and oversized targets', () => {
		for (const bad of ['', null, undefined, `/${'a'.repeat(2001)}`]) expect(safeRedirectTarget(bad, '/home')).toBe('/home');
	});

	// Percent-encoded forms reach the function undecoded from a form field: they stay encoded, a path on this site.
	it.each([
		'/%09/evil.example/x',
		'/%0A/x',
		'/%0D%0A/x',
		'/%5C%5Cevil.example',
		'/%2F%2Fevil.example',
		'/%5c/evil.example',
		'/x?next=//evil.example',
		'/x#//evil.example'
	])('keeps %j on this site, encoded', (target) => {
		const out = safeRedirectTarget(target, '/home');
		expect(browserGoesTo(out)?.origin).toBe(APP);
		expect(out).toMatch(/^\/[^/\\]/);
	});

	it('whatever is mixed together, the answer is a valid header value that a browser keeps on this site', () => {
		const piece = fc.constantFrom(
			'/',
			'\\',
			'\t',
			'\n',
			'\r',
			' ',
			'\u0000',
			'\u0008',
			'\u001f',
			'\u007f',
			'\u0085',
			'\u00a0',
			'\u2028',
			'\ufeff',
			'%09',
			'%0A',
			'%0d',
			'%2F',
			'%2f',
			'%5C',
			'%2e',
			'.',
			'..',
			'@',
			':',
			'?',
			'#',
			'evil.example',
			'x',
			'https:',
			'http:',
			'javascript:',
			'é'
		);
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
				const out = safeRedirectTarget(pieces.join(''), '/home');
				const goes = browserGoesTo(out);
				expect(goes, JSON.stringify(out)).not.toBeNull();
				expect(goes!.origin).toBe(APP);
				expect(out).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('tokens', () => {
	it('are random, and stored only as a SHA-256 hex digest', () => {
		const a = generateToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(generateToken()).not.toBe(a);
		expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
	it('first-start passwords are long and not repeated', () => {
		const p = randomPassword();
		expect(p).toHaveLength(20);
		expect(randomPassword()).not.toBe(p);
	});
});
