import type { Db } from '../db';
import { mails, queueMail } from '../mail';
import { nowIso } from '../time';

/**
 * A user just made focal point of an organisation hears of everything already waiting for them: unconfirmed sign-ups
 * and sponsorship applications awaiting endorsement, per meeting not yet over, each with the page where they act.
 * Read from the tables directly: the registration and sponsorship areas import auth, so auth cannot import them.
 */
export async function tellAppointedFocalPoint(db: Db, to: string, organizationId: number, origin: string): Promise<void> {
	const today = nowIso().slice(0, 10);
	const [org, signUps, applications] = await Promise.all([
		db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst(),
		db
			.selectFrom('registrations as r')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
			.select(['m.code', 'm.slug'])
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('d.organization_id', '=', organizationId)
			.where('r.unconfirmed_since', 'is not', null)
			.where('r.status', 'in', ['pending', 'approved', 'waitlisted'])
			.where('m.end_date', '>=', today)
			.groupBy(['m.code', 'm.slug'])
			.execute(),
		db
			.selectFrom('sponsorship_applications as a')
			.innerJoin('registrations as r', 'r.id', 'a.registration_id')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('meetings as m', 'm.id', 'a.meeting_id')
			.select(['m.code', 'm.slug'])
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('d.organization_id', '=', organizationId)
			.where('a.status', '=', 'submitted')
			.where('a.endorsement', '=', 'pending')
			.where('m.end_date', '>=', today)
			.groupBy(['m.code', 'm.slug'])
			.execute()
	]);
	if (!org) return;
	const waiting = [
		...signUps.map((s) => ({ code: s.code, kind: 'signups' as const, n: Number(s.n), link: `${origin}/meetings/${s.slug}/delegation` })),
		...applications.map((a) => ({ code: a.code, kind: 'applications' as const, n: Number(a.n), link: `${origin}/meetings/${a.slug}/delegation` }))
	];
	await queueMail(db, mails.appointedFocalPoint(to, org.name, waiting));
}
