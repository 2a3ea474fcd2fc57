import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Raw usage events, robots included (flagged). No raw IP nor user agent: the client is a keyed hash
  // whose daily key is deleted after two days, and the session key is derived from it (DESIGN §7).
  // No foreign key on resource_id: a log must never fail a batch; aggregation joins resources.
  await db.schema
    .createTable('usage_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    // First day of the calendar month in China (UTC+8): the unit of aggregation.
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('view','search_hit','download','application_approved')`))
    .addColumn('user_id', 'uuid')
    .addColumn('session_key', 'text', (c) => c.notNull())
    .addColumn('client_hash', 'text', (c) => c.notNull())
    .addColumn('robot', 'boolean', (c) => c.notNull())
    .addColumn('machine', 'boolean', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('usage_events_month_idx').on('usage_events').column('month').execute();

  // COUNTER R5 metrics per resource and month, recomputed from the raw events (never incremented).
  await db.schema
    .createTable('usage_monthly')
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('total_item_investigations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unique_item_investigations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_item_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unique_item_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applications_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('machine_investigations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('machine_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unique_machine_investigations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unique_machine_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_monthly_pk', ['resource_id', 'month'])
    .execute();
  await db.schema.createIndex('usage_monthly_month_idx').on('usage_monthly').column('month').execute();

  // Months with events written since their last aggregation. A writer upserts its months in the
  // transaction of its insert (row-locking them), so the aggregator never misses a late commit.
  await db.schema
    .createTable('usage_dirty_months')
    .addColumn('month', 'date', (c) => c.primaryKey())
    .addColumn('touched_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One random key per (China) day for the client hash; old keys are deleted, so stored hashes
  // can no longer be matched against guessed IP addresses.
  await db.schema
    .createTable('usage_salts')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['usage_salts', 'usage_dirty_months', 'usage_monthly', 'usage_events']) await db.schema.dropTable(table).ifExists().execute();
}
