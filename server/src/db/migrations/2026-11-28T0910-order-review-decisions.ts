import { sql, type Kysely } from 'kysely';

// Several decisions can be recorded in one request (an approval and the tiers skipped after it), and
// PGlite's clock_timestamp() has millisecond resolution, so decided_at can tie and the random uuid then
// decided the order. A sequence keeps them in the order they were recorded.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE review_decisions ADD COLUMN seq bigserial NOT NULL`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE review_decisions DROP COLUMN IF EXISTS seq`.execute(db);
}
