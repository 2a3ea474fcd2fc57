#!/usr/bin/env node
// The one test command (`npm test`): type check, lint, server tests on PGlite and on PostgreSQL,
// web component tests, then end-to-end tests in headless Chromium against a built web app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CI = process.env.CI === 'true';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const results = [];
// The failed tests of every pass, repeated at the very end: CI often shows only the tail of the output.
const failures = [];

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  results.push(`${ok ? '✓' : '✗'} ${label} (${seconds} s)`);
  return ok;
}

function vitest(label, project, env = {}) {
  const file = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (fs.existsSync(file)) {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    for (const suite of report.testResults ?? []) {
      const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
      for (const test of failedTests) {
        const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 8).join('\n    ');
        failures.push(`✗ [${label}] ${path.relative(root, suite.name)} › ${test.fullName}\n    ${message}`);
      }
      if (suite.status === 'failed' && failedTests.length === 0) {
        failures.push(`✗ [${label}] ${path.relative(root, suite.name)}\n    ${String(suite.message ?? '').split('\n').slice(0, 8).join('\n    ')}`);
      }
    }
  } else if (!ok) {
    totals.failed += 1;
  }
  return ok;
}

let ok = true;
ok = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) && ok;
ok = run('lint', 'npx', ['eslint', '.', '--max-warnings=0']) && ok;

const { TEST_DATABASE_URL } = process.env;
ok = vitest('server tests on PGlite', 'server', { TEST_DATABASE_URL: '' }) && ok;
if (TEST_DATABASE_URL) {
  ok = vitest('server tests on PostgreSQL', 'server', { TEST_DATABASE_URL, TEST_DB: 'postgres' }) && ok;
} else if (CI) {
  console.error('\n✗ CI=true but TEST_DATABASE_URL is not set: the PostgreSQL pass is required in CI.');
  results.push('✗ server tests on PostgreSQL (TEST_DATABASE_URL missing)');
  ok = false;
} else {
  results.push('– server tests on PostgreSQL: not run (set TEST_DATABASE_URL to run them)');
}

ok = vitest('web component tests', 'web') && ok;

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  ok = run('build web app for e2e', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) && ok;
  ok = vitest('end-to-end tests in Chromium', 'e2e') && ok;
} else if (CI) {
  console.error(`\n✗ CI=true but Chromium is missing at ${chromium}: the browser pass is required in CI.`);
  results.push('✗ end-to-end tests (Chromium missing)');
  ok = false;
} else {
  results.push(`– end-to-end tests: not run (no Chromium at ${chromium}; apt-get install chromium)`);
}

if (failures.length) console.log(`\nfailed:\n${failures.join('\n')}`);
console.log(`\n${results.join('\n')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
