import { describe, expect, it } from 'vitest';
import { VersionedCache } from './content-versions';

describe('VersionedCache', () => {
	it('reuses a value while the version stays, remakes it when the version changes, and stays bounded', async () => {
		const cache = new VersionedCache<number>(2);
		let made = 0;
		const make = async () => ++made;
		expect(await cache.get('a', 'v1', make)).toBe(1);
		expect(await cache.get('a', 'v1', make)).toBe(1);
		expect(await cache.get('a', 'v2', make)).toBe(2);
		await cache.get('b', 'v1', make);
		await cache.get('c', 'v1', make);
		expect(await cache.get('a', 'v2', make)).toBe(5); // evicted as the oldest
	});
});
