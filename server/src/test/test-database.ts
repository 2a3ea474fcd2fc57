import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrator';

/** Which database the server tests run on: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (process.env.CI === 'true' && process.env.TEST_DB === 'postgres' && !TEST_DATABASE_URL) {
  throw new Error('CI runs the PostgreSQL pass: TEST_DATABASE_URL must be set');
}

/** A fresh, migrated database; on PostgreSQL a new database created for this test file and dropped after. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (!TEST_DATABASE_URL) {
    const database = await openDatabase({ pgliteDir: 'memory' });
    await migrateToLatest(database.db);
    return database;
  }
  const name = `hj_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
