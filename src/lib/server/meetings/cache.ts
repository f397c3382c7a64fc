import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * A fingerprint of everything programmes and feeds are made from. One cheap query; any change to a meeting,
 * session, agenda item or their links changes it. Derived from the database, so every app process agrees.
 */
export async function programmeVersion(db: Kysely<Database>): Promise<string> {
	const r = await sql<Record<string, string | number | null>>`
		select
			(select max(updated_at) from meetings) as mu,
			(select sum(sequence) from meetings) as ms,
			(select count(*) from meetings) as mc,
			(select max(updated_at) from meeting_sessions) as su,
			(select count(*) from meeting_sessions) as sc,
			(select max(updated_at) from agenda_items) as au,
			(select count(*) from agenda_items) as ac,
			(select count(*) from session_agenda_items) as lc
	`.execute(db);
	return Object.values(r.rows[0] ?? {}).join('|');
}

interface Entry<T> {
	version: string;
	value: T;
}

/** A small in-process cache of values derived from the programme data, checked against the version. */
export class VersionedCache<T> {
	private entries = new Map<string, Entry<T>>();
	constructor(private readonly max = 100) {}

	async get(key: string, version: string, make: () => Promise<T>): Promise<T> {
		const hit = this.entries.get(key);
		if (hit && hit.version === version) return hit.value;
		const value = await make();
		this.entries.delete(key);
		this.entries.set(key, { version, value });
		if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
		return value;
	}
}
