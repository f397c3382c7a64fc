import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { publicMeeting } from '$lib/server/web/access';
import { getDelegation } from '$lib/server/registration';
import { readStoredFile } from '$lib/server/files';
import type { RequestHandler } from './$types';

/** The focal point's own credentials letter; staff open any delegation's with ?org=ID. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'focal_point', 'staff');
	const meeting = await publicMeeting(event);
	const orgId = user.role === 'staff' ? Number(event.url.searchParams.get('org')) : user.organizationId;
	const delegation = orgId ? await getDelegation(meeting.id, orgId) : undefined;
	const bytes = delegation?.credentials_sha256 ? await readStoredFile(delegation.credentials_sha256) : null;
	if (!delegation || !bytes) error(404, 'No credentials have been uploaded.');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${meeting.slug}-credentials-${orgId}.pdf"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
