import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { invalid, parseForm } from '$lib/server/forms';
import { forgotSchema } from '$lib/server/auth/forms';
import { requestPasswordReset } from '$lib/server/auth/accounts';
import { clientAddress } from '$lib/server/auth/client-address';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(forgotSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		await requestPasswordReset(getDb(), event.url.origin, parsed.data.email, clientAddress(event));
		// The same answer whether or not the address has an account.
		return { sent: true, email: parsed.data.email };
	}
};
