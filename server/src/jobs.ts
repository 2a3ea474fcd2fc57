import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Services } from './services';
import { MailDelivery } from './platform/mail';
import { Scheduler } from './platform/scheduler';
import { systemCtx } from './platform/context';
import { liftEmbargoes } from './modules/portal/embargo';
import { reindexResource } from './modules/search/search-index';

const MINUTE = 60_000;

/** The periodic jobs of the platform, run once per slot across all instances. */
export function createScheduler(database: Database, config: Config, services: Services, log: FastifyBaseLogger) {
  const mail = new MailDelivery(database.db, config.smtpUrl);
  const scheduler = new Scheduler(database.db, [
    { name: 'mail-delivery', everyMs: MINUTE, run: async () => JSON.stringify(await mail.deliverDue()) },
    { name: 'plan-deadlines', everyMs: 60 * MINUTE, run: async () => `reminders queued: ${await services.plans.remindOverdue()}` },
    { name: 'resource-deadlines', everyMs: 60 * MINUTE, run: async () => `reminders queued: ${await services.reviews.remindOverdue()}` },
    { name: 'supervision-progress', everyMs: MINUTE, run: async () => `subjects refreshed: ${await services.supervision.refreshProgress()}` },
    { name: 'supervision-reminders', everyMs: 60 * MINUTE, run: async () => `subjects reminded: ${await services.supervision.remindScheduled()}` },
    { name: 'embargo-lift', everyMs: 60 * MINUTE, run: async () => `lifted: ${await liftEmbargoes(database.db, (trx, id) => reindexResource(trx, id))}` },
    { name: 'cstr-registration', everyMs: MINUTE, run: async () => JSON.stringify(await services.registrations.run()) },
    { name: 'uploads-cleanup', everyMs: 60 * MINUTE, run: async () => JSON.stringify(await services.uploads.cleanUp()) },
    { name: 'usage-aggregate', everyMs: 5 * MINUTE, run: async () => JSON.stringify(await services.usage.aggregate()) },
    { name: 'utilisation-reports', everyMs: 5 * MINUTE, run: async () => JSON.stringify(await services.reports.runDue()) },
    { name: 'uploads-finalise', everyMs: 5 * MINUTE, run: async () => `finalised: ${await services.uploads.resumeFinalisation(systemCtx('uploads-finalise'))}` },
    { name: 'auth-rate-records', everyMs: 60 * MINUTE, run: async () => `pruned: ${await services.auth.pruneRateRecords()}` },
    { name: 'evaluation', everyMs: 10 * MINUTE, run: async () => JSON.stringify(await services.evaluation.runDue()) },
  ], log);
  return {
    scheduler,
    start: () => scheduler.start(15_000),
    stop: async () => {
      await scheduler.stop();
      mail.close();
    },
  };
}
