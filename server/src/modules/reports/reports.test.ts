import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceStatus } from '../../db/schema';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildUser, registryCode } from '../../test/factories';
import { buildReviewWorld } from '../../test/review-world';
import { deliverOutbox, startSmtp } from '../../test/smtp';
import { PlansRepository } from '../plans/plans.repository';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;
let ministry: TestClient;
let sysadmin: TestClient;
let subject2: string;
let project2: { id: string; code: string };
let standardVersionId: string;
const titles: Record<string, string> = {};

const db = () => t.database.db;
const china = (at: string) => new Date(`${at}+08:00`);

async function approvePlanFor(subjectId: string, lines: Array<{ resourceType: string; plannedCount: number }>) {
  await db().transaction().execute(async (trx) => {
    const repo = new PlansRepository(trx);
    const plan = await repo.insertPlan(subjectId);
    const version = await repo.insertVersion({ planId: plan.id, versionNo: 1, kind: 'initial', amendmentReason: null, createdBy: null });
    await repo.replaceLines(version.id, lines.map((l) => ({ ...l, dueDate: '2027-06-30', sharingMode: 'open', notes: null })));
    await repo.updateVersion(version.id, { status: 'approved', approvedAt: new Date() });
    await repo.setApproved(plan.id, version.id);
  });
}

async function insertSubject(projectId: string, title: string) {
  return (await db().insertInto('subjects').values({
    projectId, code: registryCode(), titleZh: title, titleEn: null, startDate: '2024-01-01', endDate: '2027-12-31', piUserId: null,
    leadUnitId: w.leadUnit.id, regionCode: '330000', platformOrgId: w.platform.id, collectionBudget: '100000', acceptanceDate: '2027-12-31',
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A resource version as releases leave it (lineage, version, release and withdrawal instants). */
async function resource(key: string, subjectId: string, type: string, options: { lineage?: string; version?: number; releasedAt?: string; withdrawnAt?: string; status?: ResourceStatus } = {}) {
  const title = `${key} 测试资源`;
  titles[key] = title;
  const row = await db().insertInto('resources').values({
    subjectId, resourceType: type, standardVersionId, lineageId: options.lineage ?? randomUUID(), versionNo: options.version ?? 1, titleZh: title,
    status: options.status ?? 'released', sharingMode: 'open', cstr: `CSTR:39999.11.${key.toLowerCase()}${randomUUID().slice(0, 8)}`,
    releasedAt: options.releasedAt ? china(options.releasedAt) : null, withdrawnAt: options.withdrawnAt ? china(options.withdrawnAt) : null,
  }).returning(['id', 'lineageId', 'cstr']).executeTakeFirstOrThrow();
  return row;
}

async function usage(resourceId: string, month: string, views: number, downloads: number, searchHits: number, uniqueUsers: number, applications = 0) {
  await db().insertInto('usageMonthly').values({
    resourceId, month: `${month}-01`, totalItemInvestigations: views, uniqueItemInvestigations: uniqueUsers, totalItemRequests: downloads, uniqueItemRequests: downloads,
    searchHits, applicationsApproved: applications, machineInvestigations: 0, machineRequests: 0, uniqueMachineInvestigations: 0, uniqueMachineRequests: 0,
  }).execute();
}

async function reuse(resourceId: string, status: 'pending' | 'accepted' | 'rejected', reviewedAt: string | null, description: string) {
  await db().insertInto('reuseReports').values({
    resourceId, kind: 'citation', description, citation: '王某等. 队列研究. 中华流行病学杂志, 2026.', doi: '10.3760/cma.j.issn.0254-6450.2026.01.001',
    reportedBy: w.users.member.id, status, reviewedAt: reviewedAt ? china(reviewedAt) : null, reviewedBy: reviewedAt ? w.users.platformAdmin.id : null,
  }).execute();
}

async function pdfText(buffer: Buffer): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-report-')), 'report.pdf');
  fs.writeFileSync(file, buffer);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function workbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = book.getWorksheet(name)!;
    const all: unknown[][] = [];
    sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
    return all;
  };
  return { names: book.worksheets.map((s) => s.name), rows };
}

/** Orders a report and waits for the background generation the request started. */
async function order(scopeType: 'program' | 'project', code: string, periodStart = '2026-07-01', periodEnd = '2026-09-30') {
  const created = await ministry.post('/api/reports', { scopeType, code, periodStart, periodEnd });
  expect(created.statusCode).toBe(202);
  await t.services.reports.settled();
  return (await ministry.get(`/api/reports/${created.json().id}`)).json();
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildReviewWorld(t);
  const most = await buildOrg(db(), { kind: 'ministry' });
  ministry = await t.login((await buildUser(db(), { grants: [{ role: 'ministry_admin', scopeId: most.id }] })).username);
  sysadmin = await t.login((await buildUser(db(), { grants: [{ role: 'sysadmin' }] })).username);
  standardVersionId = (await db().selectFrom('standardVersions as v').innerJoin('standards as s', 's.id', 'v.standardId').select('v.id').where('s.platformOrgId', '=', w.platform.id).executeTakeFirstOrThrow()).id;

  // Program P: project J1 (subjects S1 and S2) and project J2 (subject S3). Period of interest: 2026 Q3.
  subject2 = await insertSubject(w.project.id, '第二个测试课题');
  project2 = await db().insertInto('projects').values({ programId: w.program.id, code: registryCode(), titleZh: '第二个测试项目', titleEn: null, startDate: null, endDate: null }).returning(['id', 'code']).executeTakeFirstOrThrow();
  const subject3 = await insertSubject(project2.id, '第三个测试课题');
  await w.approvePlan([{ resourceType: 'data', plannedCount: 2 }, { resourceType: 'report', plannedCount: 1 }]);
  await approvePlanFor(subject2, [{ resourceType: 'data', plannedCount: 2 }]);

  const s1 = w.subject.id;
  const r1 = await resource('R1', s1, 'data', { releasedAt: '2026-03-10T09:00:00', status: 'superseded' });
  const r1b = await resource('R1B', s1, 'data', { lineage: r1.lineageId, version: 2, releasedAt: '2026-08-05T09:00:00' });
  const r2 = await resource('R2', s1, 'data', { releasedAt: '2026-07-15T09:00:00' });
  await resource('R3', s1, 'data', { releasedAt: '2026-10-05T09:00:00' });
  await resource('R4', s1, 'report', { releasedAt: '2026-05-01T09:00:00', withdrawnAt: '2026-09-01T09:00:00', status: 'withdrawn' });
  await resource('R5', s1, 'data', { releasedAt: '2026-09-30T23:30:00' });
  await resource('DRAFT', s1, 'data', { status: 'draft' });
  const r6 = await resource('R6', subject2, 'data', { releasedAt: '2026-06-30T23:59:00' });
  const r7 = await resource('R7', subject2, 'publication', { releasedAt: '2026-08-20T09:00:00' });
  const r8 = await resource('R8', subject3, 'data', { releasedAt: '2026-07-02T09:00:00' });

  await usage(r1.id, '2026-07', 10, 2, 5, 8);
  await usage(r1b.id, '2026-08', 30, 9, 12, 20, 1);
  await usage(r2.id, '2026-07', 50, 9, 20, 40);
  await usage(r2.id, '2026-09', 20, 9, 4, 15, 2);
  await usage(r6.id, '2026-06', 1000, 500, 100, 800);
  await usage(r6.id, '2026-09', 5, 1, 0, 5);
  await usage(r6.id, '2026-10', 999, 99, 9, 9);
  await usage(r8.id, '2026-08', 40, 9, 7, 30);

  await reuse(r2.id, 'accepted', '2026-08-10T10:00:00', '用于队列概况论文');
  await reuse(r7.id, 'accepted', '2026-07-01T00:00:00', '支撑地方慢病防控规划');
  await reuse(r8.id, 'accepted', '2026-10-02T10:00:00', '期后采纳');
  await reuse(r1b.id, 'pending', null, '待审核');
  await reuse(r6.id, 'rejected', '2026-08-01T10:00:00', '已拒绝');
});
afterAll(() => t.close());

describe('utilisation report content', () => {
  it('states planned vs delivered, releases, monthly use, top resources and reuse of the period in the PDF and the workbook', async () => {
    const report = await order('program', w.program.code);
    expect(report).toMatchObject({
      scopeType: 'program', scope: { code: w.program.code, titleZh: '国家重点研发计划测试专项' }, period: 'on_demand', periodStart: '2026-07-01', periodEnd: '2026-09-30',
      status: 'done', progress: 3, total: 3, error: null, files: { pdf: `/api/reports/${report.id}/pdf`, xlsx: `/api/reports/${report.id}/xlsx` },
    });
    // Planned 2+1 (S1) + 2 (S2); delivered: S1 data 3 lineages capped at 2, its report withdrawn; S2 one lineage before the period end.
    expect(report.summary).toEqual({ subjects: 3, planned: 5, delivered: 3, released: 5, views: 155, downloads: 39, searchHits: 48, uniqueUsers: 118, applications: 3, reuse: 2, meanTotal: null });

    const pdf = await ministry.get(report.files.pdf);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('国家重点研发计划测试专项 汇交与利用报告');
    expect(text).toContain('统计期间：2026-07-01 至 2026-09-30');
    expect(text).toMatch(/3\s+5\s+3\s+60\.0%/);
    expect(text).toMatch(/5\s+155\s+39\s+48/);
    expect(text).toMatch(/118\s+3\s+2\s+—/);
    expect(text).toContain('尚无已完成的评估运行');
    const top = text.slice(text.indexOf('四、下载量前十的资源'), text.indexOf('五、评估概况'));
    expect([...top.matchAll(/(R1B|R1|R2|R6|R8) 测试资源/g)].map((m) => m[1])).toEqual(['R2', 'R8', 'R1B', 'R1', 'R6']);
    expect(text).toContain('用于队列概况论文');
    expect(text).toContain('支撑地方慢病防控规划');
    expect(text).not.toContain('期后采纳');

    const book = await workbook((await ministry.get(report.files.xlsx)).rawPayload);
    expect(book.names).toEqual(['概览', '课题', '资源', '月度利用', '再利用']);
    const overview = new Map(book.rows('概览').map((r) => [r[0], r.slice(1)]));
    expect(overview.get('课题数')).toEqual([3]);
    expect(overview.get('计划汇交资源')).toEqual([5]);
    expect(overview.get('已汇交（已发布）')).toEqual([3]);
    expect(overview.get('完成率')).toEqual([0.6]);
    expect(overview.get('下载量')).toEqual([39]);
    expect(overview.get('科学数据')).toEqual([4, 3, 0.75]);
    expect(overview.get('研究实验报告')).toEqual([1, 0, 0]);
    expect(book.rows('月度利用')).toEqual([
      ['月份', '浏览量', '下载量', '检索命中', '独立访问', '获批申请'],
      ['2026-07', 60, 11, 25, 48, 0],
      ['2026-08', 70, 18, 19, 50, 1],
      ['2026-09', 25, 10, 4, 20, 2],
    ]);
    const subjects = book.rows('课题');
    expect(subjects[0]!.slice(0, 9)).toEqual(['课题编号', '课题名称', '项目编号', '承担单位', '课题负责人', '计划汇交', '已汇交', '完成率', '本期发布']);
    const s1 = subjects.find((r) => r[0] === w.subject.code)!;
    expect(s1.slice(5, 15)).toEqual([3, 2, 0.6667, 3, 110, 29, 41, 83, 3, 1]);
    const resources = book.rows('资源');
    expect(resources.slice(1).map((r) => [String(r[1]).split(' ')[0], r[6], r[7], r[8]])).toEqual([
      ['R2', '是', 70, 18], ['R8', '是', 40, 9], ['R1B', '是', 30, 9], ['R1', '否', 10, 2], ['R6', '否', 5, 1], ['R5', '是', 0, 0], ['R7', '是', 0, 0],
    ]);
    expect(book.rows('再利用').slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([['2026-07-01', '引用', '支撑地方慢病防控规划'], ['2026-08-10', '引用', '用于队列概况论文']]);
  });

  it('reports a project alone, with the evaluation of the newest done run', async () => {
    const older = await db().insertInto('evaluationRuns').values({ ruleVersion: 1, asOf: china('2026-10-01T00:00:00'), trigger: 'schedule', status: 'done', finishedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
    const newest = await db().insertInto('evaluationRuns').values({ ruleVersion: 1, asOf: china('2026-11-01T00:00:00'), trigger: 'schedule', status: 'done', finishedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('evaluationRuns').values({ ruleVersion: 1, asOf: china('2026-11-20T00:00:00'), trigger: 'manual', status: 'queued' }).execute();
    const scoreRow = (runId: string, subjectId: string, total: number, rank: number) => ({ runId, subjectId, completion: total - 10, sharing: total + 10, total, rank, inputs: '{}', components: '{}' });
    await db().insertInto('subjectScores').values([scoreRow(older.id, w.subject.id, 10, 2), scoreRow(newest.id, w.subject.id, 70.5, 1), scoreRow(newest.id, subject2, 60.25, 2)]).execute();
    await db().insertInto('rollupScores').values(['A', 'B', w.program.code].map((key, i) => ({ runId: newest.id, level: 'program' as const, key, subjects: 2, total: 90 - i * 10, rank: i + 1 }))).execute();

    const report = await order('project', w.project.code);
    expect(report).toMatchObject({ scopeType: 'project', scope: { code: w.project.code, titleZh: '测试项目' }, status: 'done', total: 2, progress: 2 });
    // (70.50 + 60.25) / 2 = 65.375, rounded half away from zero.
    expect(report.summary).toEqual({ subjects: 2, planned: 5, delivered: 3, released: 4, views: 115, downloads: 30, searchHits: 41, uniqueUsers: 88, applications: 3, reuse: 2, meanTotal: 65.38 });
    const text = await pdfText((await ministry.get(report.files.pdf)).rawPayload);
    expect(text).toContain('测试项目 汇交与利用报告');
    // Lines wrap where the page ends them: join them before reading the sentence.
    expect(text.replace(/\s*\n\s*/g, '')).toMatch(/截至 2026-11-01 的评估（规则第 1 版）：参评课题 2 个，平均完成度 55\.38，平均共享利用 75\.38，平均综合得分 65\.38。/);
    expect(text).toMatch(new RegExp(`${w.subject.code}\\s+长三角慢性病队列资源汇交课题\\s+60\\.50\\s+80\\.50\\s+70\\.50\\s+1`));

    const program = await order('program', w.program.code);
    expect(program.summary.meanTotal).toBe(65.38);
    expect((await pdfText((await ministry.get(program.files.pdf)).rawPayload)).replace(/\s*\n\s*/g, '')).toContain('在 3 个科技计划中排名第 3。');
  });
});

describe('scheduled reports', () => {
  it('queues the last complete month, quarter and year per program and project once, however often the job runs', async () => {
    expect((await ministry.get('/api/reports/settings')).json()).toEqual({ monthly: false, quarterly: true, yearly: true, projects: false });
    expect((await ministry.put('/api/reports/settings', { monthly: true, quarterly: true, yearly: true, projects: true })).json()).toEqual({ monthly: true, quarterly: true, yearly: true, projects: true });
    const closed = await db().insertInto('programs').values({ code: registryCode(), titleZh: '已结束的计划', titleEn: null, startDate: null, endDate: null, status: 'closed' }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('projects').values({ programId: closed.id, code: registryCode(), titleZh: '已结束计划的项目', titleEn: null, startDate: null, endDate: null }).execute();
    const scheduled = async (scopeId: string) => db().selectFrom('utilisationReports').select(['period', 'periodStart', 'periodEnd', 'status']).where('scopeId', '=', scopeId).where('period', '<>', 'on_demand').orderBy('periodStart').orderBy('period').execute();

    // 00:30 on 1 April in China is still 31 March in UTC: March, the first quarter and last year are complete.
    expect(await t.services.reports.runDue(new Date('2026-03-31T16:30:00Z'))).toEqual({ queued: 9, done: 9, failed: 0 });
    expect(await scheduled(w.program.id)).toEqual([
      { period: 'yearly', periodStart: '2025-01-01', periodEnd: '2025-12-31', status: 'done' },
      { period: 'quarterly', periodStart: '2026-01-01', periodEnd: '2026-03-31', status: 'done' },
      { period: 'monthly', periodStart: '2026-03-01', periodEnd: '2026-03-31', status: 'done' },
    ]);
    expect((await scheduled(project2.id)).map((r) => r.period)).toEqual(['yearly', 'quarterly', 'monthly']);
    expect(await scheduled(closed.id)).toEqual([]);
    const quarter = (await ministry.get(`/api/reports?scopeType=program&code=${w.program.code}&status=done&pageSize=200`)).json().items.find((r: { period: string }) => r.period === 'quarterly');
    expect(quarter.summary).toMatchObject({ subjects: 3, released: 1, views: 0, reuse: 0 });

    // Again in the same slot (or on another instance): nothing new.
    expect(await t.services.reports.runDue(new Date('2026-03-31T16:30:00Z'))).toEqual({ queued: 0, done: 0, failed: 0 });
    // A month later only April is new; on New Year's night December, the fourth quarter (2025's year exists already).
    expect(await t.services.reports.runDue(new Date('2026-04-30T17:00:00Z'))).toEqual({ queued: 3, done: 3, failed: 0 });
    expect(await t.services.reports.runDue(new Date('2025-12-31T16:10:00Z'))).toEqual({ queued: 6, done: 6, failed: 0 });
    expect((await scheduled(w.program.id)).map((r) => `${r.period} ${r.periodStart}..${r.periodEnd}`)).toEqual([
      'yearly 2025-01-01..2025-12-31', 'quarterly 2025-10-01..2025-12-31', 'monthly 2025-12-01..2025-12-31',
      'quarterly 2026-01-01..2026-03-31', 'monthly 2026-03-01..2026-03-31', 'monthly 2026-04-01..2026-04-30',
    ]);
    await ministry.put('/api/reports/settings', { monthly: false, quarterly: true, yearly: true, projects: false });
  });
});

describe('generation in the background', () => {
  it('shows a large program’s report moving subject batch by subject batch, from queued to done', async () => {
    await sql`CREATE TABLE report_progress_log (n serial PRIMARY KEY, report_id uuid, status text, progress integer, total integer)`.execute(db());
    await sql`CREATE FUNCTION log_report_progress() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO report_progress_log (report_id, status, progress, total) VALUES (NEW.id, NEW.status, NEW.progress, NEW.total); RETURN NEW; END $$`.execute(db());
    await sql`CREATE TRIGGER report_progress AFTER UPDATE ON utilisation_reports FOR EACH ROW EXECUTE FUNCTION log_report_progress()`.execute(db());
    const program = await db().insertInto('programs').values({ code: registryCode(), titleZh: '大型测试计划', titleEn: null, startDate: null, endDate: null }).returning(['id', 'code']).executeTakeFirstOrThrow();
    const project = await db().insertInto('projects').values({ programId: program.id, code: registryCode(), titleZh: '大型测试项目', titleEn: null, startDate: null, endDate: null }).returning('id').executeTakeFirstOrThrow();
    for (let i = 0; i < 120; i += 1) await insertSubject(project.id, `批量课题 ${i}`);

    const created = await ministry.post('/api/reports', { scopeType: 'program', code: program.code, periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    expect(created.statusCode).toBe(202);
    expect(created.json()).toMatchObject({ status: 'queued', progress: 0, total: 0, summary: null, period: 'on_demand', files: { pdf: null, xlsx: null }, requestedByName: expect.stringContaining('测试用户') });
    await t.services.reports.settled();
    const { rows } = await sql<{ status: string; progress: number; total: number }>`SELECT status, progress, total FROM report_progress_log WHERE report_id = ${created.json().id} ORDER BY n`.execute(db());
    expect(rows.map((r) => `${r.status} ${r.progress}/${r.total}`)).toEqual(['running 0/0', 'running 0/120', 'running 50/120', 'running 100/120', 'running 120/120', 'done 120/120']);
    expect((await ministry.get(`/api/reports/${created.json().id}`)).json()).toMatchObject({ status: 'done', progress: 120, total: 120, summary: { subjects: 120, planned: 0 } });
  });

  it('records a failure with its error, retakes reports abandoned while running, and serves no file before it is done', async () => {
    const insert = (values: { scopeId: string; status: 'queued' | 'running'; startedAt?: Date }) => db().insertInto('utilisationReports').values({
      scopeType: 'program', period: 'on_demand', periodStart: '2026-07-01', periodEnd: '2026-09-30', downloadKey: randomUUID().replace(/-/g, ''), requestedBy: null, ...values,
    }).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
    const broken = await insert({ scopeId: randomUUID(), status: 'queued' });
    const waiting = await insert({ scopeId: w.program.id, status: 'queued' });
    const pending = await ministry.get(`/api/reports/${waiting}/pdf`);
    expect([pending.statusCode, pending.json().code]).toEqual([409, 'report.not_ready']);
    const abandoned = await insert({ scopeId: w.program.id, status: 'running', startedAt: new Date(Date.now() - 31 * 60_000) });
    const busy = await insert({ scopeId: w.program.id, status: 'running', startedAt: new Date(Date.now() - 5 * 60_000) });
    const emptyProgram = await db().insertInto('programs').values({ code: registryCode(), titleZh: '尚无课题的计划', titleEn: null, startDate: null, endDate: null }).returning('id').executeTakeFirstOrThrow();
    const empty = await insert({ scopeId: emptyProgram.id, status: 'queued' });

    expect(await t.services.reports.processQueued()).toEqual({ done: 3, failed: 1 });
    const failed = (await ministry.get(`/api/reports/${broken}`)).json();
    expect(failed).toMatchObject({ status: 'failed', files: { pdf: null, xlsx: null }, summary: null });
    expect(failed.error).toEqual(expect.any(String));
    expect((await ministry.get(`/api/reports/${waiting}`)).json().status).toBe('done');
    expect((await ministry.get(`/api/reports/${abandoned}`)).json()).toMatchObject({ status: 'done', summary: { subjects: 3, downloads: 39 } });
    expect((await ministry.get(`/api/reports/${busy}`)).json()).toMatchObject({ status: 'running', summary: null });
    expect((await ministry.get(`/api/reports/${empty}`)).json()).toMatchObject({ status: 'done', total: 0, progress: 0, summary: { subjects: 0, planned: 0, views: 0, meanTotal: null } });
    expect(await pdfText((await ministry.get(`/api/reports/${empty}/pdf`)).rawPayload)).toContain('范围内尚无已批准的汇交计划');
    expect((await ministry.get(`/api/reports?status=failed`)).json().items.map((r: { id: string }) => r.id)).toContain(broken);
    await db().deleteFrom('utilisationReports').where('id', '=', busy).execute();
  });
});

describe('mail to program contacts', () => {
  it('mails a finished report to the program’s contacts with links that work without a session; a wrong key is a 404', async () => {
    const contacts = { items: [{ name: '专项办 张老师', email: 'zhang@most.example.cn' }, { name: 'Program Office', email: 'office@most.example.cn' }] };
    expect((await ministry.put(`/api/programs/${w.program.code}/contacts`, contacts)).json()).toEqual({ items: [contacts.items[1], contacts.items[0]] });
    expect((await ministry.get(`/api/programs/${w.program.code}/contacts`)).json().items).toHaveLength(2);

    const report = await order('project', project2.code);
    const smtp = await startSmtp();
    try {
      await deliverOutbox(db(), smtp.url);
      const mails = smtp.inbox.filter((m) => m.subject.includes('第二个测试项目 汇交与利用报告（2026-07-01 至 2026-09-30）'));
      expect(mails.map((m) => m.to).sort()).toEqual(['office@most.example.cn', 'zhang@most.example.cn']);
      const mail = mails.find((m) => m.to === 'zhang@most.example.cn')!;
      expect(mail.text.indexOf('专项办 张老师，您好')).toBeLessThan(mail.text.indexOf('Dear 专项办 张老师'));
      const links = [...mail.text.matchAll(/https?:\/\/\S+?(\/api\/reports\/[0-9a-f-]{36}\/(pdf|xlsx)\?key=([0-9a-f]{32}))/g)];
      expect(links.map((l) => l[2])).toEqual(['pdf', 'xlsx', 'pdf', 'xlsx']);
      const pdfPath = links[0]![1]!;
      const key = links[0]![3]!;
      expect(pdfPath).toContain(report.id);

      const anonymous = t.anonymous();
      const pdf = await anonymous.get(pdfPath);
      expect(pdf.statusCode).toBe(200);
      expect(await pdfText(pdf.rawPayload)).toContain('第二个测试项目 汇交与利用报告');
      const xlsx = await anonymous.get(links[1]![1]!);
      expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      expect((await workbook(xlsx.rawPayload)).rows('概览').find((r) => r[0] === '课题数')).toEqual(['课题数', 1]);
      expect((await w.clients.pi.get(pdfPath)).statusCode).toBe(200);

      const wrong = `${key.slice(0, 31)}${key.endsWith('0') ? '1' : '0'}`;
      for (const url of [`/api/reports/${report.id}/pdf?key=${wrong}`, `/api/reports/${report.id}/xlsx?key=short`, `/api/reports/${randomUUID()}/pdf?key=${key}`]) {
        const answer = await anonymous.get(url);
        expect([answer.statusCode, answer.json().code]).toEqual([404, 'report.not_found']);
      }
      expect((await w.clients.platformAdmin.get(`/api/reports/${report.id}/pdf?key=${wrong}`)).statusCode).toBe(404);
      expect((await anonymous.get(`/api/reports/${report.id}/pdf`)).statusCode).toBe(401);
      expect((await w.clients.pi.get(`/api/reports/${report.id}/pdf`)).statusCode).toBe(403);
    } finally {
      await smtp.close();
    }
  });
});

describe('validation and access', () => {
  it('refuses bad periods, unknown codes and malformed input, and changes nothing', async () => {
    const count = async () => Number((await db().selectFrom('utilisationReports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const post = (body: Record<string, unknown>) => ministry.post('/api/reports', { scopeType: 'program', code: w.program.code, periodStart: '2026-01-01', periodEnd: '2026-03-31', ...body });
    for (const [body, status, code] of [
      [{ periodStart: '2026-04-01', periodEnd: '2026-03-31' }, 422, 'report.bad_period'],
      [{ periodStart: '2021-01-01', periodEnd: '2026-01-01' }, 422, 'report.bad_period'],
      [{ code: '2099ZZZ0000000' }, 404, 'program.not_found'],
      [{ scopeType: 'project', code: '2099ZZZ0000000' }, 404, 'project.not_found'],
      [{ periodEnd: '2026-02-30' }, 400, 'request.invalid'],
      [{ scopeType: 'subject' }, 400, 'request.invalid'],
      [{ format: 'pdf' }, 400, 'request.invalid'],
    ] as const) {
      const answer = await post(body);
      expect([answer.statusCode, answer.json().code]).toEqual([status, code]);
    }
    expect(await count()).toBe(before);
    expect((await post({ periodStart: '2021-01-01', periodEnd: '2025-12-31' })).statusCode).toBe(202);
    await t.services.reports.settled();

    const contacts = (await ministry.get(`/api/programs/${w.program.code}/contacts`)).json();
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `联系人${i}`, email: `c${i}@example.cn` }));
    for (const [items, status, code] of [
      [many, 400, 'request.invalid'],
      [[{ name: '甲', email: 'not-an-email' }], 400, 'request.invalid'],
      [[{ name: ' ', email: 'a@example.cn' }], 400, 'request.invalid'],
      [[{ name: '甲', email: 'a@example.cn' }, { name: '乙', email: 'A@example.cn' }], 422, 'report.duplicate_contact'],
    ] as const) {
      const answer = await ministry.put(`/api/programs/${w.program.code}/contacts`, { items });
      expect([answer.statusCode, answer.json().code]).toEqual([status, code]);
    }
    expect((await ministry.put('/api/programs/2099ZZZ0000000/contacts', { items: [] })).json().code).toBe('program.not_found');
    expect((await ministry.get(`/api/programs/${w.program.code}/contacts`)).json()).toEqual(contacts);
    expect((await ministry.put(`/api/programs/${w.program.code}/contacts`, { items: many.slice(0, 20) })).json().items).toHaveLength(20);

    expect((await ministry.put('/api/reports/settings', { monthly: true, quarterly: true, yearly: true })).statusCode).toBe(400);
    expect((await ministry.put('/api/reports/settings', { monthly: true, quarterly: true, yearly: true, projects: false, weekly: true })).statusCode).toBe(400);
    expect((await ministry.get('/api/reports/settings')).json()).toEqual({ monthly: false, quarterly: true, yearly: true, projects: false });
    expect((await ministry.get(`/api/reports/${randomUUID()}`)).json().code).toBe('report.not_found');
    expect((await ministry.get('/api/reports/not-a-uuid')).statusCode).toBe(400);
  });

  it('lists reports with filters and pages', async () => {
    const all = (await ministry.get(`/api/reports?scopeType=project&code=${w.project.code}&pageSize=200`)).json();
    expect(all.total).toBeGreaterThan(1);
    expect(new Set(all.items.map((r: { scope: { code: string } }) => r.scope.code))).toEqual(new Set([w.project.code]));
    const second = (await ministry.get(`/api/reports?scopeType=project&code=${w.project.code}&page=2&pageSize=1`)).json();
    expect(second).toEqual({ total: all.total, items: [all.items[1]] });
    expect((await ministry.get(`/api/reports?code=${w.project.code}&scopeType=program`)).json()).toEqual({ total: 0, items: [] });
    expect((await ministry.get('/api/reports?pageSize=500')).statusCode).toBe(400);
  });

  it('keeps reports to the ministry and system administrators', async () => {
    const report = (await ministry.get('/api/reports?status=done&pageSize=1')).json().items[0];
    const calls = (client: TestClient) => [
      client.post('/api/reports', { scopeType: 'program', code: w.program.code, periodStart: '2026-01-01', periodEnd: '2026-03-31' }),
      client.get('/api/reports'),
      client.get(`/api/reports/${report.id}`),
      client.get(`/api/reports/${report.id}/xlsx`),
      client.get('/api/reports/settings'),
      client.put('/api/reports/settings', { monthly: true, quarterly: true, yearly: true, projects: true }),
      client.get(`/api/programs/${w.program.code}/contacts`),
      client.put(`/api/programs/${w.program.code}/contacts`, { items: [] }),
    ];
    for (const client of [w.clients.platformAdmin, w.clients.pi, w.clients.supervisor, w.clients.unitAdmin]) {
      expect((await Promise.all(calls(client))).map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    }
    expect((await Promise.all(calls(t.anonymous()))).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
    expect((await ministry.get('/api/reports/settings')).json()).toEqual({ monthly: false, quarterly: true, yearly: true, projects: false });
    expect((await ministry.get(`/api/programs/${w.program.code}/contacts`)).json().items).toHaveLength(20);
    expect((await sysadmin.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    expect((await sysadmin.put('/api/reports/settings', { monthly: true, quarterly: false, yearly: true, projects: false })).json()).toEqual({ monthly: true, quarterly: false, yearly: true, projects: false });
  });
});
