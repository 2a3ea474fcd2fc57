import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { loadDemoData } from './demo-data';
import { loadDemoReviews } from './demo-reviews';
import { loadDemoSupervision } from './demo-supervision';

const DEMO_PASSWORD = 'Demo-password-2026';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.database.db, DEMO_PASSWORD);
  await loadDemoReviews(t.database.db, t.services);
  await loadDemoSupervision(t.database.db, t.services);
});
afterAll(() => t.close());

describe('the demo for supervision', () => {
  it('lets 浙江’s supervisor drill down province → unit → an overdue subject and remind it', async () => {
    const supervisor = await t.login('zj_supervisor', DEMO_PASSWORD);
    const provinces = (await supervisor.get('/api/supervision/breakdown?by=province')).json().rows;
    expect(provinces).toEqual([expect.objectContaining({ key: '330000', name: '浙江省' })]);
    expect(provinces[0].overdueSubjects).toBeGreaterThanOrEqual(2);

    const units = (await supervisor.get('/api/supervision/breakdown?by=unit&province=330000')).json().rows;
    const zju = units.find((u: { name: string }) => u.name === '浙江大学');
    expect(zju.overdueSubjects).toBeGreaterThanOrEqual(2);

    const overdue = (await supervisor.get(`/api/supervision/subjects?unitId=${zju.key}&overdue=true`)).json().items;
    const subject = overdue.find((s: { code: string }) => s.code === '2021YFC2503003');
    expect(subject).toMatchObject({ planStatus: 'approved', planned: 4, delivered: 0, overdueItems: ['line:data'], canRemind: true, lastReminderAt: null });
    expect(overdue.map((s: { code: string }) => s.code)).toContain('2021YFC2502002');
    expect(overdue.every((s: { lastReminderAt: string | null }) => s.lastReminderAt === null)).toBe(true);

    const sent = (await supervisor.post('/api/supervision/reminders', { subjectCodes: ['2021YFC2503003'], message: '请尽快汇交逾期的科学数据。' })).json();
    expect(sent.results).toEqual([{ code: '2021YFC2503003', status: 'sent', recipients: 1 }]);
  });

  it('has funding reports (one flagged) and a reminder in the log, and loads only once', async () => {
    const ministry = await t.login('ministry', DEMO_PASSWORD);
    expect((await ministry.get('/api/subjects/2021YFC2501001/funding')).json()).toMatchObject({ spent: '152000.00', flagged: false });
    expect((await ministry.get('/api/subjects/2021YFC2501002/funding')).json()).toMatchObject({ spent: '86000.50', flagged: true });
    const log = (await ministry.get('/api/supervision/reminders?subjectCode=2021YFC2501002')).json();
    expect(log.items.map((i: { recipientName: string; reason: string; sentByName: string }) => [i.recipientName, i.reason, i.sentByName]).sort()).toEqual([['刘洋', 'manual', '孙静'], ['张晓雨', 'manual', '孙静']]);

    const count = async () => Promise.all([
      t.database.db.selectFrom('planVersions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t.database.db.selectFrom('fundingReports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      t.database.db.selectFrom('reminders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]).then((rows) => rows.map((r) => Number(r.n)));
    const before = await count();
    await loadDemoSupervision(t.database.db, t.services);
    expect(await count()).toEqual(before);
  });
});
