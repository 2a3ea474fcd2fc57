import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB, RollupLevel } from '../../db/schema';
import { RegistryRepository, type ScopeFilter } from '../registry/registry.repository';
import type { SubjectVisibility } from '../registry/registry.policy';
import type { RollupRow, ScoreComponents, ScoreInputs } from './evaluation-compute';

// Serialises rule-set versions: two editors saving at once get n+1 and n+2, never a clash.
const RULES_LOCK_KEY = 72_011_801;
const WRITE_BATCH = 2_000;

export type RunTrigger = 'schedule' | 'rules' | 'manual' | 'recompute';
export type ScoreLevel = 'subject' | RollupLevel;
export type ScoreSort = 'rank' | 'total' | 'completion' | 'sharing';

export type SubjectFilters = ScopeFilter;

/** One subject's stored row of a run. */
export interface SubjectScoreRow {
  subjectId: string;
  completion: number | null;
  sharing: number | null;
  total: number | null;
  rank: number | null;
  inputs: ScoreInputs;
  components: ScoreComponents;
}

type ScopeEb = ExpressionBuilder<DB & { s: DB['subjects']; j: DB['projects']; pg: DB['programs'] }, 's' | 'j' | 'pg'>;

/** Rule sets, runs and stored scores. */
export class EvaluationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private rulesQuery() {
    return this.db.selectFrom('evaluationRuleSets as r').leftJoin('users as u', 'u.id', 'r.createdBy').select(['r.version', 'r.rules', 'r.note', 'r.createdAt', 'u.displayName as createdByName']);
  }

  listRules() {
    return this.rulesQuery().orderBy('r.version', 'desc').execute();
  }

  findRules(version: number) {
    return this.rulesQuery().where('r.version', '=', version).executeTakeFirst();
  }

  currentRules() {
    return this.rulesQuery().orderBy('r.version', 'desc').limit(1).executeTakeFirstOrThrow();
  }

  /** Inserts version n + 1 (call inside a transaction: the lock is held to its end). */
  async insertRules(values: { rules: unknown; note: string; createdBy: string | null }) {
    await sql`SELECT pg_advisory_xact_lock(${RULES_LOCK_KEY})`.execute(this.db);
    const { max } = await this.db.selectFrom('evaluationRuleSets').select((eb) => eb.fn.max('version').as('max')).executeTakeFirstOrThrow();
    return this.db.insertInto('evaluationRuleSets').values({ version: Number(max ?? 0) + 1, rules: JSON.stringify(values.rules), note: values.note, createdBy: values.createdBy }).returning('version').executeTakeFirstOrThrow();
  }

  private runsQuery() {
    return this.db.selectFrom('evaluationRuns as e').leftJoin('users as u', 'u.id', 'e.requestedBy').selectAll('e').select('u.displayName as requestedByName');
  }

  insertRun(values: { ruleVersion: number; asOf: Date; trigger: RunTrigger; requestedBy: string | null; createdAt?: Date }) {
    return this.db.insertInto('evaluationRuns').values(values).returning('id').executeTakeFirstOrThrow();
  }

  findRun(id: string) {
    return this.runsQuery().where('e.id', '=', id).executeTakeFirst();
  }

  async listRuns(page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      this.runsQuery().orderBy('e.createdAt', 'desc').orderBy('e.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      this.db.selectFrom('evaluationRuns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** The newest done run: latest as_of, then latest created. */
  newestDoneRun() {
    return this.runsQuery().where('e.status', '=', 'done').orderBy('e.asOf', 'desc').orderBy('e.createdAt', 'desc').limit(1).executeTakeFirst();
  }

  /** Up to `limit` done runs up to and including this one (by as_of, then creation), oldest first. */
  async doneRunsUpTo(run: { id: string; asOf: Date; createdAt: Date }, limit: number) {
    const rows = await this.db.selectFrom('evaluationRuns').select(['id', 'asOf', 'ruleVersion'])
      .where('status', '=', 'done')
      .where((eb) => eb.or([eb('id', '=', run.id), eb('asOf', '<', run.asOf), eb.and([eb('asOf', '=', run.asOf), eb('createdAt', '<', run.createdAt)])]))
      .orderBy('asOf', 'desc').orderBy('createdAt', 'desc').limit(limit).execute();
    return rows.reverse();
  }

  scheduledSince(since: Date) {
    return this.db.selectFrom('evaluationRuns').select('id').where('trigger', '=', 'schedule').where('createdAt', '>=', since).executeTakeFirst();
  }

  /** Claims the oldest queued run (or a running one abandoned for 30 minutes); call inside a transaction. */
  async claimNext(now: Date) {
    const stale = new Date(now.getTime() - 30 * 60_000);
    const run = await this.db.selectFrom('evaluationRuns').select(['id'])
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('startedAt', '<', stale)])]))
      .orderBy('createdAt').limit(1).forUpdate().skipLocked().executeTakeFirst();
    if (!run) return null;
    return this.db.updateTable('evaluationRuns').set({ status: 'running', startedAt: now, error: null }).where('id', '=', run.id).returningAll().executeTakeFirstOrThrow();
  }

  lockRun(id: string) {
    return this.db.selectFrom('evaluationRuns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  finishRun(id: string, values: { status: 'done' | 'failed'; subjects?: number; error?: string | null }) {
    return this.db.updateTable('evaluationRuns').set({ ...values, finishedAt: new Date() }).where('id', '=', id).execute();
  }

  deleteScores(runId: string) {
    return Promise.all([
      this.db.deleteFrom('subjectScores').where('runId', '=', runId).execute(),
      this.db.deleteFrom('rollupScores').where('runId', '=', runId).execute(),
    ]);
  }

  /** Writes subject rows in batches, each one statement over a JSON array (no parameter limit). */
  async insertSubjectScores(runId: string, rows: SubjectScoreRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const batch = rows.slice(i, i + WRITE_BATCH).map((r) => ({ subject_id: r.subjectId, completion: r.completion, sharing: r.sharing, total: r.total, rank: r.rank, inputs: r.inputs, components: r.components }));
      await sql`
        INSERT INTO subject_scores (run_id, subject_id, completion, sharing, total, rank, inputs, components)
        SELECT ${runId}::uuid, x.subject_id, x.completion, x.sharing, x.total, x.rank, x.inputs, x.components
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(subject_id uuid, completion numeric, sharing numeric, total numeric, rank integer, inputs jsonb, components jsonb)`.execute(this.db);
    }
  }

  /** Writes the run's roll-up rows (computed with the subject rows), in batches like the subject rows. */
  async insertRollups(runId: string, rows: RollupRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH * 5) {
      await sql`
        INSERT INTO rollup_scores (run_id, level, key, subjects, completion, sharing, total, rank)
        SELECT ${runId}::uuid, x.level, x.key, x.subjects, x.completion, x.sharing, x.total, x.rank
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + WRITE_BATCH * 5))}::jsonb) AS x(level text, key text, subjects integer, completion numeric, sharing numeric, total numeric, rank integer)`.execute(this.db);
    }
  }

  /** The visible subjects matching the filters, as a condition on subjects `s`. */
  private scope(eb: ScopeEb, visibility: SubjectVisibility, filters: SubjectFilters): Expression<SqlBool> {
    const filtered = Object.values(filters).some((value) => value !== undefined && value !== '');
    if (visibility.all && !filtered) return sql<boolean>`true`;
    return eb('s.id', 'in', new RegistryRepository(this.db).scopedSubjectIds(visibility, filters));
  }

  /** A page of the run's subject rows within the scope. */
  async subjectPage(runId: string, visibility: SubjectVisibility, filters: SubjectFilters, sort: ScoreSort, order: 'asc' | 'desc', page: number, pageSize: number) {
    // The count needs no subject columns: the scope narrows by subject id (all of the run's rows for the ministry).
    const scoped = !visibility.all || Object.values(filters).some((value) => value !== undefined && value !== '');
    const scores = this.db.selectFrom('subjectScores as ss').where('ss.runId', '=', runId)
      .$if(scoped, (qb) => qb.where('ss.subjectId', 'in', new RegistryRepository(this.db).scopedSubjectIds(visibility, filters)));
    const column = sort === 'rank' ? 'ss.rank' : `ss.${sort}` as const;
    const [items, total] = await Promise.all([
      scores.innerJoin('subjects as s', 's.id', 'ss.subjectId')
        .select(['ss.subjectId', 's.code as key', 's.titleZh as name', 'ss.completion', 'ss.sharing', 'ss.total', 'ss.rank'])
        .orderBy(column, (ob) => (order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast())).orderBy('s.code')
        .limit(pageSize).offset((page - 1) * pageSize).execute(),
      scores.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** A page of the run's roll-up rows of a level: keys with at least one subject in the scope (all keys when unscoped). */
  async rollupPage(runId: string, level: RollupLevel, visibility: SubjectVisibility, filters: SubjectFilters, sort: ScoreSort, order: 'asc' | 'desc', page: number, pageSize: number) {
    const scoped = !visibility.all || Object.values(filters).some((v) => v !== undefined && v !== '');
    const base = this.db.selectFrom('rollupScores as rs')
      .where('rs.runId', '=', runId)
      .where('rs.level', '=', level)
      .$if(scoped, (qb) => qb.where((eb) => eb.exists(eb.selectFrom('subjectScores as ss')
        .innerJoin('subjects as s', 's.id', 'ss.subjectId')
        .innerJoin('projects as j', 'j.id', 's.projectId')
        .innerJoin('programs as pg', 'pg.id', 'j.programId')
        .select('ss.subjectId')
        .where('ss.runId', '=', runId)
        .where(KEY_OF_SUBJECT[level])
        .where((inner) => this.scope(inner, visibility, filters)))));
    const column = `rs.${sort}` as const;
    const [items, total] = await Promise.all([
      base.select(['rs.key', 'rs.subjects', 'rs.completion', 'rs.sharing', 'rs.total', 'rs.rank', NAME_OF_KEY[level].as('name')])
        .orderBy(column, (ob) => (order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast())).orderBy('rs.key')
        .limit(pageSize).offset((page - 1) * pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** Totals of these subjects (by id) in these runs. */
  subjectTotals(runIds: string[], subjectIds: string[]) {
    if (runIds.length === 0 || subjectIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('subjectScores').select(['runId', 'subjectId as key', 'total']).where('runId', 'in', runIds).where('subjectId', 'in', subjectIds).execute();
  }

  /** Totals of these keys of a level in these runs. */
  rollupTotals(runIds: string[], level: RollupLevel, keys: string[]) {
    if (runIds.length === 0 || keys.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('rollupScores').select(['runId', 'key', 'total']).where('runId', 'in', runIds).where('level', '=', level).where('key', 'in', keys).execute();
  }

  subjectScore(runId: string, subjectId: string) {
    return this.db.selectFrom('subjectScores').selectAll().where('runId', '=', runId).where('subjectId', '=', subjectId).executeTakeFirst();
  }

  /** The subject's scores in every done run, oldest first. */
  subjectHistory(subjectId: string) {
    return this.db.selectFrom('subjectScores as ss').innerJoin('evaluationRuns as e', 'e.id', 'ss.runId')
      .select(['e.id as runId', 'e.asOf', 'e.ruleVersion', 'ss.completion', 'ss.sharing', 'ss.total'])
      .where('ss.subjectId', '=', subjectId).where('e.status', '=', 'done')
      .orderBy('e.asOf').orderBy('e.createdAt').execute();
  }

  /** Scores of these subjects in a run (for records). */
  scoresOf(runId: string, subjectIds: string[]) {
    if (subjectIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('subjectScores').selectAll().where('runId', '=', runId).where('subjectId', 'in', subjectIds).execute();
  }

  rollup(runId: string, level: RollupLevel, key: string) {
    return this.db.selectFrom('rollupScores').selectAll().where('runId', '=', runId).where('level', '=', level).where('key', '=', key).executeTakeFirst();
  }

  async rollupCount(runId: string, level: RollupLevel): Promise<number> {
    const row = await this.db.selectFrom('rollupScores').select((eb) => eb.fn.countAll<number>().as('n')).where('runId', '=', runId).where('level', '=', level).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** How a subject `s` (program `pg`) belongs to a roll-up key `rs.key` of each level. */
const KEY_OF_SUBJECT: Record<RollupLevel, Expression<SqlBool>> = {
  pi: sql<boolean>`s.pi_user_id::text = rs.key`,
  unit: sql<boolean>`s.lead_unit_id::text = rs.key`,
  province: sql<boolean>`left(s.region_code, 2) || '0000' = rs.key`,
  platform: sql<boolean>`s.platform_org_id::text = rs.key`,
  program: sql<boolean>`pg.code = rs.key`,
};

/** The display name of a roll-up key (Chinese; the registry keeps the English names apart). */
const NAME_OF_KEY: Record<RollupLevel, ReturnType<typeof sql<string | null>>> = {
  pi: sql<string | null>`(SELECT display_name FROM users WHERE id = rs.key::uuid)`,
  unit: sql<string | null>`(SELECT name_zh FROM organisations WHERE id = rs.key::uuid)`,
  province: sql<string | null>`(SELECT name_zh FROM regions WHERE code = rs.key)`,
  platform: sql<string | null>`(SELECT name_zh FROM organisations WHERE id = rs.key::uuid)`,
  program: sql<string | null>`(SELECT title_zh FROM programs WHERE code = rs.key)`,
};
