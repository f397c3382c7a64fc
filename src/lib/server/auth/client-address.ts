import { limitAddress } from '../limits';

export { limitAddress };

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
