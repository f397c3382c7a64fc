import { databaseAnswers } from '$lib/server/web/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const headers = { 'content-type': 'text/plain', 'cache-control': 'no-store' };
	if (await databaseAnswers()) return new Response('ok', { headers });
	return new Response('database unavailable', { status: 503, headers });
};
