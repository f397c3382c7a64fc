import { requireUser } from '$lib/server/auth/guards';
import { exportPerson } from '$lib/server/registration';
import type { RequestHandler } from './$types';

/** A person downloads everything held about them. POST, since the export is audited and a GET never writes. */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event);
	const data = await exportPerson({ id: user.id, email: user.email }, user.email);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-data.json"',
			'cache-control': 'private, no-store'
		}
	});
};
