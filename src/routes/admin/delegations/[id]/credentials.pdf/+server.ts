import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDelegationById } from '$lib/server/registration';
import { readStoredFile } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** Staff open any delegation's credentials letter in the browser, from the delegations page. */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const delegation = await getDelegationById(Number(event.params.id) || 0);
	const bytes = delegation?.credentials_sha256 ? await readStoredFile(delegation.credentials_sha256) : null;
	if (!delegation || !bytes) error(404, 'No credentials have been uploaded.');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="credentials-${delegation.meeting_id}-${delegation.organization_id}.pdf"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
