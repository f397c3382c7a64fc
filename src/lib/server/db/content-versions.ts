import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export type ContentName = 'programme' | 'records' | 'participants';

/**
 * The version of one kind of public content: programme (meetings, agenda items, sessions and their links) or records
 * (documents, their files, and the meetings, agenda items and organisations they show), or participants (the public
 * lists of participants: approved registrations and what their lists print; migration 0021). Kept by triggers
 * (migration 0006), read from one indexed row, so every app process agrees and no writer can forget to bump it.
 */
export async function contentVersion(db: Kysely<Database>, name: ContentName): Promise<string> {
	const r = await sql<{ version: number }>`select version from content_versions where name = ${name}`.execute(db);
	return String(r.rows[0]?.version ?? 0);
}

interface Entry<T> {
	version: string;
	value: T;
}

/** A small in-process cache of values derived from versioned content, checked against the version. */
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
