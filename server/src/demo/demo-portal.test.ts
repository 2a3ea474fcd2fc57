import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { loadDemoData } from './demo-data';
import { loadDemoReviews } from './demo-reviews';
import { loadDemoPortal } from './demo-portal';

let t: TestApp;
let seconds = 0;

beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.database.db, 'Demo-password-2026');
  await loadDemoReviews(t.database.db, t.services);
  const started = Date.now();
  await loadDemoPortal(t.database.db, t.services);
  seconds = (Date.now() - started) / 1000;
}, 240_000);
afterAll(() => t.close());

describe('the demo portal', () => {
  it('holds about sixty released resources across both platforms, all six types and every sharing mode', async () => {
    const rows = await t.database.db.selectFrom('resources as r').innerJoin('subjects as s', 's.id', 'r.subjectId')
      .select(['r.status', 'r.resourceType', 'r.sharingMode', 's.platformOrgId', 'r.versionNo', 'r.cstr']).where('r.releasedAt', 'is not', null).execute();
    const live = rows.filter((r) => r.status === 'released');
    console.log(`demo portal loaded in ${seconds.toFixed(1)} s: ${live.length} released`);
    expect(live.length).toBeGreaterThanOrEqual(60);
    expect(new Set(live.map((r) => r.platformOrgId)).size).toBe(2);
    expect(new Set(live.map((r) => r.resourceType))).toEqual(new Set(['data', 'report', 'publication', 'patent_standard', 'instrument', 'physical']));
    expect(new Set(live.map((r) => r.sharingMode))).toEqual(new Set(['open', 'registered', 'application', 'embargo', 'offline', 'restricted']));
    expect(rows.filter((r) => r.status === 'superseded')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'withdrawn')).toHaveLength(1);
    expect(live.filter((r) => r.versionNo === 2).every((r) => /\.v2$/.test(r.cstr!))).toBe(true);
    const applications = await t.database.db.selectFrom('accessApplications').select('status').execute();
    expect(applications.map((a) => a.status).sort()).toEqual(['approved', 'pending', 'pending']);
  });
});
