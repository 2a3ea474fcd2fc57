import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('standards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('platform_org_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('standard_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('standard_id', 'uuid', (c) => c.notNull().references('standards.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status IN ('draft','in_review','approved','retired')`))
    // json, not jsonb: key order is the standard's field order (forms, templates, the | parts of a cell).
    .addColumn('document', 'json', (c) => c.notNull())
    .addColumn('quorum', 'text', (c) => c.notNull().defaultTo('majority').check(sql`quorum IN ('majority','all')`))
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('based_on_id', 'uuid', (c) => c.references('standard_versions.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('standard_versions_version_uq', ['standard_id', 'version'])
    .execute();

  await db.schema
    .createTable('standard_reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('standard_versions.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decision', 'text', (c) => c.check(sql`decision IN ('approve','request_changes')`))
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('standard_reviews_uq', ['version_id', 'round', 'expert_id'])
    .execute();
  await db.schema.createIndex('standard_reviews_expert_idx').on('standard_reviews').columns(['expert_id', 'decision']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['standard_reviews', 'standard_versions', 'standards']) await db.schema.dropTable(table).ifExists().execute();
}
