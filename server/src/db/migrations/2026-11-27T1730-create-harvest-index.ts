import { sql, type Kysely } from 'kysely';

// OAI-PMH harvests page through public resources by (datestamp, id); this keeps each page an index range scan.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX resources_harvest_idx ON resources (updated_at, id) WHERE status IN ('released', 'superseded', 'withdrawn')`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS resources_harvest_idx`.execute(db);
}
