import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/schema';

/** A periodic job: it runs at most once per slot across every app instance. */
export interface ScheduledJob {
  name: string;
  /** Slot length in milliseconds (e.g. one hour): the job runs once per slot. */
  everyMs: number;
  run(): Promise<string>;
}

/**
 * A scheduler in PostgreSQL: every instance ticks, and the one whose INSERT of (job, slot) succeeds
 * runs the job for that slot. Works the same on PGlite and on N instances against one PostgreSQL.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<DB>, private readonly jobs: ScheduledJob[], private readonly log: FastifyBaseLogger) {}

  /** Claims and runs every job whose current slot nobody has run yet. */
  async tick(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const slot = String(Math.floor(now.getTime() / job.everyMs));
      const claimed = await this.db
        .insertInto('jobRuns')
        .values({ name: job.name, slot })
        .onConflict((oc) => oc.columns(['name', 'slot']).doNothing())
        .returning('name')
        .executeTakeFirst();
      if (!claimed) continue;
      let outcome: string;
      try {
        outcome = await job.run();
      } catch (error) {
        outcome = `error: ${error instanceof Error ? error.message : String(error)}`;
        this.log.error({ err: error, job: job.name }, 'scheduled job failed');
      }
      await this.db.updateTable('jobRuns').set({ finishedAt: new Date(), outcome: outcome.slice(0, 1000) }).where('name', '=', job.name).where('slot', '=', slot).execute();
      ran.push(job.name);
    }
    return ran;
  }

  start(intervalMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().then(() => undefined, (error: unknown) => this.log.error({ err: error }, 'scheduler tick failed')).finally(() => {
        this.running = null;
      });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
