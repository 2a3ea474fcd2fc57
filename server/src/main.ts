import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { loadConfig, ConfigError } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrator';
import { buildApp } from './app';
import { ensureAdmin } from './bootstrap';
import { loadDemoData, DEMO_USERS } from './demo/demo-data';
import { loadDemoReviews } from './demo/demo-reviews';
import { loadDemoPortal } from './demo/demo-portal';
import { loadDemoUsage } from './demo/demo-usage';
import { loadDemoEvaluation } from './demo/demo-evaluation';
import { loadDemoSupervision } from './demo/demo-supervision';
import { loadDemoReports } from './demo/demo-reports';
import { installShippedStandards } from './modules/standards/shipped-standards';
import { createScheduler } from './jobs';
import { reindexIfEmpty } from './modules/search/search-index';

/** Reads config, opens the database, migrates, seeds, listens. */
async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }

  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  const applied = await migrateToLatest(database.db);
  const adminCreated = await ensureAdmin(database.db, config.adminPassword);
  const standards = await installShippedStandards(database.db);
  const demoLoaded = config.demo ? await loadDemoData(database.db, config.demoPassword) : false;

  const { server, services } = await buildApp({ config, database });
  if (demoLoaded) {
    await loadDemoReviews(database.db, services);
    await loadDemoPortal(database.db, services);
    await loadDemoUsage(database.db);
    // Evaluation runs read the reviews, releases and usage above; reports read the runs.
    await loadDemoEvaluation(database.db, services);
    await loadDemoSupervision(database.db, services);
    await loadDemoReports(database.db, services);
  }
  // A data directory from before search existed: index its released resources once.
  const indexed = await reindexIfEmpty(database.db);
  const jobs = createScheduler(database, config, services, server.log);
  const shutdown = async (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    await jobs.stop();
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await server.listen({ port: config.port, host: config.host });
  jobs.start();
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.includes(`:${config.port}`) && config.port === 0 ? `http://localhost:${port}` : config.publicUrl;
  const lines = [
    '',
    `  汇交 Huijiao is ready in ${((performance.now() - started) / 1000).toFixed(1)} s — ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
    `  Open ${url}/   (API docs: ${url}/api/docs)`,
    applied.length > 0 ? `  Applied migrations: ${applied.join(', ')}` : '  Database schema is current',
  ];
  if (standards.length > 0) lines.push(`  Installed shipped standards: ${standards.join(', ')}`);
  if (indexed > 0) lines.push(`  Indexed ${indexed} released resources for search`);
  if (!config.smtpUrl) lines.push('  SMTP_URL is not set: mail is queued in the outbox and sent once it is configured');
  if (adminCreated) lines.push('  Created user "admin" (sysadmin) with the password from ADMIN_PASSWORD');
  if (config.demo) {
    lines.push(demoLoaded ? '  Loaded the demo data set' : '  Demo data set present');
    lines.push(`  Demo users (password: ${config.demoPassword === 'Huijiao@2026' ? 'Huijiao@2026' : 'from DEMO_PASSWORD'}): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error('Huijiao failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
