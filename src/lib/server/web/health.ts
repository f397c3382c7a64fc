import { sql } from 'kysely';
import { getDb } from '../db';

/** For /healthz: the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
	try {
		await sql`select 1`.execute(getDb());
		return true;
	} catch {
		return false;
	}
}
