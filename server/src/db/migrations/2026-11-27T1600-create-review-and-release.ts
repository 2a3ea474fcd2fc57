import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The review chain's position on the resource itself, and what release adds to it.
  await db.schema
    .alterTable('resources')
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_entered_at', 'timestamptz')
    .addColumn('step_due_at', 'timestamptz')
    .addColumn('cstr', 'text')
    .addColumn('sharing_mode', 'text', (c) => c.check(sql`sharing_mode IN ('open','registered','application','embargo','offline','restricted')`))
    .addColumn('embargo_end', 'date')
    .addColumn('embargo_reason', 'text')
    .addColumn('licence', 'text')
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawal_reason', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX resources_cstr_uq ON resources (lower(cstr)) WHERE cstr IS NOT NULL`.execute(db);
  await db.schema.createIndex('resources_status_due_idx').on('resources').columns(['status', 'step_due_at']).execute();
  // Internal ids of CSTRs come from a sequence: never handed out twice, also across concurrent releases.
  await sql`CREATE SEQUENCE cstr_seq START 1`.execute(db);

  await db.schema
    .createTable('review_settings')
    .addColumn('platform_org_id', 'uuid', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('review_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('open').check(sql`outcome IN ('open','returned','approved')`))
    .addUniqueConstraint('review_rounds_uq', ['resource_id', 'round'])
    .execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier IN ('unit','platform','expert')`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('approve','return','skipped')`))
    .addColumn('reviewer_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('detail', 'jsonb')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema.createIndex('review_decisions_resource_idx').on('review_decisions').columns(['resource_id', 'round']).execute();

  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.check(sql`tier IN ('unit','platform','expert')`))
    .addColumn('field', 'text')
    .addColumn('file_path', 'text')
    .addColumn('parent_id', 'uuid', (c) => c.references('review_comments.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('from_reviewer', 'boolean', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // clock_timestamp, not now(): comments and decisions written in one transaction keep their order.
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('review_comments_resource_idx').on('review_comments').column('resource_id').execute();

  await db.schema
    .createTable('expert_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('conflict', 'text', (c) => c.notNull().defaultTo('pending').check(sql`conflict IN ('pending','none','conflict')`))
    .addColumn('conflict_note', 'text')
    .addColumn('declared_at', 'timestamptz')
    .addColumn('scores', 'jsonb')
    .addColumn('recommendation', 'text', (c) => c.check(sql`recommendation IN ('approve','return')`))
    .addColumn('sharing_mode', 'text')
    .addColumn('embargo_months', 'integer')
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addUniqueConstraint('expert_assignments_uq', ['resource_id', 'round', 'expert_id'])
    .execute();
  await db.schema.createIndex('expert_assignments_expert_idx').on('expert_assignments').columns(['expert_id', 'submitted_at']).execute();

  await db.schema
    .createTable('cstr_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id'))
    .addColumn('cstr', 'text', (c) => c.notNull())
    .addColumn('registrar', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending','submitted','registered','failed')`))
    .addColumn('task_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('registered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('cstr_registrations_due_idx').on('cstr_registrations').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('plan_waivers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('waived_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plan_waivers_uq', ['subject_id', 'resource_type'])
    .execute();

  await sql`CREATE SEQUENCE certificate_seq START 1`.execute(db);
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('platform_org_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('pdf_sha256', 'char(64)', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('certificates_subject_idx').on('certificates').column('subject_id').unique().execute();

  // Resources submitted before the review chain existed enter it at unit review, as round 1.
  await sql`
    INSERT INTO review_rounds (resource_id, round, submitted_by, submitted_at, metadata, files)
    SELECT r.id, 1, r.created_by, coalesce(r.submitted_at, now()), r.metadata,
           coalesce((SELECT jsonb_agg(jsonb_build_object('path', f.path, 'sha256', f.sha256, 'size', f.size) ORDER BY f.path) FROM files f WHERE f.resource_id = r.id), '[]'::jsonb)
    FROM resources r WHERE r.status = 'submitted'`.execute(db);
  await sql`
    UPDATE resources SET status = 'unit_review', review_round = 1, step_entered_at = coalesce(submitted_at, now()),
           step_due_at = coalesce(submitted_at, now()) + interval '14 days'
    WHERE status = 'submitted'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['certificates', 'plan_waivers', 'cstr_registrations', 'expert_assignments', 'review_comments', 'review_decisions', 'review_rounds', 'review_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP SEQUENCE IF EXISTS certificate_seq`.execute(db);
  await sql`DROP SEQUENCE IF EXISTS cstr_seq`.execute(db);
  await sql`DROP INDEX IF EXISTS resources_cstr_uq`.execute(db);
  for (const column of ['review_round', 'step_entered_at', 'step_due_at', 'cstr', 'sharing_mode', 'embargo_end', 'embargo_reason', 'licence', 'released_at', 'released_by', 'withdrawn_at', 'withdrawal_reason']) {
    await db.schema.alterTable('resources').dropColumn(column).execute();
  }
}
