import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { loadDemoData } from './demo-data';
import { loadDemoReviews } from './demo-reviews';
import { loadDemoPortal } from './demo-portal';
import { loadDemoUsage } from './demo-usage';
import { loadDemoEvaluation } from './demo-evaluation';

const PASSWORD = 'Demo-password-2026';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.database.db, PASSWORD);
  await loadDemoReviews(t.database.db, t.services);
  await loadDemoPortal(t.database.db, t.services);
  await loadDemoUsage(t.database.db);
}, 300_000);
afterAll(() => t.close());

describe('the demo evaluation', () => {
  it('reports reuse on demo resources and computes five runs, so scores have a trend; a second load does nothing', async () => {
    expect(await loadDemoEvaluation(t.database.db, t.services)).toBe(5);
    expect(await loadDemoEvaluation(t.database.db, t.services)).toBe(0);
    const reuse = await t.database.db.selectFrom('reuseReports').select('status').execute();
    expect(reuse.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'pending']);

    const ministry = await t.login('ministry', PASSWORD);
    const runs = (await ministry.get('/api/evaluation/runs')).json();
    expect(runs.items.map((r: { status: string }) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const scores = (await ministry.get('/api/evaluation/scores?level=subject')).json();
    expect(scores.total).toBeGreaterThanOrEqual(5);
    for (const row of scores.items) expect(row.trend).toHaveLength(5);
    // Releases and use accumulate month by month: the best subject's total grows over the runs.
    const top = scores.items[0];
    expect(top.total).toBeGreaterThan(top.trend[0].total);
    const platform = (await ministry.get('/api/evaluation/scores?level=platform')).json();
    expect(platform.items).toHaveLength(2);
    const pi = await t.login('pi', PASSWORD);
    expect((await pi.get('/api/evaluation/scores')).statusCode).toBe(200);
    expect((await (await t.login('ph_admin', PASSWORD)).get('/api/reuse?status=pending')).json().total + (await (await t.login('ag_admin', PASSWORD)).get('/api/reuse?status=pending')).json().total).toBe(1);
  });
});
