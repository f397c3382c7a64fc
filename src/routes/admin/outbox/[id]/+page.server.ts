import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { forStaff, getOutboxMessage } from '$lib/server/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const id = Number(event.params.id);
	const message = Number.isSafeInteger(id) && id > 0 ? await getOutboxMessage(id) : undefined;
	if (!message) error(404, 'No such message.');
	return { message: forStaff(message, !!process.env.SMTP_URL) };
};
