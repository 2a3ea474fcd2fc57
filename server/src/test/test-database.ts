import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrator';

/** Which database the server tests run on: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

if (process.env.CI === 'true' && process.env.TEST_DB === 'postgres' && !TEST_DATABASE_URL) {
  throw new Error('CI runs the PostgreSQL pass: TEST_DATABASE_URL must be set');
}

/** Runs one statement on a PostgreSQL server's maintenance database (CREATE / DROP DATABASE of a test or bench). */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** On PostgreSQL: a new empty database for one test file, and how to drop it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hj_test_${randomBytes(6).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on close. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (!TEST_DATABASE_URL) {
    const database = await openDatabase({ pgliteDir: 'memory' });
    await migrateToLatest(database.db);
    return database;
  }
  const empty = await createEmptyPostgresDatabase();
  const database = await openDatabase({ databaseUrl: empty.url, poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    url: empty.url,
    close: async () => {
      await database.close();
      await empty.drop();
    },
  };
}
