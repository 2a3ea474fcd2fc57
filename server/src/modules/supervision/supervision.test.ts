import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB, ResourceStatus } from '../../db/schema';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildStandard } from '../../test/standard-factory';
import { deliverOutbox, startSmtp } from '../../test/smtp';
import { chinaDate } from '../../platform/china-time';

const DAY = 86_400_000;
const today = chinaDate();
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const ago = (days: number) => new Date(Date.now() - days * DAY);

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let w: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp();
  w = await buildWorld(t.database.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/**
 * Five subjects, hand-built so every figure below is known:
 * A 浙江 (lead 浙江大学): data 3 due 10 days ago (1 released, 1 in unit review past its deadline), report 1 (released), spent 5000.50
 * B 浙江 (lead 浙江大学's lab): data 2 + publication 1 due in 7 days; 3 data released (one more than planned)
 * C 四川: data 1 due 40 days ago, released (a second version), report 1 waived, certified; reviewed unit 2 d, platform 3 d, expert 1 d
 * D 四川 (lead 四川大学, 浙江大学 co-undertakes): plan in unit review past its deadline, 2000 spent with nothing released
 * E 浙江 (another platform): no plan, acceptance 5 days ago
 */
async function buildWorld(db: Kysely<DB>) {
  const platform = await buildOrg(db, { kind: 'domain_platform', nameZh: '人口健康平台' });
  const otherPlatform = await buildOrg(db, { kind: 'domain_platform', nameZh: '农业平台' });
  const { version: standard } = await buildStandard(db, platform.id, { status: 'approved' });
  const zju = await buildOrg(db, { nameZh: '浙江大学' });
  const zjuLab = await buildOrg(db, { nameZh: '浙江大学实验室', parentId: zju.id });
  const zaas = await buildOrg(db, { nameZh: '浙江省农业科学院' });
  const scu = await buildOrg(db, { nameZh: '四川大学' });
  const zjDept = await buildOrg(db, { kind: 'province_dept', regionCode: '330000', nameZh: '浙江省科学技术厅' });
  const scDept = await buildOrg(db, { kind: 'province_dept', regionCode: '510000', nameZh: '四川省科学技术厅' });

  const A = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: zju.id, regionCode: '330000', acceptanceDate: day(60), titleZh: '课题甲' })).subject;
  const B = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: zjuLab.id, regionCode: '330000', acceptanceDate: day(200), titleZh: '课题乙' })).subject;
  const C = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: scu.id, regionCode: '510000', acceptanceDate: day(30), titleZh: '课题丙' })).subject;
  const D = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: scu.id, coUnitIds: [zju.id], regionCode: '510000', acceptanceDate: null, titleZh: '课题丁' })).subject;
  const E = (await buildSubject(db, { platformOrgId: otherPlatform.id, leadUnitId: zaas.id, regionCode: '330000', acceptanceDate: day(-5), titleZh: '课题戊' })).subject;
  const budgets: Array<[string, string]> = [[A.id, '100000'], [B.id, '50000'], [C.id, '80000'], [D.id, '30000'], [E.id, '20000']];
  for (const [id, budget] of budgets) await db.updateTable('subjects').set({ collectionBudget: budget }).where('id', '=', id).execute();

  const users = {
    ministry: await buildUser(db, { grants: [{ role: 'ministry_admin', scopeId: (await buildOrg(db, { kind: 'ministry' })).id }] }),
    zjSupervisor: await buildUser(db, { grants: [{ role: 'province_supervisor', scopeId: zjDept.id }] }),
    scSupervisor: await buildUser(db, { grants: [{ role: 'province_supervisor', scopeId: scDept.id }] }),
    zjuAdmin: await buildUser(db, { grants: [{ role: 'unit_admin', scopeId: zju.id }] }),
    platformAdmin: await buildUser(db, { grants: [{ role: 'platform_admin', scopeId: platform.id }] }),
    pi: await buildUser(db, {}),
    submitter: await buildUser(db, {}),
    piB: await buildUser(db, {}),
    piC: await buildUser(db, {}),
    piOnly: await buildUser(db, {}),
    member: await buildUser(db, {}),
  };
  await grantSubjectRole(db, users.pi.id, 'pi', A.id);
  await grantSubjectRole(db, users.submitter.id, 'submitter', A.id);
  await grantSubjectRole(db, users.piB.id, 'pi', B.id);
  await grantSubjectRole(db, users.piC.id, 'pi', C.id);
  await grantSubjectRole(db, users.piOnly.id, 'pi', D.id);

  const plan = async (subjectId: string, status: 'approved' | 'unit_review', lines: Array<[string, number, string]>, stepDueAt: Date | null = null) => {
    const created = await db.insertInto('plans').values({ subjectId }).returning('id').executeTakeFirstOrThrow();
    const version = await db.insertInto('planVersions').values({ planId: created.id, versionNo: 1, kind: 'initial', status, round: 1, stepDueAt }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('planLines').values(lines.map(([resourceType, plannedCount, dueDate], i) => ({ planVersionId: version.id, position: i + 1, resourceType, plannedCount, dueDate, sharingMode: 'open' }))).execute();
    if (status === 'approved') await db.updateTable('plans').set({ approvedVersionId: version.id }).where('id', '=', created.id).execute();
  };
  await plan(A.id, 'approved', [['data', 3, day(-10)], ['report', 1, day(20)]]);
  await plan(B.id, 'approved', [['data', 2, day(7)], ['publication', 1, day(7)]]);
  await plan(C.id, 'approved', [['data', 1, day(-40)], ['report', 1, day(-20)]]);
  await db.insertInto('planWaivers').values({ subjectId: C.id, resourceType: 'report', reason: '报告并入结题报告' }).execute();
  await plan(D.id, 'unit_review', [['data', 2, day(100)]], ago(2));

  const resource = async (subjectId: string, resourceType: string, status: ResourceStatus, extra: { releasedAt?: Date; stepDueAt?: Date; lineageId?: string; versionNo?: number } = {}) =>
    (await db.insertInto('resources').values({
      subjectId, resourceType, status, standardVersionId: standard.id, lineageId: extra.lineageId ?? randomUUID(), versionNo: extra.versionNo ?? 1, titleZh: `${resourceType} 资源`,
      releasedAt: extra.releasedAt ?? null, stepDueAt: extra.stepDueAt ?? null, reviewRound: 1,
    }).returning('id').executeTakeFirstOrThrow()).id;
  await resource(A.id, 'data', 'released', { releasedAt: ago(5) });
  await resource(A.id, 'data', 'unit_review', { stepDueAt: ago(1) });
  await resource(A.id, 'report', 'released', { releasedAt: ago(5) });
  // B released one more dataset than planned: delivered stays capped at the plan.
  for (let i = 0; i < 3; i += 1) await resource(B.id, 'data', 'released', { releasedAt: ago(5) });
  const lineage = randomUUID();
  await resource(C.id, 'data', 'superseded', { lineageId: lineage, releasedAt: ago(20) });
  const cData = await resource(C.id, 'data', 'released', { lineageId: lineage, versionNo: 2, releasedAt: ago(10) });

  // C's second version went through the chain: unit 2 days, platform 3 days, expert 1 day (a skipped step is no decision).
  const submitted = ago(16);
  await db.insertInto('reviewRounds').values({ resourceId: cData, round: 1, submittedAt: submitted, metadata: '{}', files: '[]', outcome: 'approved' }).execute();
  const decided = (days: number) => new Date(submitted.getTime() + days * DAY);
  await db.insertInto('reviewDecisions').values([
    { resourceId: cData, round: 1, tier: 'unit', decision: 'approve', decidedAt: decided(2) },
    { resourceId: cData, round: 1, tier: 'platform', decision: 'approve', decidedAt: decided(5) },
    { resourceId: cData, round: 1, tier: 'expert', decision: 'approve', decidedAt: decided(6) },
  ]).execute();
  await db.insertInto('usageMonthly').values({ resourceId: cData, month: `${today.slice(0, 7)}-01`, totalItemInvestigations: 10, totalItemRequests: 3, searchHits: 7,
    uniqueItemInvestigations: 8, uniqueItemRequests: 2, applicationsApproved: 0, machineInvestigations: 4, machineRequests: 1, uniqueMachineInvestigations: 1, uniqueMachineRequests: 1 }).execute();

  const sha = 'a'.repeat(64);
  await db.insertInto('blobs').values({ sha256: sha, size: 1 }).execute();
  await db.insertInto('certificates').values({ subjectId: C.id, number: 'HJPZ-2026-900001', code: 'ABCD-EFGH-JKLM-NPQR', platformOrgId: platform.id, content: '{}', pdfSha256: sha }).execute();
  await db.insertInto('fundingReports').values([
    { subjectId: A.id, amountSpent: '1000', reportedAt: ago(30) },
    { subjectId: A.id, amountSpent: '5000.50', reportedAt: ago(3) },
    { subjectId: D.id, amountSpent: '2000', reportedAt: ago(3) },
  ]).execute();

  const login = async (user: { username: string }) => t.login(user.username);
  const clients = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([key, u]) => [key, await login(u)]))) as Record<keyof typeof users, TestClient>;
  return { platform, otherPlatform, zju, zjuLab, zaas, scu, subjects: { A, B, C, D, E }, users, clients };
}

const codesOf = (items: Array<{ code: string }>) => items.map((i) => i.code).sort();

describe('supervision overview and breakdown', () => {
  it('adds up the whole country for the ministry, exactly', async () => {
    const overview = (await w.clients.ministry.get('/api/supervision/overview')).json();
    expect(overview).toEqual({
      subjects: 5, withApprovedPlan: 3, planned: 9, delivered: 5, completion: 0.5556,
      byType: [{ type: 'data', planned: 6, delivered: 4 }, { type: 'report', planned: 2, delivered: 1 }, { type: 'publication', planned: 1, delivered: 0 }],
      inReview: { unit: 1, platform: 0, expert: 0 },
      overdue: { subjects: 2, planLines: 1, planReviews: 1, resourceReviews: 1 },
      certificates: { issued: 1, eligible: 0 },
      acceptanceWithin90Days: 2,
      funding: { budget: '280000.00', spent: '7000.50', flagged: 1 },
    });
  });

  it('narrows to the province supervisor’s region and the unit admin’s subjects (lead, lab below it, co-undertaken)', async () => {
    const zj = (await w.clients.zjSupervisor.get('/api/supervision/overview')).json();
    expect(zj).toMatchObject({ subjects: 3, withApprovedPlan: 2, planned: 7, delivered: 4, completion: 0.5714, overdue: { subjects: 1, planLines: 1, planReviews: 0, resourceReviews: 1 }, funding: { budget: '170000.00', spent: '5000.50', flagged: 0 } });
    const unit = (await w.clients.zjuAdmin.get('/api/supervision/overview')).json();
    expect(unit).toMatchObject({ subjects: 3, planned: 7, delivered: 4, overdue: { subjects: 2 }, funding: { budget: '180000.00', flagged: 1 } });
    const platform = (await w.clients.platformAdmin.get('/api/supervision/overview')).json();
    expect(platform).toMatchObject({ subjects: 4, certificates: { issued: 1, eligible: 0 } });
    // Filters narrow, never widen: the supervisor asking for 四川 sees nothing.
    expect((await w.clients.zjSupervisor.get('/api/supervision/overview?province=510000')).json()).toMatchObject({ subjects: 0, planned: 0, completion: 0, funding: { budget: '0.00' } });
    expect((await w.clients.ministry.get(`/api/supervision/overview?unitId=${w.zju.id}`)).json()).toMatchObject({ subjects: 3 });
    expect((await w.clients.ministry.get(`/api/supervision/overview?q=${encodeURIComponent('课题丙')}`)).json()).toMatchObject({ subjects: 1, certificates: { issued: 1 } });
    expect((await w.clients.ministry.get(`/api/supervision/overview?platformId=${w.otherPlatform.id}`)).json()).toMatchObject({ subjects: 1, acceptanceWithin90Days: 1 });
  });

  it('breaks the figures down by province, then by unit within a province, sorted by name', async () => {
    const provinces = (await w.clients.ministry.get('/api/supervision/breakdown?by=province')).json();
    expect(provinces).toEqual({
      by: 'province',
      rows: [
        { key: '510000', name: '四川省', nameEn: 'Sichuan', subjects: 2, planned: 2, delivered: 1, completion: 0.5, inReview: 0, overdueSubjects: 1, certified: 1 },
        { key: '330000', name: '浙江省', nameEn: 'Zhejiang', subjects: 3, planned: 7, delivered: 4, completion: 0.5714, inReview: 1, overdueSubjects: 1, certified: 0 },
      ],
    });
    const units = (await w.clients.zjSupervisor.get('/api/supervision/breakdown?by=unit&province=330000')).json();
    expect(units.rows.map((r: { name: string; subjects: number; overdueSubjects: number }) => [r.name, r.subjects, r.overdueSubjects])).toEqual([
      ['浙江大学', 1, 1], ['浙江大学实验室', 1, 0], ['浙江省农业科学院', 1, 0],
    ]);
    expect(units.rows[0].key).toBe(w.zju.id);
    const platforms = (await w.clients.zjSupervisor.get('/api/supervision/breakdown?by=platform')).json();
    expect(platforms.rows.map((r: { name: string; subjects: number }) => [r.name, r.subjects])).toEqual([['农业平台', 1], ['人口健康平台', 2]]);
    const programs = (await w.clients.scSupervisor.get('/api/supervision/breakdown?by=program')).json();
    expect(programs.rows).toHaveLength(2);
    expect((await w.clients.ministry.get('/api/supervision/breakdown?by=city')).statusCode).toBe(400);
  });
});

describe('supervision subjects list', () => {
  it('shows one subject’s progress, overdue items and funding as the ministry sees it', async () => {
    const page = (await w.clients.ministry.get(`/api/supervision/subjects?q=${w.subjects.A.code}`)).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual({
      code: w.subjects.A.code, titleZh: '课题甲', titleEn: null, piName: w.users.pi.displayName,
      leadUnit: { id: w.zju.id, name: '浙江大学' }, province: { code: '330000', name: '浙江省' }, platform: { id: w.platform.id, name: '人口健康平台' },
      programCode: expect.any(String), projectCode: expect.any(String), planStatus: 'approved',
      planned: 4, delivered: 2, completion: 0.5,
      byType: [{ type: 'data', planned: 3, delivered: 1, dueDate: day(-10), overdue: true }, { type: 'report', planned: 1, delivered: 1, dueDate: day(20), overdue: false }],
      inReview: { unit: 1, platform: 0, expert: 0 },
      overdueItems: ['resource_review', 'line:data'],
      acceptanceDate: day(60), daysToAcceptance: 60,
      certificate: { status: 'missing', code: null },
      funding: { budget: '100000.00', spent: '5000.50', flagged: false },
      lastReminderAt: null, canRemind: true,
    });
    const others = (await w.clients.ministry.get('/api/supervision/subjects?sort=code')).json().items;
    const byCode = Object.fromEntries(others.map((r: { code: string }) => [r.code, r]));
    expect(byCode[w.subjects.C.code]).toMatchObject({ planned: 2, delivered: 1, completion: 0.5, certificate: { status: 'issued', code: 'ABCD-EFGH-JKLM-NPQR' }, overdueItems: [], daysToAcceptance: 30 });
    expect(byCode[w.subjects.C.code].byType).toEqual([{ type: 'data', planned: 1, delivered: 1, dueDate: day(-40), overdue: false }, { type: 'report', planned: 1, delivered: 0, dueDate: day(-20), overdue: false }]);
    expect(byCode[w.subjects.B.code]).toMatchObject({ planned: 3, delivered: 2, byType: [{ type: 'data', planned: 2, delivered: 2, dueDate: day(7) }, { type: 'publication', planned: 1, delivered: 0, dueDate: day(7) }] });
    expect(byCode[w.subjects.D.code]).toMatchObject({ planStatus: 'unit_review', planned: 0, completion: 0, overdueItems: ['plan_review'], funding: { spent: '2000.00', flagged: true }, daysToAcceptance: null });
    expect(byCode[w.subjects.E.code]).toMatchObject({ planStatus: 'none', daysToAcceptance: -5, piName: null });
  });

  it('keeps each list to its scope, with canRemind per row', async () => {
    const { A, B, C, D, E } = w.subjects;
    const zj = (await w.clients.zjSupervisor.get('/api/supervision/subjects')).json();
    expect(zj.total).toBe(3);
    expect(codesOf(zj.items)).toEqual([A.code, B.code, E.code].sort());
    expect(zj.items.every((r: { canRemind: boolean }) => r.canRemind)).toBe(true);
    const unit = (await w.clients.zjuAdmin.get('/api/supervision/subjects')).json();
    expect(codesOf(unit.items)).toEqual([A.code, B.code, D.code].sort());
    expect(unit.items.every((r: { canRemind: boolean }) => r.canRemind)).toBe(true);
    const platform = (await w.clients.platformAdmin.get('/api/supervision/subjects')).json();
    expect(codesOf(platform.items)).toEqual([A.code, B.code, C.code, D.code].sort());
    expect(platform.items.some((r: { canRemind: boolean }) => r.canRemind)).toBe(false);
    const sc = (await w.clients.scSupervisor.get('/api/supervision/subjects')).json();
    expect(codesOf(sc.items)).toEqual([C.code, D.code].sort());
  });

  it('filters overdue subjects, sorts and pages', async () => {
    const { A, B, C, D, E } = w.subjects;
    const overdue = (await w.clients.ministry.get('/api/supervision/subjects?overdue=true')).json();
    expect(codesOf(overdue.items)).toEqual([A.code, D.code].sort());
    expect((await w.clients.ministry.get('/api/supervision/subjects?overdue=false')).json().total).toBe(5);
    const byCompletion = (await w.clients.ministry.get('/api/supervision/subjects?sort=completion&order=desc')).json();
    expect(byCompletion.items.map((r: { code: string }) => r.code).slice(0, 3)).toEqual([B.code, ...[A.code, C.code].sort()]);
    const byAcceptance = (await w.clients.ministry.get('/api/supervision/subjects?sort=daysToAcceptance')).json();
    expect(byAcceptance.items.map((r: { code: string }) => r.code)).toEqual([E.code, C.code, A.code, B.code, D.code]);
    const byOverdue = (await w.clients.ministry.get('/api/supervision/subjects?sort=overdue&order=desc&pageSize=1')).json();
    expect(byOverdue).toMatchObject({ total: 5, items: [{ code: A.code }] });
    const page2 = (await w.clients.ministry.get('/api/supervision/subjects?sort=daysToAcceptance&page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 5, items: [{ code: A.code }, { code: B.code }] });
    expect((await w.clients.ministry.get('/api/supervision/subjects?page=9')).json()).toEqual({ total: 5, items: [] });
    expect((await w.clients.ministry.get('/api/supervision/subjects?pageSize=201')).statusCode).toBe(400);
  });

  it('exports the same scope as a workbook with sheets 课题 and 汇总', async () => {
    const answer = await w.clients.zjSupervisor.get('/api/supervision/export.xlsx?sort=code');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('课题')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['课题编号', '课题名称', '课题负责人', '牵头承担单位']);
    expect(headers).toContain('科学数据计划');
    expect(headers).toContain('论文论著已发布');
    const rows = [2, 3, 4].map((n) => sheet.getRow(n).getCell(1).value);
    expect(rows).toEqual([w.subjects.A.code, w.subjects.B.code, w.subjects.E.code].sort());
    expect(sheet.rowCount).toBe(4);
    const rowA = sheet.getRow(2 + rows.indexOf(w.subjects.A.code));
    const cell = (header: string) => rowA.getCell(headers.indexOf(header) + 1).value;
    expect([cell('计划汇交数'), cell('已发布数'), cell('完成率'), cell('科学数据计划'), cell('科学数据已发布'), cell('逾期事项'), cell('已支出（元）')]).toEqual([4, 2, 0.5, 3, 1, '资源审核逾期、科学数据逾期', 5000.5]);
    const summary = workbook.getWorksheet('汇总')!;
    const values = Object.fromEntries(summary.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(values).toMatchObject({ 课题数: 3, 计划汇交数: 7, '已发布数（每类不超过计划数）': 4, 有逾期事项的课题: 1 });
    const unitOnly = await w.clients.zjuAdmin.get('/api/supervision/export.xlsx?overdue=true');
    const unitBook = new ExcelJS.Workbook();
    await unitBook.xlsx.load(unitOnly.rawPayload as unknown as ArrayBuffer);
    const unitSheet = unitBook.getWorksheet('课题')!;
    expect(unitSheet.rowCount).toBe(3);
    expect([unitSheet.getRow(2).getCell(1).value, unitSheet.getRow(3).getCell(1).value].sort()).toEqual([w.subjects.A.code, w.subjects.D.code].sort());
  });

  it('draws completion, overdue lines, review turnaround and usage per month', async () => {
    const charts = (await w.clients.ministry.get(`/api/supervision/charts?months=3&q=${w.subjects.C.code}`)).json();
    const current = today.slice(0, 7);
    expect(charts.months).toHaveLength(3);
    expect(charts.months[2]).toBe(current);
    expect(charts.completion[2]).toEqual({ month: current, planned: 2, delivered: 1 });
    // C's data line (due 40 days ago) had nothing released by its due date; its report is waived, so never late.
    const dueMonth = day(-40).slice(0, 7);
    expect(charts.overdue.find((o: { month: string }) => o.month === dueMonth)).toEqual({ month: dueMonth, lines: 1 });
    expect(charts.overdue.reduce((sum: number, o: { lines: number }) => sum + o.lines, 0)).toBe(1);
    expect(charts.turnaround).toEqual([
      { tier: 'unit', count: 1, meanDays: 2, medianDays: 2 },
      { tier: 'platform', count: 1, meanDays: 3, medianDays: 3 },
      { tier: 'expert', count: 1, meanDays: 1, medianDays: 1 },
    ]);
    expect(charts.usage[2]).toEqual({ month: current, views: 10, downloads: 3, searchHits: 7 });
    const scoped = (await w.clients.zjSupervisor.get(`/api/supervision/charts?q=${w.subjects.C.code}`)).json();
    expect(scoped.turnaround.every((r: { count: number }) => r.count === 0)).toBe(true);
    expect(scoped.months).toHaveLength(12);
    expect((await w.clients.ministry.get('/api/supervision/charts?months=37')).statusCode).toBe(400);
  });
});

describe('supervision denials', () => {
  it('refuses PI-only users and members, and asks anonymous callers to log in', async () => {
    for (const path of ['overview', 'breakdown?by=province', 'subjects', 'export.xlsx', 'charts', 'reminders', 'reminder-settings']) {
      expect((await w.clients.member.get(`/api/supervision/${path}`)).statusCode).toBe(403);
      expect((await w.clients.piOnly.get(`/api/supervision/${path}`)).statusCode).toBe(403);
      expect((await t.anonymous().get(`/api/supervision/${path}`)).statusCode).toBe(401);
    }
    expect((await w.clients.piOnly.post('/api/supervision/reminders', { subjectCodes: [w.subjects.D.code] })).statusCode).toBe(403);
    expect((await w.clients.platformAdmin.post('/api/supervision/reminders', { subjectCodes: [w.subjects.A.code] })).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/supervision/reminders', { subjectCodes: [w.subjects.A.code] })).statusCode).toBe(401);
    expect((await w.clients.ministry.post('/api/supervision/reminders', { subjectCodes: [] })).statusCode).toBe(400);
  });
});

describe('supervision reminders', () => {
  const mailsTo = (email: string) => smtp.inbox.filter((m) => m.to.includes(email));

  it('reminds the PI and submitters once a day, refuses other regions and logs it', async () => {
    const { A, C, E } = w.subjects;
    const first = await w.clients.zjSupervisor.post('/api/supervision/reminders', { subjectCodes: [A.code, C.code, E.code, '2099XX0000000'], message: '请于月底前补交队列数据。' });
    expect(first.json()).toEqual({
      results: [
        { code: A.code, status: 'sent', recipients: 2 },
        { code: C.code, status: 'forbidden', recipients: 0 },
        { code: E.code, status: 'no_recipients', recipients: 0 },
        { code: '2099XX0000000', status: 'not_found', recipients: 0 },
      ],
    });
    await deliverOutbox(t.database.db, smtp.url);
    const [mail] = mailsTo(w.users.pi.email!);
    expect(mailsTo(w.users.pi.email!)).toHaveLength(1);
    expect(mailsTo(w.users.submitter.email!)).toHaveLength(1);
    expect(mail!.subject).toContain(`汇交提醒（已逾期）：课题甲（${A.code}）`);
    expect(mail!.text).toContain(`- 科学数据：计划 3 项，已发布 1 项，截止 ${day(-10)}（已逾期）`);
    expect(mail!.text).not.toContain('研究实验报告');
    expect(mail!.text).toContain('留言：请于月底前补交队列数据。');
    expect(mail!.text).toContain(`${t.config.publicUrl}/subjects/${A.code}`);
    expect(mail!.text.indexOf('您好')).toBeLessThan(mail!.text.indexOf('Dear'));

    const again = await w.clients.zjuAdmin.post('/api/supervision/reminders', { subjectCodes: [A.code] });
    expect(again.json().results).toEqual([{ code: A.code, status: 'already_today', recipients: 0 }]);
    await deliverOutbox(t.database.db, smtp.url);
    expect(mailsTo(w.users.pi.email!)).toHaveLength(1);

    const log = (await w.clients.zjSupervisor.get('/api/supervision/reminders')).json();
    expect(log.total).toBe(2);
    expect(log.items.map((i: { recipientName: string }) => i.recipientName).sort()).toEqual([w.users.pi.displayName, w.users.submitter.displayName].sort());
    expect(log.items[0]).toMatchObject({ subjectCode: A.code, subjectTitle: '课题甲', reason: 'manual', message: '请于月底前补交队列数据。', sentByName: w.users.zjSupervisor.displayName, day: today });
    expect((await w.clients.scSupervisor.get('/api/supervision/reminders')).json()).toEqual({ total: 0, items: [] });
    expect((await w.clients.ministry.get(`/api/supervision/reminders?subjectCode=${C.code}`)).json().total).toBe(0);
    const row = (await w.clients.zjSupervisor.get(`/api/supervision/subjects?q=${A.code}`)).json().items[0];
    expect(row.lastReminderAt).not.toBeNull();
    const audit = await t.database.db.selectFrom('auditLog').select(['action', 'objectId']).where('action', '=', 'supervision.reminded').execute();
    expect(audit).toEqual([{ action: 'supervision.reminded', objectId: A.id }]);
  });

  it('validates the schedule, which only the ministry sets', async () => {
    expect((await w.clients.zjSupervisor.get('/api/supervision/reminder-settings')).json()).toEqual({ enabled: true, beforeDays: [7, 1], afterDays: [1, 7, 30] });
    expect((await w.clients.zjSupervisor.put('/api/supervision/reminder-settings', { enabled: true, beforeDays: [7], afterDays: [10] })).statusCode).toBe(403);
    for (const bad of [{ beforeDays: [0] }, { beforeDays: [3, 3] }, { afterDays: [366] }, { afterDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }]) {
      const answer = await w.clients.ministry.put('/api/supervision/reminder-settings', { enabled: true, beforeDays: [7], afterDays: [10], ...bad });
      expect(answer.statusCode).toBe(422);
      expect(answer.json().code).toBe('supervision.bad_schedule');
    }
    expect((await w.clients.ministry.put('/api/supervision/reminder-settings', { enabled: true, beforeDays: [7], afterDays: [10, 1.5] })).statusCode).toBe(400);
    expect((await w.clients.ministry.get('/api/supervision/reminder-settings')).json().beforeDays).toEqual([7, 1]);
    const saved = await w.clients.ministry.put('/api/supervision/reminder-settings', { enabled: true, beforeDays: [7], afterDays: [13, 10] });
    expect(saved.json()).toEqual({ enabled: true, beforeDays: [7], afterDays: [10, 13] });
  });

  it('reminds on schedule before and after due dates, once per day, sharing the day with manual reminders', async () => {
    const { A, B } = w.subjects;
    const noon = new Date(Date.parse(`${today}T04:00:00Z`));
    // Today: B's publication is due in 7 days (its data is released); A's data fell due 10 days ago but A was reminded by hand today.
    expect(await t.services.supervision.remindScheduled(noon)).toBe(1);
    expect(await t.services.supervision.remindScheduled(noon)).toBe(0);
    await deliverOutbox(t.database.db, smtp.url);
    const [mailB] = mailsTo(w.users.piB.email!);
    expect(mailsTo(w.users.piB.email!)).toHaveLength(1);
    expect(mailB!.text).toContain(`- 论文论著：计划 1 项，已发布 0 项，截止 ${day(7)}`);
    expect(mailB!.text).not.toContain('科学数据');
    expect(mailB!.text).toContain('汇交平台提醒您');
    expect(mailB!.subject).toContain(`汇交提醒：课题乙（${B.code}）`);
    expect(mailsTo(w.users.pi.email!)).toHaveLength(1);

    // Tomorrow nothing falls on a scheduled day; three days on, A's line is 13 days late.
    expect(await t.services.supervision.remindScheduled(new Date(noon.getTime() + DAY))).toBe(0);
    expect(await t.services.supervision.remindScheduled(new Date(noon.getTime() + 3 * DAY))).toBe(1);
    await deliverOutbox(t.database.db, smtp.url);
    expect(mailsTo(w.users.pi.email!)).toHaveLength(2);
    expect(mailsTo(w.users.pi.email!)[1]!.text).toContain(`- 科学数据：计划 3 项，已发布 1 项，截止 ${day(-10)}（已逾期）`);

    const log = await t.database.db.selectFrom('reminders').select(['itemId', 'reason', 'day', 'sentBy']).where('reason', '<>', 'manual').orderBy('day').orderBy('itemId').execute();
    expect(log.map((r) => [r.itemId, r.reason, r.day, r.sentBy])).toEqual([
      [B.id, 'before_due', today, null],
      ...[[A.id, 'after_due', day(3), null], [A.id, 'after_due', day(3), null]].sort(),
    ]);

    await w.clients.ministry.put('/api/supervision/reminder-settings', { enabled: false, beforeDays: [7], afterDays: [10, 13] });
    expect(await t.services.supervision.remindScheduled(new Date(noon.getTime() + 3 * DAY - DAY * 0))).toBe(0);
    const later = (await w.clients.zjSupervisor.get('/api/supervision/reminders?pageSize=2&page=1')).json();
    expect(later.total).toBe(5);
    expect(later.items[0]).toMatchObject({ subjectCode: A.code, reason: 'after_due', sentByName: null, day: day(3) });
  });
});

describe('collection funding', () => {
  it('shows the newest report and flags spending with nothing released', async () => {
    const { A, D, E } = w.subjects;
    expect((await w.clients.ministry.get(`/api/subjects/${D.code}/funding`)).json()).toMatchObject({ budget: '30000.00', spent: '2000.00', flagged: true, reports: [{ amountSpent: '2000.00', note: null }] });
    const a = (await w.clients.zjSupervisor.get(`/api/subjects/${A.code}/funding`)).json();
    expect(a).toMatchObject({ budget: '100000.00', spent: '5000.50', flagged: false });
    expect(a.reports.map((r: { amountSpent: string }) => r.amountSpent)).toEqual(['5000.50', '1000.00']);

    const reported = await w.clients.ministry.put(`/api/subjects/${E.code}/funding`, { amountSpent: 1234.5, note: '采集设备租赁' });
    expect(reported.json()).toMatchObject({ budget: '20000.00', spent: '1234.50', flagged: true, reports: [{ amountSpent: '1234.50', note: '采集设备租赁', reportedByName: w.users.ministry.displayName }] });
    expect((await w.clients.ministry.get(`/api/supervision/overview?q=${E.code}`)).json().funding).toEqual({ budget: '20000.00', spent: '1234.50', flagged: 1 });
    const lead = await w.clients.zjuAdmin.put(`/api/subjects/${A.code}/funding`, { amountSpent: 0 });
    expect(lead.json()).toMatchObject({ spent: '0.00', flagged: false });
  });

  it('lets only the lead unit’s admin or the ministry report, with a valid amount', async () => {
    const { A, D } = w.subjects;
    for (const amountSpent of [-1, 1.234, 2e12]) {
      const answer = await w.clients.ministry.put(`/api/subjects/${A.code}/funding`, { amountSpent });
      expect(answer.statusCode).toBe(422);
      expect(answer.json().code).toBe('funding.bad_amount');
    }
    expect((await w.clients.ministry.put(`/api/subjects/${A.code}/funding`, { amountSpent: 1, note: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await w.clients.zjuAdmin.put(`/api/subjects/${D.code}/funding`, { amountSpent: 1 })).statusCode).toBe(403);
    expect((await w.clients.zjSupervisor.put(`/api/subjects/${A.code}/funding`, { amountSpent: 1 })).statusCode).toBe(403);
    expect((await w.clients.pi.put(`/api/subjects/${A.code}/funding`, { amountSpent: 1 })).statusCode).toBe(403);
    expect((await w.clients.member.get(`/api/subjects/${A.code}/funding`)).statusCode).toBe(403);
    expect((await w.clients.ministry.get('/api/subjects/2099XX0000000/funding')).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/subjects/${A.code}/funding`)).statusCode).toBe(401);
    const after = (await w.clients.ministry.get(`/api/subjects/${A.code}/funding`)).json();
    expect(after.reports).toHaveLength(3);
  });
});
