import { sql, type Kysely } from 'kysely';

// Per-subject progress for the supervision dashboards (docs/supervision-and-evaluation.md, "Progress
// table"). Re-aggregating 1 M resources and every plan line on each ministry request took 4–5 s
// (bench/evaluation); the dashboards now aggregate one narrow row per subject. Rows are recomputed for
// the subjects marked stale, before each dashboard read and every minute by a job; statement-level
// triggers mark a subject stale whenever something its figures are computed from changes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Everything time-independent about a subject's progress; what depends on "now" (overdue) is derived
  // at read time from the stored deadlines. Arrays follow DESIGN §3's resource type order.
  await sql`
    CREATE TABLE subject_progress (
      subject_id uuid PRIMARY KEY REFERENCES subjects (id) ON DELETE CASCADE,
      -- The subject's own columns the dashboards group, sort and sum by, so the whole country reads one table.
      code text NOT NULL,
      region_code text NOT NULL,
      lead_unit_id uuid NOT NULL,
      platform_org_id uuid NOT NULL,
      project_code text NOT NULL,
      program_code text NOT NULL,
      acceptance_date date,
      collection_budget numeric(14, 2) NOT NULL,
      planned integer NOT NULL,
      delivered integer NOT NULL,
      planned_by_type integer[] NOT NULL,
      delivered_by_type integer[] NOT NULL,
      complete boolean NOT NULL,
      -- Earliest due date of an approved plan line not yet covered by releases (waived types left out), per type and overall.
      open_due_by_type date[] NOT NULL,
      first_open_due date,
      released integer NOT NULL,
      in_unit integer NOT NULL,
      in_platform integer NOT NULL,
      in_expert integer NOT NULL,
      -- Earliest review-step deadline among the subject's resources in review or returned.
      review_due_at timestamptz,
      approved boolean NOT NULL,
      plan_status text NOT NULL,
      -- Deadline of the newest plan version while it is in review or returned, else null.
      plan_review_due_at timestamptz,
      certificate_code text,
      spent numeric(14, 2) NOT NULL,
      refreshed_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Subject lists are ordered by code by default.
  await sql`CREATE INDEX subject_progress_code_idx ON subject_progress (code)`.execute(db);

  // Per subject and type, what the subject lists show (kept apart so the overview's rows stay narrow).
  await sql`
    CREATE TABLE subject_type_progress (
      subject_id uuid NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
      resource_type text NOT NULL,
      planned integer NOT NULL,
      delivered integer NOT NULL,
      -- The earliest due date of a line not yet covered, else the last line's.
      due_date date,
      waived boolean NOT NULL,
      PRIMARY KEY (subject_id, resource_type)
    )`.execute(db);

  // The uncovered plan lines, one row per subject, type and due date: the overview counts the overdue ones.
  await sql`
    CREATE TABLE subject_open_lines (
      subject_id uuid NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
      resource_type text NOT NULL,
      due_date date NOT NULL,
      lines integer NOT NULL CHECK (lines > 0),
      PRIMARY KEY (subject_id, resource_type, due_date)
    )`.execute(db);
  await sql`CREATE INDEX subject_open_lines_due_idx ON subject_open_lines (due_date, subject_id) INCLUDE (lines)`.execute(db);

  // Subjects whose progress row is out of date. `mark` changes on every new change, so a refresh removes
  // only the marks it read: a change committed meanwhile keeps its subject stale for the next refresh.
  await sql`CREATE SEQUENCE subject_progress_mark`.execute(db);
  await sql`
    CREATE TABLE subject_progress_stale (
      subject_id uuid PRIMARY KEY,
      mark bigint NOT NULL DEFAULT nextval('subject_progress_mark')
    )`.execute(db);

  await sql`
    CREATE FUNCTION mark_subject_progress_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- TG_ARGV[0]: how the changed rows lead to their subject. Marks are written in subject order, so two
      -- statements marking the same subjects lock them in the same order (no deadlock between them).
      IF TG_ARGV[0] = 'id' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_progress_stale (subject_id) SELECT id FROM new_rows
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        END IF;
      ELSIF TG_ARGV[0] = 'project_id' THEN
        INSERT INTO subject_progress_stale (subject_id)
        SELECT s.id FROM new_rows n JOIN subjects s ON s.project_id = n.id
        ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
      ELSIF TG_ARGV[0] = 'program_id' THEN
        INSERT INTO subject_progress_stale (subject_id)
        SELECT s.id FROM new_rows n JOIN projects j ON j.program_id = n.id JOIN subjects s ON s.project_id = j.id
        ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
      ELSIF TG_ARGV[0] = 'subject_id' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_progress_stale (subject_id) SELECT DISTINCT subject_id FROM new_rows
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          INSERT INTO subject_progress_stale (subject_id) SELECT DISTINCT subject_id FROM old_rows
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        END IF;
      ELSIF TG_ARGV[0] = 'plan_id' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_progress_stale (subject_id)
          SELECT DISTINCT p.subject_id FROM new_rows n JOIN plans p ON p.id = n.plan_id
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        ELSE
          INSERT INTO subject_progress_stale (subject_id)
          SELECT DISTINCT p.subject_id FROM old_rows o JOIN plans p ON p.id = o.plan_id
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        END IF;
      ELSIF TG_ARGV[0] = 'plan_version_id' THEN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO subject_progress_stale (subject_id)
          SELECT DISTINCT p.subject_id FROM new_rows n JOIN plan_versions v ON v.id = n.plan_version_id JOIN plans p ON p.id = v.plan_id
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        ELSE
          INSERT INTO subject_progress_stale (subject_id)
          SELECT DISTINCT p.subject_id FROM old_rows o JOIN plan_versions v ON v.id = o.plan_version_id JOIN plans p ON p.id = v.plan_id
          ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
        END IF;
      END IF;
      RETURN NULL;
    END $$`.execute(db);

  // Resources change often without touching progress (autosaves, search text): only a change of status,
  // review deadline, type or subject marks the subject.
  await sql`
    CREATE FUNCTION mark_resource_progress_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO subject_progress_stale (subject_id) SELECT DISTINCT subject_id FROM new_rows
        ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO subject_progress_stale (subject_id) SELECT DISTINCT subject_id FROM old_rows
        ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
      ELSE
        INSERT INTO subject_progress_stale (subject_id)
        SELECT DISTINCT s.subject_id FROM new_rows n JOIN old_rows o ON o.id = n.id,
          LATERAL (VALUES (n.subject_id), (o.subject_id)) s (subject_id)
        WHERE n.status IS DISTINCT FROM o.status OR n.step_due_at IS DISTINCT FROM o.step_due_at
          OR n.resource_type IS DISTINCT FROM o.resource_type OR n.subject_id IS DISTINCT FROM o.subject_id
        ORDER BY 1 ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark;
      END IF;
      RETURN NULL;
    END $$`.execute(db);

  const watched: Array<[table: string, how: string]> = [
    ['plans', 'subject_id'], ['plan_waivers', 'subject_id'], ['certificates', 'subject_id'], ['funding_reports', 'subject_id'],
    ['plan_versions', 'plan_id'], ['plan_lines', 'plan_version_id'],
  ];
  for (const [table, how] of watched) {
    for (const [event, transition] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']] as const) {
      await sql.raw(`CREATE TRIGGER ${table}_progress_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${transition}
        FOR EACH STATEMENT EXECUTE FUNCTION mark_subject_progress_stale('${how}')`).execute(db);
    }
  }
  // A subject created or edited (its code, region, units, budget, acceptance date), a project or program
  // renamed or moved: the copied columns follow. Deleting a subject deletes its progress (ON DELETE CASCADE).
  for (const [table, how, events] of [['subjects', 'id', ['INSERT', 'UPDATE']], ['projects', 'project_id', ['UPDATE']], ['programs', 'program_id', ['UPDATE']]] as const) {
    for (const event of events) {
      await sql.raw(`CREATE TRIGGER ${table}_progress_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION mark_subject_progress_stale('${how}')`).execute(db);
    }
  }
  for (const [event, transition] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']] as const) {
    await sql.raw(`CREATE TRIGGER resources_progress_${event.toLowerCase()} AFTER ${event} ON resources REFERENCING ${transition}
      FOR EACH STATEMENT EXECUTE FUNCTION mark_resource_progress_stale()`).execute(db);
  }

  // Every existing subject starts stale: the first refresh (job or dashboard read) computes them all.
  await sql`INSERT INTO subject_progress_stale (subject_id) SELECT id FROM subjects`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['plans', 'plan_waivers', 'certificates', 'funding_reports', 'plan_versions', 'plan_lines', 'resources', 'subjects', 'projects', 'programs']) {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_progress_${event} ON ${table}`).execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS mark_resource_progress_stale()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS mark_subject_progress_stale()`.execute(db);
  await sql`DROP TABLE IF EXISTS subject_progress_stale`.execute(db);
  await sql`DROP SEQUENCE IF EXISTS subject_progress_mark`.execute(db);
  await sql`DROP TABLE IF EXISTS subject_open_lines`.execute(db);
  await sql`DROP TABLE IF EXISTS subject_type_progress`.execute(db);
  await sql`DROP TABLE IF EXISTS subject_progress`.execute(db);
}
