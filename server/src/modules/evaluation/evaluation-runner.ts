import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { chinaDate } from '../../platform/china-time';
import { rankByTotal, rollUp, scoreSubject } from './evaluation-compute';
import { loadFacts } from './evaluation-inputs';
import { EvaluationRepository, type SubjectScoreRow } from './evaluation.repository';
import type { Rules } from './evaluation-rules';

const HOUR = 3_600_000;

/** The first day of the China month a moment falls in (YYYY-MM-01), and the month before it (YYYY-MM). */
export function usageCutoff(asOf: Date): { before: string; through: string } {
  const china = new Date(asOf.getTime() + 8 * HOUR);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth();
  const previous = new Date(Date.UTC(year, month - 1, 1));
  return { before: `${china.toISOString().slice(0, 7)}-01`, through: previous.toISOString().slice(0, 7) };
}

/** China midnight of the day `now` falls in, as an instant. */
export function chinaDayStart(now: Date): Date {
  return new Date(`${chinaDate(now)}T00:00:00+08:00`);
}

/** What a run processing pass did. */
export interface RunOutcome {
  runId: string;
  status: 'done' | 'failed' | 'lost';
  subjects: number;
}

/**
 * Computes runs: reads every input set-based as of the run's as_of, scores each subject in memory, and
 * writes all subject and roll-up rows with the run's status in one transaction.
 */
export class EvaluationRunner {
  private readonly repo: EvaluationRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.repo = new EvaluationRepository(db);
  }

  /**
   * Computes and stores one run's scores (queued or running; a done run is left alone). `claimedAt`
   * is the start the caller's claim wrote: when another worker has since retaken the run, nothing is written.
   */
  async computeRun(runId: string, claimedAt?: Date): Promise<RunOutcome> {
    const run = await this.repo.findRun(runId);
    if (!run) throw new Error(`evaluation run ${runId} does not exist`);
    if (run.status === 'done') return { runId, status: 'lost', subjects: run.subjects };
    const asOf = new Date(run.asOf);
    const rules = (await this.repo.findRules(run.ruleVersion))!.rules as Rules;
    const cutoff = usageCutoff(asOf);
    const facts = await loadFacts(this.db, asOf, cutoff.before);
    const asOfDate = chinaDate(asOf);
    const scored = [...facts].map(([subjectId, f]) => ({ subjectId, keys: f.keys, ...scoreSubject(f, rules, asOfDate, cutoff.through) }));
    const ranks = rankByTotal(scored);
    const rows: SubjectScoreRow[] = scored.map((s) => ({ subjectId: s.subjectId, completion: s.completion, sharing: s.sharing, total: s.total, rank: ranks.get(s) ?? null, inputs: s.inputs, components: s.components }));
    const rollups = rollUp(scored);

    return this.db.transaction().execute(async (trx) => {
      const repo = new EvaluationRepository(trx);
      const locked = await repo.lockRun(runId);
      const ours = locked && locked.status !== 'done' && (!claimedAt || (locked.startedAt !== null && new Date(locked.startedAt).getTime() === claimedAt.getTime()));
      if (!ours) return { runId, status: 'lost' as const, subjects: 0 };
      await repo.deleteScores(runId);
      await repo.insertSubjectScores(runId, rows);
      await repo.insertRollups(runId, rollups);
      await repo.finishRun(runId, { status: 'done', subjects: rows.length, error: null });
      return { runId, status: 'done' as const, subjects: rows.length };
    });
  }

  /** Claims and computes queued runs one at a time until none is left; a failing run is marked failed with its error. */
  async processQueued(now = () => new Date()): Promise<RunOutcome[]> {
    const outcomes: RunOutcome[] = [];
    for (;;) {
      const claimed = await this.db.transaction().execute((trx) => new EvaluationRepository(trx).claimNext(now()));
      if (!claimed) return outcomes;
      const claimedAt = new Date(claimed.startedAt!);
      try {
        outcomes.push(await this.computeRun(claimed.id, claimedAt));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.db.updateTable('evaluationRuns').set({ status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() })
          .where('id', '=', claimed.id).where('status', '=', 'running').where('startedAt', '=', claimedAt).execute();
        outcomes.push({ runId: claimed.id, status: 'failed', subjects: 0 });
      }
    }
  }

  /** Queues the day's scheduled run (once per China day, under the current rules) unless there is one already. */
  async queueScheduled(now: Date): Promise<string | null> {
    if (await this.repo.scheduledSince(chinaDayStart(now))) return null;
    const { version } = await this.repo.currentRules();
    const { id } = await this.repo.insertRun({ ruleVersion: version, asOf: now, trigger: 'schedule', requestedBy: null, createdAt: now });
    return id;
  }
}
