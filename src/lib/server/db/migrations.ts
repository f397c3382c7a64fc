import type { Migration } from 'kysely';

// Vite bundles every file of migrations/ into the server build, so the app needs no source tree at run time.
export const migrations = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });
