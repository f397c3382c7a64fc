import { invalid, parseForm } from '$lib/server/forms';
import { forgotSchema, requestPasswordReset, clientAddress } from '$lib/server/auth';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(forgotSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await requestPasswordReset(event.url.origin, parsed.data.email, clientAddress(event));
		// The same answer whether or not the address has an account.
		return { sent: true, email: parsed.data.email };
	}
};
