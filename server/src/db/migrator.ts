import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import type { DB } from './schema';
import { migrations } from './migrations';

/** The migration list is explicit (migrations/index.ts), so every runtime applies the same set. */
class ListedMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export interface MigrationReport {
  applied: string[];
  pending: string[];
}

function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: new ListedMigrationProvider() });
}

/** Applies pending migrations under Kysely's advisory lock (safe with several instances). */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Lists applied and pending migrations (for /readyz and the CLI). */
export async function migrationStatus(db: Kysely<DB>): Promise<MigrationReport> {
  const all = await migrator(db).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
