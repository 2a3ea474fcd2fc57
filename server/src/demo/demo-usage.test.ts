import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { buildOrg, buildSubject } from '../test/factories';
import { buildStandard } from '../test/standard-factory';
import { loadDemoUsage } from './demo-usage';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo usage', () => {
  it('gives every listed resource six months of plausible, aggregated use, the same on every run', async () => {
    const db = t.database.db;
    const platform = await buildOrg(db, { kind: 'domain_platform' });
    const { version } = await buildStandard(db, platform.id, { status: 'approved' });
    const { subject } = await buildSubject(db, { platformOrgId: platform.id });
    const resource = (title: string, sharingMode: 'open' | 'application' | 'restricted') => db.insertInto('resources').values({
      subjectId: subject.id, resourceType: 'data', standardVersionId: version.id, lineageId: randomUUID(), titleZh: title, status: 'released', sharingMode, releasedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
    const ids = [await resource('演示数据集一', 'open'), await resource('演示数据集二', 'application'), await resource('演示数据集三', 'open')];
    const hidden = await resource('受限数据集', 'restricted');
    const now = new Date('2026-11-20T12:00:00+08:00');

    const written = await loadDemoUsage(db, now);
    expect(written).toBeGreaterThan(1000);
    expect(await loadDemoUsage(db, now)).toBe(0);
    const monthly = () => db.selectFrom('usageMonthly').selectAll().orderBy('resourceId').orderBy('month').execute();
    const first = await monthly();
    expect(new Set(first.map((r) => r.month))).toEqual(new Set(['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']));
    expect(first.some((r) => r.resourceId === hidden)).toBe(false);

    const totals = await t.services.usage.countsOf(ids);
    for (const counts of totals.values()) {
      expect(counts.views).toBeGreaterThan(5 * counts.downloads);
      expect(counts.uniqueViews).toBeLessThan(counts.views);
      expect(counts.searchHits).toBeGreaterThan(0);
    }
    const raw = await db.selectFrom('usageEvents').select((eb) => [eb.fn.countAll<number>().filterWhere('robot', '=', true).as('robots'), eb.fn.countAll<number>().filterWhere('machine', '=', true).as('machine')]).executeTakeFirstOrThrow();
    expect(Number(raw.robots)).toBeGreaterThan(0);
    console.log(`demo usage: ${written} raw events, ${raw.robots} robots, ${raw.machine} machine; totals ${JSON.stringify([...totals.values()][0])}`);

    // Deterministic: from scratch again, the same aggregates.
    for (const table of ['usageEvents', 'usageMonthly', 'usageDirtyMonths'] as const) await db.deleteFrom(table).execute();
    expect(await loadDemoUsage(db, now)).toBe(written);
    expect(await monthly()).toEqual(first);
  });
});
