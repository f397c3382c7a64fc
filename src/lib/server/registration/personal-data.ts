import type { Db } from '../db';
import { audit, type Actor } from '../audit';
import { generateToken } from '../auth';
import { nowIso } from '../time';

/** Everything we hold about the person with this address: their account and every registration. */
export async function exportPerson(db: Db, actor: Actor, email: string) {
	const [account, registrations, visa_letters] = await Promise.all([
		db
			.selectFrom('users')
			.select(['id', 'email', 'role', 'given_name', 'family_name', 'created_at', 'organization_id'])
			.where('email', '=', email)
			.executeTakeFirst(),
		db
			.selectFrom('registrations as r')
			.innerJoin('meetings as m', 'm.id', 'r.meeting_id')
			.innerJoin('delegations as d', 'd.id', 'r.delegation_id')
			.innerJoin('organizations as o', 'o.id', 'd.organization_id')
			.select([
				'm.code as meeting',
				'o.name as organization',
				'r.id',
				'r.title',
				'r.given_name',
				'r.family_name',
				'r.gender',
				'r.position',
				'r.email',
				'r.phone',
				'r.role',
				'r.consent_published',
				'r.access_needs',
				'r.status',
				'r.rejection_reason',
				'r.attended_at',
				'r.created_at',
				'r.updated_at'
			])
			.where('r.email', '=', email)
			.orderBy('r.id')
			.execute(),
		db
			.selectFrom('visa_letters as v')
			.innerJoin('registrations as r', 'r.id', 'v.registration_id')
			.select(['v.registration_id', 'v.reference', 'v.passport_name', 'v.nationality', 'v.passport_number', 'v.status', 'v.requested_at'])
			.where('r.email', '=', email)
			.orderBy('v.id')
			.execute()
	]);
	await audit(db, actor, 'person.export', { type: 'person', id: email }, null, { registrations: registrations.length });
	return { exported_at: nowIso(), email, account: account ?? null, registrations, visa_letters };
}

/**
 * Erases the person's identity from every registration with this address. The rows stay, without identity,
 * so that statistics (how many, which delegations, roles, gender balance) still add up.
 */
export async function erasePerson(db: Db, actor: Actor, email: string): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const rows = await trx.selectFrom('registrations').select(['id', 'badge_token']).where('email', '=', email).where('erased_at', 'is', null).execute();
		const now = nowIso();
		for (const r of rows) {
			await trx
				.updateTable('registrations')
				.set({
					title: null,
					given_name: null,
					family_name: null,
					position: null,
					email: null,
					phone: null,
					access_needs: null,
					rejection_reason: null,
					user_id: null,
					consent_published: 0,
					form_token: null,
					badge_token: generateToken(),
					erased_at: now,
					updated_at: now
				})
				.where('id', '=', r.id)
				.execute();
		}
		// The passport details exist only for the letter of invitation: they go with the person.
		const letters = rows.length
			? Number(
					(
						await trx
							.deleteFrom('visa_letters')
							.where(
								'registration_id',
								'in',
								rows.map((r) => r.id)
							)
							.executeTakeFirst()
					).numDeletedRows
				)
			: 0;
		// The audit row names what was erased, not the data itself.
		await audit(trx, actor, 'person.erase', { type: 'person', id: `registrations:${rows.map((r) => r.id).join(',')}` }, null, {
			registrations: rows.length,
			visa_letters: letters,
			fields: ['title', 'given_name', 'family_name', 'position', 'email', 'phone', 'access_needs', 'rejection_reason']
		});
		return rows.length;
	});
}
