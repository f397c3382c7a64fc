import { error } from '@sveltejs/kit';
import { visibleRegistration } from '$lib/server/web/access';
import { visaLetterDownload } from '$lib/server/registration';
import { downloadLocale } from '$lib/server/web/locale';
import type { RequestHandler } from './$types';

// A GET that may write: a staff download is audited, and that row is the point (as for personal-data exports).
export const GET: RequestHandler = async (event) => {
	const { user, reg, relation } = await visibleRegistration(event);
	const letter = await visaLetterDownload({ id: user.id, email: user.email }, relation, reg, downloadLocale(event));
	if (!letter) error(404, 'No letter of invitation has been issued for this registration.');
	return new Response(new Uint8Array(letter.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${letter.reference.replaceAll('/', '-')}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
