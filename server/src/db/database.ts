import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DB } from './schema';

// Postgres returns int8/numeric as strings; counts and ids we use fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
// A date column is a calendar date, not an instant: keep 'YYYY-MM-DD' rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: one Kysely instance over PGlite or PostgreSQL, same SQL either way. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Directory for PGlite files, or 'memory' for a throwaway in-memory database. */
  pgliteDir?: string | 'memory';
  poolSize?: number;
}

/** Opens PGlite (default) or PostgreSQL behind the same Kysely dialect. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
    await db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }

  const dir = options.pgliteDir ?? 'memory';
  let dataDir: string | undefined;
  let releaseLock = () => undefined as void;
  if (dir !== 'memory') {
    dataDir = path.resolve(dir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = lockDataDir(`${dataDir}.lock`);
  }
  const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
  return {
    db,
    kind: 'pglite',
    pool,
    close: async () => {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite files must have one process at a time: a second one corrupts them. The lock file holds the
 * owner's pid; a lock whose process is gone (crash, kill -9) is taken over.
 */
function lockDataDir(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`Another Huijiao process (pid ${owner}) is using ${path.dirname(lockFile)}; stop it first, or run several instances on PostgreSQL (DATABASE_URL)`);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Cannot lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
