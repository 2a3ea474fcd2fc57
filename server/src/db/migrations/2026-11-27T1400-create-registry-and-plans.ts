import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active','closed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active','accepted','terminated')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('projects_program_idx').on('projects').column('program_id').execute();

  await db.schema
    .createTable('subjects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active','accepted','terminated')`))
    .addColumn('pi_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('lead_unit_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull().references('regions.code'))
    .addColumn('platform_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('collection_budget', 'numeric(14, 2)', (c) => c.notNull().defaultTo(0))
    .addColumn('acceptance_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  for (const column of ['project_id', 'lead_unit_id', 'region_code', 'platform_org_id', 'pi_user_id']) {
    await db.schema.createIndex(`subjects_${column}_idx`).on('subjects').column(column).execute();
  }
  await sql`CREATE INDEX subjects_title_trgm ON subjects USING gin (title_zh gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('subject_units')
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('subject_units_pk', ['subject_id', 'org_id'])
    .execute();
  await db.schema.createIndex('subject_units_org_idx').on('subject_units').column('org_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().unique().references('subjects.id'))
    .addColumn('approved_version_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('initial','amendment')`))
    .addColumn('amendment_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')
      .check(sql`status IN ('draft','unit_review','platform_review','returned','approved','superseded')`))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_due_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addUniqueConstraint('plan_versions_no_uq', ['plan_id', 'version_no'])
    .execute();
  await db.schema.createIndex('plan_versions_status_idx').on('plan_versions').columns(['status', 'step_due_at']).execute();
  await sql`ALTER TABLE plans ADD CONSTRAINT plans_approved_version_fk FOREIGN KEY (approved_version_id) REFERENCES plan_versions(id)`.execute(db);

  await db.schema
    .createTable('plan_lines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_version_id', 'uuid', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('planned_count', 'integer', (c) => c.notNull().check(sql`planned_count > 0`))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('sharing_mode', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addUniqueConstraint('plan_lines_position_uq', ['plan_version_id', 'position'])
    .execute();

  await db.schema
    .createTable('plan_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_version_id', 'uuid', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('plan_rounds_uq', ['plan_version_id', 'round'])
    .execute();

  await db.schema
    .createTable('plan_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_version_id', 'uuid', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier IN ('unit','platform')`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('approve','return')`))
    .addColumn('reviewer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('plan_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_version_id', 'uuid', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('line_position', 'integer')
    .addColumn('parent_id', 'uuid', (c) => c.references('plan_comments.id'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('plan_comments_version_idx').on('plan_comments').column('plan_version_id').execute();

  // Outgoing mail is written in the same transaction as the change that causes it, then delivered by a job.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending','sent','failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('mail_outbox_pending_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  // One row per (job, time slot): whichever instance inserts it runs the job for that slot.
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['name', 'slot'])
    .execute();

  // Reminders: at most one per item, recipient and day (the unique key enforces it across instances).
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reminders_daily_uq', ['item_type', 'item_id', 'recipient_id', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE plans DROP CONSTRAINT IF EXISTS plans_approved_version_fk`.execute(db);
  for (const table of ['reminders', 'job_runs', 'mail_outbox', 'plan_comments', 'plan_decisions', 'plan_rounds', 'plan_lines', 'plan_versions', 'plans', 'invitations', 'subject_units', 'subjects', 'projects', 'programs']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
