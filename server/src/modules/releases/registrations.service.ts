import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { chinaYear } from '../../platform/china-time';
import { ReleasesRepository } from './releases.repository';
import type { Registrar } from './registrar';

const BATCH = 100;

/** Back-off after a failed call: 1, 2, 4 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360) * 60_000;
}

/**
 * Registers minted CSTRs with the registrar, out of band: batches of ≤ 100 are submitted, their tasks
 * polled; a failing call or a refused record waits and is tried again. Release never waits for this.
 */
export class RegistrationsService {
  private readonly repo: ReleasesRepository;

  constructor(db: Kysely<DB>, private readonly config: Config, readonly registrar: Registrar) {
    this.repo = new ReleasesRepository(db);
  }

  async run(now = new Date()): Promise<{ submitted: number; registered: number; failed: number }> {
    const outcome = { submitted: 0, registered: 0, failed: 0 };
    for (;;) {
      const due = await this.repo.dueRegistrations(now, BATCH);
      if (due.length === 0) break;
      const ids = due.map((d) => d.id);
      try {
        const taskId = await this.registrar.submit(due.map((d) => ({
          cstr: d.cstr, title: d.titleZh, url: `${this.config.publicUrl}/r/${d.resourceId}`, resourceType: d.resourceType, publisher: d.publisher,
          year: chinaYear(new Date(d.releasedAt ?? now)),
        })));
        await this.repo.updateRegistrations(ids, { status: 'submitted', taskId, lastError: null, nextAttemptAt: now });
        outcome.submitted += due.length;
      } catch (error) {
        for (const d of due) await this.repo.updateRegistrations([d.id], { attempts: d.attempts + 1, lastError: message(error), nextAttemptAt: new Date(now.getTime() + retryDelayMs(d.attempts + 1)) });
        outcome.failed += due.length;
        break;
      }
      if (due.length < BATCH) break;
    }
    const tasks = new Map<string, Array<{ id: string; cstr: string; attempts: number }>>();
    for (const row of await this.repo.submittedTasks(now)) tasks.set(row.taskId!, [...(tasks.get(row.taskId!) ?? []), row]);
    for (const [taskId, rows] of tasks) {
      try {
        const state = await this.registrar.poll(taskId);
        if (!state.done) continue;
        const refused = new Map(state.failed.map((f) => [f.cstr, f.reason]));
        const ok = rows.filter((r) => !refused.has(r.cstr));
        await this.repo.updateRegistrations(ok.map((r) => r.id), { status: 'registered', registeredAt: now, lastError: null });
        outcome.registered += ok.length;
        for (const r of rows.filter((x) => refused.has(x.cstr))) {
          await this.repo.updateRegistrations([r.id], { status: 'pending', taskId: null, attempts: r.attempts + 1, lastError: refused.get(r.cstr) ?? null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(r.attempts + 1)) });
          outcome.failed += 1;
        }
      } catch (error) {
        for (const r of rows) await this.repo.updateRegistrations([r.id], { attempts: r.attempts + 1, lastError: message(error), nextAttemptAt: new Date(now.getTime() + retryDelayMs(r.attempts + 1)) });
        outcome.failed += rows.length;
      }
    }
    return outcome;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
