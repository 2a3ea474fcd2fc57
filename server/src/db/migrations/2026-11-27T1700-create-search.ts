import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per listed resource (released, not restricted), denormalised so that search, ranking
  // and facets read one table (notes/search-at-scale.md). Derived data: rebuilt by `reindex`; no
  // foreign key, so the benchmark can load synthetic rows and a rebuild can delete orphans.
  await db.schema
    .createTable('resource_search')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('platform_org_id', 'uuid', (c) => c.notNull())
    .addColumn('discipline', 'text')
    .addColumn('program_code', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'uuid', (c) => c.notNull())
    .addColumn('province_code', 'char(6)', (c) => c.notNull())
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('sharing_mode', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description_zh', 'text')
    .addColumn('description_en', 'text')
    .addColumn('keywords_zh', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('keywords_en', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('cstr', 'text', (c) => c.notNull())
    .addColumn('doi', 'text')
    .addColumn('subject_code', 'text', (c) => c.notNull())
    // Lower-cased CSTR, DOI, subject/project/program codes: a query that looks like one matches exactly.
    .addColumn('identifiers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // Usage counters: filled by the usage roll-up, kept across reindexing.
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('released_at', 'timestamptz', (c) => c.notNull())
    .addColumn('indexed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // jieba tokens of the Chinese text ('simple', exact lexemes) + English stems; weights A title/keywords, B description, D the rest.
    .addColumn('fts', sql`tsvector`, (c) => c.notNull())
    .execute();

  await sql`CREATE INDEX resource_search_fts_idx ON resource_search USING gin (fts) WITH (fastupdate = off)`.execute(db);
  await sql`CREATE INDEX resource_search_identifiers_idx ON resource_search USING gin (identifiers)`.execute(db);
  await sql`CREATE INDEX resource_search_released_idx ON resource_search (released_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX resource_search_usage_idx ON resource_search (downloads DESC, views DESC)`.execute(db);
  for (const column of ['resource_type', 'platform_org_id', 'discipline', 'program_code', 'lead_unit_id', 'province_code', 'year']) {
    await db.schema.createIndex(`resource_search_${column}_idx`).on('resource_search').column(column).execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resource_search').ifExists().execute();
}
