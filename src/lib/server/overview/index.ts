// The staff home page's figures: counts across the areas' tables, read-only. (A read model: it owns no data.)
import { getDb } from '../db';

export interface StaffOverview {
	users: number;
	organizations: number;
	auditRows: number;
	queued: number;
}

export async function staffOverview(): Promise<StaffOverview> {
	const db = getDb();
	const count = (t: 'users' | 'organizations' | 'audit_log') =>
		db
			.selectFrom(t)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n));
	const [users, organizations, auditRows, queued] = await Promise.all([
		count('users'),
		count('organizations'),
		count('audit_log'),
		db
			.selectFrom('outbox')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'queued')
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n))
	]);
	return { users, organizations, auditRows, queued };
}
