import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address that limits count against. An IPv6 client usually holds a whole /64 (2^64 addresses), so its first
 * 64 bits are the address; an IPv4-mapped IPv6 address is its IPv4 one. Anything else is bounded in length.
 */
export function limitAddress(address: string): string {
	const a = address.trim();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
	if (mapped && isIPv4(mapped[1])) return mapped[1];
	if (isIPv4(a)) return a;
	const bare = a.replace(/%.*$/, '');
	if (isIPv6(bare)) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
	return a.slice(0, 64);
}

function ipv6Groups(a: string): string[] {
	// A trailing dotted IPv4 part is two groups.
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
	if (v4) {
		const [b1, b2, b3, b4] = v4.slice(1).map(Number);
		a = a.slice(0, v4.index) + ((b1 << 8) | b2).toString(16) + ':' + ((b3 << 8) | b4).toString(16);
	}
	const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
	const h = head ? head.split(':') : [];
	const t = tail === undefined ? [] : tail ? tail.split(':') : [];
	const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
	return [...h, ...fill, ...t].map((g) => parseInt(g, 16).toString(16));
}

let warned = false;

/**
 * Behind a reverse proxy without ADDRESS_HEADER every request seems to come from the proxy, so every user shares one
 * address and its limits. A request carrying X-Forwarded-For while ADDRESS_HEADER is unset says so: warn once.
 */
export function warnIfProxiedWithoutAddressHeader(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
	if (warned || env.ADDRESS_HEADER || !headers.has('x-forwarded-for')) return false;
	warned = true;
	console.warn(
		'Requests arrive with X-Forwarded-For but ADDRESS_HEADER is not set: every client seems to come from the proxy and ' +
			'shares one address for the login and mail limits. Set ADDRESS_HEADER=x-forwarded-for (and XFF_DEPTH) as the README says.'
	);
	return true;
}

/** The client's address for the limits, from a request event; warns once about a proxy without ADDRESS_HEADER. */
export function clientAddress(event: { request: Request; getClientAddress(): string }): string {
	warnIfProxiedWithoutAddressHeader(event.request.headers);
	try {
		return event.getClientAddress();
	} catch {
		// adapter-node throws when ADDRESS_HEADER names a header the request lacks: a request that did not come through
		// the proxy. Such requests share one address for the limits rather than failing.
		return 'no-address-header';
	}
}
