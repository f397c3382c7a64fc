import type { Db } from '../db';
import { audit, type Actor } from '../audit';
import { nowIso } from '../time';

/**
 * The person confirms the details a focal point or staff entered for them: the registration becomes theirs.
 * Only a registration that has no account yet; audited, as every change to someone's registration.
 */
export async function confirmOwnRegistration(db: Db, actor: Actor, registrationId: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const done = await trx
			.updateTable('registrations')
			.set({ user_id: actor.id, confirmed_by_person: 1, updated_at: nowIso() })
			.where('id', '=', registrationId)
			.where('user_id', 'is', null)
			.executeTakeFirst();
		if (!Number(done.numUpdatedRows)) return false;
		await audit(trx, actor, 'registration.confirm_own', { type: 'registration', id: registrationId }, null, { user_id: actor.id });
		return true;
	});
}
