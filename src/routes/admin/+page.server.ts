import { getDb } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = getDb();
	const count = (t: 'users' | 'organizations' | 'audit_log') =>
		db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
	const [users, organizations, auditRows, queued] = await Promise.all([
		count('users'),
		count('organizations'),
		count('audit_log'),
		db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'queued').executeTakeFirstOrThrow().then((r) => Number(r.n))
	]);
	return { stats: { users, organizations, auditRows, queued }, smtp: !!process.env.SMTP_URL };
};
