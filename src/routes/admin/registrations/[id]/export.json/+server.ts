import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getRegistration, exportPerson } from '$lib/server/registration';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireStaff(event);
	const reg = await getRegistration(Number(event.params.id) || 0);
	if (!reg?.email) error(404, 'No personal data to export.');
	const data = await exportPerson({ id: actor.id, email: actor.email }, reg.email);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="personal-data-${reg.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
