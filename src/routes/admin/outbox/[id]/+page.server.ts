import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { m } from '$lib/paraglide/messages';
import { forStaff, getOutboxMessage, outboxAttachments } from '$lib/server/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const id = Number(event.params.id);
	const message = Number.isSafeInteger(id) && id > 0 ? await getOutboxMessage(id) : undefined;
	if (!message) error(404, m.adm_outbox_not_found());
	const attachments = await outboxAttachments(message.id);
	return {
		message: forStaff(message, !!process.env.SMTP_URL),
		attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: new TextEncoder().encode(a.content).length }))
	};
};
