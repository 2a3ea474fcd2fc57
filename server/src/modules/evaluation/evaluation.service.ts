import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, RollupLevel } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { BlobStore } from '../../platform/blobs';
import type { Ctx } from '../../platform/context';
import { iso } from '../../platform/format';
import { subjectVisibility } from '../registry/registry.policy';
import type { RegistryService } from '../registry/registry.service';
import { RegistryRepository } from '../registry/registry.repository';
import { checkWeights, type Rules } from './evaluation-rules';
import { EvaluationRunner, type RunOutcome } from './evaluation-runner';
import { EvaluationRepository, type RunTrigger, type ScoreLevel, type ScoreSort, type SubjectFilters } from './evaluation.repository';
import { num, presentRuleSet, presentRun } from './evaluation.presenter';
import { RecordsService } from './records.service';

const TREND_RUNS = 12;

/** Where background failures are reported (the Fastify logger once the routes are registered). */
export interface EvaluationLog {
  error(object: unknown, message: string): void;
}

export interface ScoresQuery extends SubjectFilters {
  level: ScoreLevel;
  run?: string;
  sort: ScoreSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Evaluation rule sets, runs, scores, roll-ups and records (docs/supervision-and-evaluation.md). */
export class EvaluationService {
  private readonly repo: EvaluationRepository;
  private readonly runner: EvaluationRunner;
  readonly records: RecordsService;
  log: EvaluationLog = { error: (object, message) => console.error(message, object) };
  private processing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly blobs: BlobStore) {
    this.repo = new EvaluationRepository(db);
    this.runner = new EvaluationRunner(db);
    this.records = new RecordsService(db, this.repo);
  }

  async rules(ctx: Ctx) {
    authorize(ctx.actor, 'evaluation.read', null);
    const versions = (await this.repo.listRules()).map(presentRuleSet);
    return { current: versions[0]!, versions };
  }

  async ruleVersion(ctx: Ctx, version: number) {
    authorize(ctx.actor, 'evaluation.read', null);
    const row = await this.repo.findRules(version);
    if (!row) throw new AppError('evaluation.rules_not_found');
    return presentRuleSet(row);
  }

  /** Saves rule version n + 1 (immutable from then on) and queues a run under it. */
  async createRules(ctx: Ctx, input: { rules: Rules; note: string }) {
    authorize(ctx.actor, 'evaluation.rules', null);
    checkWeights(input.rules);
    const note = input.note.trim();
    const by = ctx.actor.userId || null;
    const { version, runId } = await this.db.transaction().execute(async (trx) => {
      const repo = new EvaluationRepository(trx);
      const created = await repo.insertRules({ rules: input.rules, note, createdBy: by });
      const run = await repo.insertRun({ ruleVersion: created.version, asOf: new Date(), trigger: 'rules', requestedBy: by });
      await recordAudit(trx, ctx, { action: 'evaluation.rules_created', objectType: 'evaluation_rules', objectId: String(created.version), after: { version: created.version, rules: input.rules, note, runId: run.id } });
      return { version: created.version, runId: run.id };
    });
    const answer = { ruleSet: presentRuleSet((await this.repo.findRules(version))!), run: presentRun((await this.repo.findRun(runId))!) };
    this.kick();
    return answer;
  }

  async runs(ctx: Ctx, page: number, pageSize: number) {
    authorize(ctx.actor, 'evaluation.read', null);
    const { items, total } = await this.repo.listRuns(page, pageSize);
    return { total, items: items.map(presentRun) };
  }

  /** Queues a manual run under the current rules, as of now or a past moment. */
  async startRun(ctx: Ctx, input: { asOf?: string }) {
    authorize(ctx.actor, 'evaluation.rules', null);
    const asOf = input.asOf ? new Date(input.asOf) : new Date();
    if (asOf.getTime() > Date.now()) throw fieldError('evaluation.bad_as_of', '/asOf');
    const { version } = await this.repo.currentRules();
    return this.queue(ctx, { ruleVersion: version, asOf, trigger: 'manual' });
  }

  /** Queues the same computation again: same rule version, same as_of (the numbers come out the same). */
  async recompute(ctx: Ctx, runId: string) {
    authorize(ctx.actor, 'evaluation.rules', null);
    const run = await this.repo.findRun(runId);
    if (!run) throw new AppError('evaluation.run_not_found');
    return this.queue(ctx, { ruleVersion: run.ruleVersion, asOf: new Date(run.asOf), trigger: 'recompute', of: run.id });
  }

  private async queue(ctx: Ctx, values: { ruleVersion: number; asOf: Date; trigger: RunTrigger; of?: string }) {
    const id = await this.db.transaction().execute(async (trx) => {
      const run = await new EvaluationRepository(trx).insertRun({ ruleVersion: values.ruleVersion, asOf: values.asOf, trigger: values.trigger, requestedBy: ctx.actor?.userId || null });
      await recordAudit(trx, ctx, { action: 'evaluation.run_queued', objectType: 'evaluation_run', objectId: run.id, after: { ruleVersion: values.ruleVersion, asOf: values.asOf, trigger: values.trigger, recomputes: values.of ?? null } });
      return run.id;
    });
    const run = presentRun((await this.repo.findRun(id))!);
    this.kick();
    return run;
  }

  /** Scores of a run at one level, narrowed to the actor's subjects and the filters, with trends. */
  async scores(ctx: Ctx, query: ScoresQuery) {
    authorize(ctx.actor, 'evaluation.read', null);
    const visibility = subjectVisibility(ctx.actor)!;
    const run = query.run ? await this.repo.findRun(query.run) : await this.repo.newestDoneRun();
    if (query.run && !run) throw new AppError('evaluation.run_not_found');
    if (!run) return { run: null, level: query.level, total: 0, items: [] };
    const order = query.order ?? (query.sort === 'rank' ? 'asc' : 'desc');
    const filters: SubjectFilters = { province: query.province, unitId: query.unitId, platformId: query.platformId, programCode: query.programCode, projectCode: query.projectCode, q: query.q };
    const trendRuns = run.status === 'done' ? await this.repo.doneRunsUpTo(run, TREND_RUNS) : [];
    const previous = trendRuns.length >= 2 ? trendRuns[trendRuns.length - 2]! : null;

    const page = query.level === 'subject'
      ? await this.subjectRows(run.id, visibility, filters, query, order, trendRuns.map((r) => r.id))
      : await this.rollupRows(run.id, query.level, visibility, filters, query, order, trendRuns.map((r) => r.id));
    const totalOf = (runId: string, key: string) => page.totals.get(`${runId}|${key}`) ?? null;
    return {
      run: presentRun(run),
      level: query.level,
      total: page.total,
      items: page.items.map((row) => ({
        key: row.key, name: row.name, subjects: row.subjects, completion: num(row.completion), sharing: num(row.sharing), total: num(row.total), rank: row.rank,
        previousTotal: previous ? totalOf(previous.id, row.lookup) : null,
        trend: trendRuns.map((r) => ({ runId: r.id, asOf: iso(r.asOf)!, total: totalOf(r.id, row.lookup) })),
      })),
    };
  }

  private async subjectRows(runId: string, visibility: NonNullable<ReturnType<typeof subjectVisibility>>, filters: SubjectFilters, query: ScoresQuery, order: 'asc' | 'desc', trendRunIds: string[]) {
    const { items, total } = await this.repo.subjectPage(runId, visibility, filters, query.sort, order, query.page, query.pageSize);
    const totals = await this.repo.subjectTotals(trendRunIds, items.map((i) => i.subjectId));
    return {
      total,
      items: items.map((i) => ({ ...i, subjects: 1, lookup: i.subjectId })),
      totals: new Map(totals.map((t) => [`${t.runId}|${t.key}`, num(t.total)])),
    };
  }

  private async rollupRows(runId: string, level: RollupLevel, visibility: NonNullable<ReturnType<typeof subjectVisibility>>, filters: SubjectFilters, query: ScoresQuery, order: 'asc' | 'desc', trendRunIds: string[]) {
    const { items, total } = await this.repo.rollupPage(runId, level, visibility, filters, query.sort, order, query.page, query.pageSize);
    const totals = await this.repo.rollupTotals(trendRunIds, level, items.map((i) => i.key));
    return {
      total,
      items: items.map((i) => ({ ...i, lookup: i.key })),
      totals: new Map(totals.map((t) => [`${t.runId}|${t.key}`, num(t.total)])),
    };
  }

  /** One subject's score in a run with every input and component (the shown computation), and its history. */
  async subject(ctx: Ctx, code: string, runId?: string) {
    authorize(ctx.actor, 'evaluation.read', null);
    const found = await new RegistryRepository(this.db).findSubjectByCode(code);
    if (!found) throw new AppError('subject.not_found');
    const { subject } = await this.registry.subjectFor(ctx, found.id, 'subject.read');
    const run = runId ? await this.repo.findRun(runId) : await this.repo.newestDoneRun();
    if (runId && !run) throw new AppError('evaluation.run_not_found');
    const score = run ? await this.repo.subjectScore(run.id, subject.id) : undefined;
    if (!run || !score) throw new AppError('evaluation.not_scored');
    const [rules, history] = await Promise.all([this.repo.findRules(run.ruleVersion), this.repo.subjectHistory(subject.id)]);
    return {
      subject: { code: subject.code, titleZh: subject.titleZh, titleEn: subject.titleEn },
      run: presentRun(run),
      rules: rules!.rules as Rules,
      score: { completion: num(score.completion), sharing: num(score.sharing), total: num(score.total), rank: score.rank, of: run.subjects },
      inputs: score.inputs as never,
      components: score.components as never,
      history: history.map((h) => ({ runId: h.runId, asOf: iso(h.asOf)!, ruleVersion: h.ruleVersion, completion: num(h.completion), sharing: num(h.sharing), total: num(h.total) })),
    };
  }

  /** The job: queues the day's scheduled run if there is none yet, then computes every queued run. */
  async runDue(now = new Date()): Promise<{ queued: string | null; runs: RunOutcome[] }> {
    const queued = await this.runner.queueScheduled(now);
    return { queued, runs: await this.runner.processQueued() };
  }

  /** Computes and stores one queued run's scores right now (the benchmark's entry point). */
  computeRun(runId: string): Promise<RunOutcome> {
    return this.runner.computeRun(runId);
  }

  /** Computes every queued run, one at a time. */
  processQueued(): Promise<RunOutcome[]> {
    return this.runner.processQueued();
  }

  /** Starts computing queued runs in the background: never awaited by a request; failures are logged. */
  private kick(): void {
    if (this.processing) {
      this.again = true;
      return;
    }
    this.processing = (async () => {
      do {
        this.again = false;
        await this.runner.processQueued();
      } while (this.again);
    })().catch((error: unknown) => this.log.error({ err: error }, 'evaluation runs failed in the background')).finally(() => {
      this.processing = null;
    });
  }

  /** Resolves once background processing started by this instance has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.processing) await this.processing;
  }

  /** The newest done run, for reports' evaluation summaries. */
  async latestDoneRun() {
    const run = await this.repo.newestDoneRun();
    return run ? presentRun(run) : null;
  }

  /** Stored scores of these subjects in a run (0–100), for reports. */
  async scoresOf(runId: string, subjectIds: string[]) {
    return (await this.repo.scoresOf(runId, subjectIds)).map((s) => ({ subjectId: s.subjectId, completion: num(s.completion), sharing: num(s.sharing), total: num(s.total), rank: s.rank }));
  }
}
