import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Migrations handed over as modules (bundled by Vite in the app, imported by tsx in scripts). */
export class ModuleMigrationProvider implements MigrationProvider {
	constructor(private readonly modules: Record<string, Migration>) {}
	async getMigrations(): Promise<Record<string, Migration>> {
		const out: Record<string, Migration> = {};
		for (const [file, mod] of Object.entries(this.modules)) {
			out[file.replace(/^.*\//, '').replace(/\.(ts|js)$/, '')] = mod;
		}
		return out;
	}
}

export async function migrateToLatest(db: Kysely<any>, modules: Record<string, Migration>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(modules) });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
