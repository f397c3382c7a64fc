import { describe, expect, it, vi } from 'vitest';
import { limitAddress, warnIfProxiedWithoutAddressHeader } from './client-address';

describe('the address limits count against', () => {
	it('is an IPv4 address as it is, and the IPv4 one inside an IPv4-mapped IPv6 address', () => {
		expect(limitAddress('203.0.113.7')).toBe('203.0.113.7');
		expect(limitAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(limitAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
	});

	it("is an IPv6 client's /64, however the address is written", () => {
		const a = limitAddress('2001:db8:aa:bb::1');
		expect(a).toBe('2001:db8:aa:bb::/64');
		for (const same of ['2001:db8:aa:bb:ffff:ffff:ffff:ffff', '2001:0db8:00aa:00bb:0:0:0:2', '2001:DB8:AA:BB::3', '2001:db8:aa:bb::9%eth0']) {
			expect(limitAddress(same)).toBe(a);
		}
		expect(limitAddress('2001:db8:aa:bc::1')).not.toBe(a);
		expect(limitAddress('::1')).toBe('0:0:0:0::/64');
		expect(limitAddress('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
	});

	it('is bounded in length whatever a proxy header holds', () => {
		expect(limitAddress('x'.repeat(10_000))).toHaveLength(64);
	});
});

describe('a proxy without ADDRESS_HEADER', () => {
	it('is warned about once, at the first request that carries X-Forwarded-For while ADDRESS_HEADER is unset', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const proxied = new Headers({ 'x-forwarded-for': '198.51.100.4' });
		expect(warnIfProxiedWithoutAddressHeader(proxied, { ADDRESS_HEADER: 'x-forwarded-for' })).toBe(false);
		expect(warnIfProxiedWithoutAddressHeader(new Headers(), {})).toBe(false);
		expect(warn).not.toHaveBeenCalled();
		expect(warnIfProxiedWithoutAddressHeader(proxied, {})).toBe(true);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0][0])).toMatch(/ADDRESS_HEADER/);
		expect(warnIfProxiedWithoutAddressHeader(proxied, {})).toBe(false);
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});
});
