import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formValues, parseForm } from './forms';

const schema = z.object({ email: z.string().max(254), ids: z.array(z.coerce.number()).max(2000) });

function repeated(name: string, n: number): FormData {
	const fd = new FormData();
	for (let i = 0; i < n; i++) fd.append(name, String(i));
	return fd;
}

describe('parseForm and formValues on many repeats of one name', () => {
	// 20,000 repeats took 5.5 s before (the array was copied and the string re-joined at every repeat): 200,000 would
	// take hours, so the test's own time limit is what fails on a quadratic parse (no timing assertion here).
	it('reads 200,000 repeats of one name', { timeout: 10_000 }, () => {
		const parsed = parseForm(schema, repeated('email', 200_000));
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.values.email.split(',')).toHaveLength(200_000);
	});

	it('keeps the order of the repeats and the comma-joined input', () => {
		const fd = repeated('ids', 3);
		fd.append('email', 'a@example.org');
		const parsed = parseForm(schema, fd);
		expect(parsed).toEqual({ ok: true, data: { email: 'a@example.org', ids: [0, 1, 2] } });
		expect(formValues(fd)).toEqual({ ids: '0,1,2', email: 'a@example.org' });
	});

	it('keeps names such as "toString" as plain fields of the kept input', () => {
		const fd = new FormData();
		fd.append('toString', 'x');
		fd.append('toString', 'y');
		expect(formValues(fd)).toEqual({ toString: 'x,y' });
	});
});
