import { describe, expect, it } from 'vitest';
import {
	countMultipartParts,
	countUrlencodedFields,
	MAX_FORM_FIELDS,
	MAX_REPEATS_OF_ONE_NAME,
	MAX_TEXT_FORM_BYTES,
	multipartBoundary,
	readForm
} from './form-limits';

const URLENC = 'application/x-www-form-urlencoded';
const post = (body: BodyInit, contentType: string) => new Request('http://app.test/login', { method: 'POST', headers: { 'content-type': contentType }, body });
const multipart = (parts: string[], boundary = 'XyZ') => parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`;
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

describe('counting fields by a scan of the bytes', () => {
	const bytes = (s: string) => new TextEncoder().encode(s);
	it('counts urlencoded fields and multipart parts', () => {
		expect(countUrlencodedFields(bytes(''))).toBe(0);
		expect(countUrlencodedFields(bytes('a=1'))).toBe(1);
		expect(countUrlencodedFields(bytes('a=1&b=2&a=3'))).toBe(3);
		expect(countMultipartParts(bytes(multipart([field('a', '1'), field('b', '2')])), 'XyZ')).toBe(2);
		expect(countMultipartParts(bytes('no delimiter here'), 'XyZ')).toBe(0);
	});
	it('stops counting past the limit', () => {
		expect(countUrlencodedFields(bytes('x&'.repeat(1000)), 10)).toBe(11);
		expect(countMultipartParts(bytes(multipart(Array(1000).fill(field('x', '1')))), 'XyZ', 10)).toBe(11);
	});
	it('reads the boundary of a content type, refusing a missing or invalid one', () => {
		expect(multipartBoundary('multipart/form-data; boundary=----WebKitFormBoundaryAbC')).toBe('----WebKitFormBoundaryAbC');
		expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
		expect(multipartBoundary('multipart/form-data')).toBeNull();
		expect(multipartBoundary('multipart/form-data; boundary=')).toBeNull();
		expect(multipartBoundary(`multipart/form-data; boundary=${'a'.repeat(71)}`)).toBeNull();
	});
});

describe('readForm', () => {
	it('reads an urlencoded form exactly as Request.formData() does (byte-order mark, bad UTF-8, + and %2B, empty names)', async () => {
		const bytes = new Uint8Array([
			...new TextEncoder().encode('\uFEFFa=1&b=%E2%82%AC+x%2By&=empty&c=%FF&d='),
			0xc3,
			0x28,
			...new TextEncoder().encode('&e=caf%C3%A9;f=2')
		]);
		const r = await readForm(post(bytes, URLENC), Infinity);
		const expected = await post(bytes, URLENC).formData();
		expect(r.ok).toBe(true);
		if (r.ok) expect([...r.form]).toEqual([...expected]);
	});

	it('parses a normal form once, with its repeated names', async () => {
		const r = await readForm(post('email=a%40example.org&ids=1&ids=2', URLENC), Infinity);
		expect(r.ok).toBe(true);
		if (r.ok)
			expect([...r.form]).toEqual([
				['email', 'a@example.org'],
				['ids', '1'],
				['ids', '2']
			]);
		const m = await readForm(post(multipart([field('a', '1'), field('b', '2')]), 'multipart/form-data; boundary=XyZ'), Infinity);
		expect(m.ok && [...m.form]).toEqual([
			['a', '1'],
			['b', '2']
		]);
	});

	it('refuses 100,000 repeated fields (413) in well under a second', async () => {
		const t = performance.now();
		const r = await readForm(post(Array(100_000).fill('x=1').join('&'), URLENC), Infinity);
		expect(r).toMatchObject({ ok: false, status: 413 });
		expect(performance.now() - t).toBeLessThan(500);
	});

	it('refuses 20,000 multipart parts (413)', async () => {
		const r = await readForm(post(multipart(Array(20_000).fill(field('x', '1'))), 'multipart/form-data; boundary=XyZ'), Infinity);
		expect(r).toMatchObject({ ok: false, status: 413 });
	});

	it('accepts the caps exactly and refuses one more', async () => {
		const names = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=1`).join('&');
		expect((await readForm(post(names(MAX_FORM_FIELDS), URLENC), Infinity)).ok).toBe(true);
		expect(await readForm(post(names(MAX_FORM_FIELDS + 1), URLENC), Infinity)).toMatchObject({ ok: false, status: 413 });
		expect((await readForm(post(Array(MAX_REPEATS_OF_ONE_NAME).fill('x=1').join('&'), URLENC), Infinity)).ok).toBe(true);
		expect(
			await readForm(
				post(
					Array(MAX_REPEATS_OF_ONE_NAME + 1)
						.fill('x=1')
						.join('&'),
					URLENC
				),
				Infinity
			)
		).toMatchObject({ ok: false, status: 400 });
	});

	it('refuses a text form larger than its byte limit (413), and a larger upload from a visitor without a session', async () => {
		expect(await readForm(post('a=' + 'x'.repeat(MAX_TEXT_FORM_BYTES), URLENC), Infinity)).toMatchObject({ ok: false, status: 413 });
		const big = multipart([
			`Content-Disposition: form-data; name="f"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${'x'.repeat(MAX_TEXT_FORM_BYTES)}`
		]);
		expect(await readForm(post(big, 'multipart/form-data; boundary=XyZ'), MAX_TEXT_FORM_BYTES)).toMatchObject({ ok: false, status: 413 });
		expect((await readForm(post(big, 'multipart/form-data; boundary=XyZ'), Infinity)).ok).toBe(true);
	});

	it.each([
		['no boundary', 'multipart/form-data', multipart([field('a', '1')])],
		['a wrong boundary', 'multipart/form-data; boundary=Other', multipart([field('a', '1')])],
		['an unterminated part', 'multipart/form-data; boundary=XyZ', `--XyZ\r\n${field('a', '1')}`],
		['a bad part header', 'multipart/form-data; boundary=XyZ', multipart(['Content-Disposition: nonsense\r\n\r\n1'])],
		['a part header without a colon', 'multipart/form-data; boundary=XyZ', multipart(['no header here\r\n\r\n1'])],
		['an empty multipart body', 'multipart/form-data; boundary=XyZ', ''],
		['text/plain', 'text/plain', 'email=a@example.org']
	])('answers 400 with a plain message to %s', async (_label, type, body) => {
		const r = await readForm(post(body, type), Infinity);
		expect(r).toMatchObject({ ok: false, status: 400 });
		if (!r.ok) expect(r.message).toMatch(/^[A-Z][^\n]{10,120}$/);
	});
});
