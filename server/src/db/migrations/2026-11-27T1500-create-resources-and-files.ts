import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subjects').addColumn('quota_bytes', 'bigint').execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('standard_version_id', 'uuid', (c) => c.notNull().references('standard_versions.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status IN ('draft','submitted','unit_review','platform_review','expert_review','approved','released','returned','withdrawn','superseded')`))
    .addColumn('lineage_id', 'uuid', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('resources_subject_idx').on('resources').columns(['subject_id', 'resource_type', 'status']).execute();
  await db.schema.createIndex('resources_lineage_idx').on('resources').columns(['lineage_id', 'version_no']).unique().execute();

  // Content-addressed blobs: one row per distinct content, shared by every file that holds it.
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'char(64)', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('files_path_uq', ['resource_id', 'path'])
    .execute();
  await db.schema.createIndex('files_sha_idx').on('files').column('sha256').execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('uploading').check(sql`status IN ('uploading','finalising','completed','expired')`))
    .addColumn('sha256', 'char(64)')
    .addColumn('file_id', 'uuid')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('uploads_status_idx').on('uploads').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('physical_deposits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('repository_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('shipping_method', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text')
    .addColumn('sent_date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('sent').check(sql`status IN ('sent','received','discrepancy')`))
    .addColumn('received', 'jsonb')
    .addColumn('condition', 'text')
    .addColumn('accession_numbers', 'jsonb')
    .addColumn('discrepancy_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('physical_deposits_resource_idx').on('physical_deposits').column('resource_id').execute();
  await db.schema.createIndex('physical_deposits_repository_idx').on('physical_deposits').columns(['repository_org_id', 'status']).execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued','checking','checked','importing','done','failed')`))
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('workbook_sha256', 'char(64)', (c) => c.notNull())
    .addColumn('archive_sha256', 'char(64)')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'jsonb')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['import_jobs', 'physical_deposits', 'uploads', 'files', 'blobs', 'resources']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.alterTable('subjects').dropColumn('quota_bytes').execute();
}
