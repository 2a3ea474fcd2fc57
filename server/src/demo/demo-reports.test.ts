import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-app';
import { loadDemoData } from './demo-data';
import { loadDemoReviews } from './demo-reviews';
import { loadDemoPortal } from './demo-portal';
import { loadDemoUsage } from './demo-usage';
import { loadDemoReports } from './demo-reports';

const DEMO_PASSWORD = 'Demo-password-2026';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  await loadDemoData(db, DEMO_PASSWORD);
  await loadDemoReviews(db, t.services);
  await loadDemoPortal(db, t.services);
  await loadDemoUsage(db);
});
afterAll(() => t.close());

describe('demo utilisation reports', () => {
  it('gives the ministry one finished report of the first program, and contacts who were mailed its links, once', async () => {
    const id = await loadDemoReports(t.database.db, t.services);
    expect(id).toEqual(expect.any(String));
    expect(await loadDemoReports(t.database.db, t.services)).toBeNull();

    const ministry = await t.login('ministry', DEMO_PASSWORD);
    const list = (await ministry.get('/api/reports')).json();
    expect(list.total).toBe(1);
    const report = list.items[0];
    expect(report).toMatchObject({ id, scope: { code: '2021YFC2500000' }, period: 'on_demand', status: 'done', requestedByName: '王建国' });
    expect(report.total).toBe(report.summary.subjects);
    expect(report.summary.subjects).toBe(10);
    expect(report.summary.views).toBeGreaterThan(report.summary.downloads);
    expect(report.summary.released).toBeGreaterThan(0);
    expect((await ministry.get('/api/programs/2022YFD1900000/contacts')).json()).toEqual({ items: [{ name: '黑土地专项管理办公室', email: 'blacksoil-office@most.example.cn' }] });
    const mails = await t.database.db.selectFrom('mailOutbox').select(['toAddress', 'body']).where('kind', '=', 'report.utilisation').orderBy('toAddress').execute();
    expect(mails.map((m) => m.toAddress)).toEqual(['cfd-office@most.example.cn', 'wang.jianguo@most.example.cn']);
    expect(mails[0]!.body).toContain(`/api/reports/${id}/pdf?key=`);
    const pdf = await ministry.get(report.files.pdf);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
  });
});
