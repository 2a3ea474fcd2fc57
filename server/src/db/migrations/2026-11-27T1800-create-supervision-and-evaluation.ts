import { sql, type Kysely } from 'kysely';

// Supervision, evaluation and utilisation reports (issue #8; contract in docs/supervision-and-evaluation.md).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Settings the ministry edits (reminder schedule, report schedule): one JSON value per key.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Reminders (table from T1400) also log who was reminded of what, by hand or by the schedule.
  await sql`ALTER TABLE reminders ADD COLUMN message text`.execute(db);
  await db.schema.createIndex('reminders_item_idx').on('reminders').columns(['item_type', 'item_id', 'created_at']).execute();

  // Collection funding actually spent, as reported by the unit; the newest report counts.
  await db.schema
    .createTable('funding_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('amount_spent', 'numeric(14, 2)', (c) => c.notNull().check(sql`amount_spent >= 0`))
    .addColumn('note', 'text')
    .addColumn('reported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('funding_reports_subject_idx').on('funding_reports').columns(['subject_id', 'reported_at']).execute();

  // Reported reuse of a released resource (a citation or a benefit statement), reviewed by its platform.
  await db.schema
    .createTable('reuse_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('citation','benefit')`))
    .addColumn('citation', 'text')
    .addColumn('doi', 'text')
    .addColumn('url', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending','accepted','rejected')`))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_note', 'text')
    .execute();
  await db.schema.createIndex('reuse_reports_resource_idx').on('reuse_reports').columns(['resource_id', 'status']).execute();
  await db.schema.createIndex('reuse_reports_status_idx').on('reuse_reports').columns(['status', 'reported_at']).execute();

  // Evaluation rules: weights and targets as data, one immutable row per version.
  await db.schema
    .createTable('evaluation_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Version 1: the defaults of DESIGN §8 (weights within each group sum to 1; targets saturate the sharing counts).
  const defaults = {
    weights: { completion: 0.6, sharing: 0.4 },
    completion: { timeliness: 0.35, quantity: 0.4, quality: 0.25 },
    quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.2 },
    sharing: { views: 0.15, searchHits: 0.1, downloads: 0.25, uniqueUsers: 0.2, applications: 0.1, reuse: 0.2 },
    targets: { views: 500, searchHits: 2000, downloads: 100, uniqueUsers: 50, applications: 5, reuse: 3 },
  };
  await sql`INSERT INTO evaluation_rule_sets (version, rules, note) VALUES (1, ${JSON.stringify(defaults)}::jsonb, '默认规则（DESIGN §8）')`.execute(db);

  // One computation of every score under one rule version, as of one moment.
  await db.schema
    .createTable('evaluation_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('rule_version', 'integer', (c) => c.notNull().references('evaluation_rule_sets.version'))
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger IN ('schedule','rules','manual','recompute')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued','running','done','failed')`))
    .addColumn('subjects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('evaluation_runs_status_idx').on('evaluation_runs').columns(['status', 'created_at']).execute();

  // Scores of each subject in a run, with every input count and component score (the shown computation).
  await db.schema
    .createTable('subject_scores')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('evaluation_runs.id').onDelete('cascade'))
    .addColumn('subject_id', 'uuid', (c) => c.notNull().references('subjects.id'))
    .addColumn('completion', 'numeric(6, 2)')
    .addColumn('sharing', 'numeric(6, 2)')
    .addColumn('total', 'numeric(6, 2)')
    .addColumn('rank', 'integer')
    .addColumn('inputs', 'jsonb', (c) => c.notNull())
    .addColumn('components', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_scores_pk', ['run_id', 'subject_id'])
    .execute();
  await db.schema.createIndex('subject_scores_subject_idx').on('subject_scores').columns(['subject_id', 'run_id']).execute();
  // A ranking page reads one run's rows in rank order without sorting the whole run.
  await db.schema.createIndex('subject_scores_rank_idx').on('subject_scores').columns(['run_id', 'rank', 'subject_id']).execute();

  // Roll-ups of a run per PI, unit, province, platform and program: means of their subjects' scores, ranked.
  await db.schema
    .createTable('rollup_scores')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('evaluation_runs.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level IN ('pi','unit','province','platform','program')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('subjects', 'integer', (c) => c.notNull())
    .addColumn('completion', 'numeric(6, 2)')
    .addColumn('sharing', 'numeric(6, 2)')
    .addColumn('total', 'numeric(6, 2)')
    .addColumn('rank', 'integer')
    .addPrimaryKeyConstraint('rollup_scores_pk', ['run_id', 'level', 'key'])
    .execute();
  await db.schema.createIndex('rollup_scores_key_idx').on('rollup_scores').columns(['level', 'key', 'run_id']).execute();

  // Who receives a program's utilisation reports (program management contacts; need not be users).
  await db.schema
    .createTable('program_contacts')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_contacts_pk', ['program_id', 'email'])
    .execute();

  // Utilisation reports: generated in the background, files stored content-addressed (blob before row update).
  await db.schema
    .createTable('utilisation_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('scope_type', 'text', (c) => c.notNull().check(sql`scope_type IN ('project','program')`))
    .addColumn('scope_id', 'uuid', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period IN ('monthly','quarterly','yearly','on_demand')`))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status IN ('queued','running','done','failed')`))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'jsonb')
    .addColumn('pdf_sha256', 'char(64)')
    .addColumn('xlsx_sha256', 'char(64)')
    .addColumn('download_key', 'char(32)', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('error', 'text')
    .execute();
  // A scheduled report exists once per scope and period, whichever instance creates it.
  await sql`CREATE UNIQUE INDEX utilisation_reports_scheduled_uq ON utilisation_reports (scope_type, scope_id, period, period_start) WHERE period <> 'on_demand'`.execute(db);
  await db.schema.createIndex('utilisation_reports_status_idx').on('utilisation_reports').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('utilisation_reports_scope_idx').on('utilisation_reports').columns(['scope_type', 'scope_id', 'created_at']).execute();

}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['utilisation_reports', 'program_contacts', 'rollup_scores', 'subject_scores', 'evaluation_runs', 'evaluation_rule_sets', 'reuse_reports', 'funding_reports', 'settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP INDEX IF EXISTS reminders_item_idx`.execute(db);
  await sql`ALTER TABLE reminders DROP COLUMN IF EXISTS message`.execute(db);
}
