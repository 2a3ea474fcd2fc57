import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest, migrationStatus } from './db/migrator';
import { createServices } from './services';
import { verifyAuditChain } from './platform/audit';
import { operatorCtx } from './platform/context';
import { AppError, ERRORS } from './platform/errors';
import { localize } from './platform/i18n';
import { loadDemoData } from './demo/demo-data';
import { loadDemoReviews } from './demo/demo-reviews';
import { loadDemoPortal } from './demo/demo-portal';
import { loadDemoUsage } from './demo/demo-usage';
import { isRole, ROLES } from '../../common/roles';
import { submitResource } from './cli-submit';
import { reindexAll } from './modules/search/search-index';

const USAGE = `Huijiao command line (uses DATA_DIR / DATABASE_URL like the server)

  npm run cli -- migrate                      apply pending migrations and list them
  npm run cli -- create-user --username U --password P [--display-name N] [--email E] [--org ORG_ID]
  npm run cli -- grant --username U --role ROLE [--scope ORG_ID]
                                              roles: ${ROLES.join(', ')}
  npm run cli -- verify-audit                 recompute the audit hash chain; exit 1 at the first broken link
  npm run cli -- load-demo                    load the demo data set (once)
  npm run cli -- reindex                      rebuild the search index from the released resources
  npm run cli -- submit --url URL --token hjt_… --subject CODE --type data --metadata rec.json [--files dir/] [--submit]
                                              create a resource over the API and upload its files (tus);
                                              re-running continues, never duplicates
`;

class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

async function run(command: string | undefined, args: string[], database: Database, demoPassword: string): Promise<number> {
  const ctx = operatorCtx(os.userInfo().username);
  const services = createServices(database, loadConfig());
  switch (command) {
    case 'migrate': {
      const applied = await migrateToLatest(database.db);
      const status = await migrationStatus(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
      console.log(`Current: ${status.applied.length} applied, ${status.pending.length} pending`);
      return 0;
    }
    case 'create-user': {
      const { values } = parseArgs({ args, options: { username: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' }, email: { type: 'string' }, org: { type: 'string' } } });
      const username = required(values, 'username');
      const user = await services.users.create(ctx, {
        username, password: required(values, 'password'), displayName: values['display-name'] ?? username, email: values.email ?? null, orgId: values.org ?? null,
      });
      console.log(`Created user ${user.username} (${user.id})`);
      return 0;
    }
    case 'grant': {
      const { values } = parseArgs({ args, options: { username: { type: 'string' }, role: { type: 'string' }, scope: { type: 'string' } } });
      const role = required(values, 'role');
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const user = await database.db.selectFrom('users').select('id').where('username', '=', required(values, 'username')).executeTakeFirst();
      if (!user) throw new AppError('user.not_found');
      const grant = await services.users.grant(ctx, user.id, { role, scopeId: values.scope ?? null });
      console.log(`Granted ${grant.role}${grant.scopeName ? ` on ${grant.scopeName}` : ''} (${grant.id})`);
      return 0;
    }
    case 'verify-audit': {
      const report = await verifyAuditChain(database.db);
      if (report.ok) {
        console.log(`Audit chain intact: ${report.checked} entries verified.`);
        return 0;
      }
      console.error(`Audit chain BROKEN at entry ${report.firstBrokenId} (${report.reason}); ${report.checked} entries before it verified.`);
      return 1;
    }
    case 'load-demo': {
      const loaded = await loadDemoData(database.db, demoPassword);
      if (loaded) {
        await loadDemoReviews(database.db, services);
        await loadDemoPortal(database.db, services);
        await loadDemoUsage(database.db);
      }
      console.log(loaded ? 'Demo data loaded.' : 'Demo data already present.');
      return 0;
    }
    case 'reindex': {
      const started = Date.now();
      const count = await reindexAll(database.db);
      console.log(`Search index rebuilt: ${count} listed resources in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

/** `submit` works over HTTP with an API token, like any script would; it needs no database. */
async function submit(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' }, token: { type: 'string' }, subject: { type: 'string' }, type: { type: 'string' }, metadata: { type: 'string' }, files: { type: 'string' }, submit: { type: 'boolean' } } });
  const token = (values.token as string | undefined) ?? process.env.HUIJIAO_TOKEN;
  if (!token) throw new UsageError('--token (or HUIJIAO_TOKEN) is required');
  const metadata = required(values, 'metadata');
  if (!fs.existsSync(metadata)) throw new UsageError(`--metadata ${metadata} does not exist`);
  if (values.files && !fs.statSync(values.files as string).isDirectory()) throw new UsageError('--files must be a directory');
  const result = await submitResource({
    url: required(values, 'url').replace(/\/+$/, ''), token, subject: required(values, 'subject'), type: required(values, 'type'), metadata,
    files: values.files as string | undefined, submit: values.submit === true, log: (line) => console.log(line),
  });
  console.log(`Resource ${result.resourceId}: ${result.uploaded} uploaded, ${result.skipped} already stored, status ${result.status}`);
  return 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'submit') return submit(args);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    if (command !== 'migrate') await migrateToLatest(database.db);
    return await run(command, args, database, config.demoPassword);
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof AppError) {
      const detail = error.details.map((d) => ` (${d.path})`).join('');
      console.error(`${error.code}: ${localize(ERRORS[error.code], 'en', error.params)}${detail}`);
      process.exit(3);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
