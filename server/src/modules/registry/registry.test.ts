import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient, type TestApp } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole, validCreditCode } from '../../test/factories';
import { deliverOutbox, startSmtp } from '../../test/smtp';
import { IMPORT_COLUMNS } from './registry-import';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let manager: TestClient;
let units: Array<{ id: string; creditCode: string }>;
let platformName: string;
let platformId: string;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://huijiao.example.cn' });
  const db = t.database.db;
  await buildUser(db, { username: 'registry_ministry', grants: [{ role: 'ministry_admin', scopeId: (await buildOrg(db, { kind: 'ministry' })).id }] });
  manager = await t.login('registry_ministry');
  units = [];
  for (let i = 0; i < 3; i += 1) {
    const unit = await buildOrg(db);
    units.push({ id: unit.id, creditCode: unit.creditCode! });
  }
  const platform = await buildOrg(db, { kind: 'domain_platform', nameZh: '国家人口健康科学数据中心（测试）' });
  platformName = platform.nameZh;
  platformId = platform.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const deliver = () => deliverOutbox(t.database.db, smtp.url);

function csv(rows: Array<Record<string, string>>): string {
  const header = IMPORT_COLUMNS.map((c) => c.zh).join(',');
  const lines = rows.map((row) => IMPORT_COLUMNS.map((c) => `"${(row[c.key] ?? '').replace(/"/g, '""')}"`).join(','));
  return [header, ...lines].join('\n');
}

function row(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    program_code: '2021YFC2500000', program_title: '国家重点研发计划“常见多发病防治研究”重点专项',
    project_code: `2021YFC25${String(100 + Math.floor(n / 10)).padStart(3, '0')}00`, project_title: `项目${Math.floor(n / 10)}`,
    subject_code: `2021YFC25${String(100 + Math.floor(n / 10)).padStart(3, '0')}${String(n % 100).padStart(2, '0')}`,
    subject_title: `慢性病队列研究课题${n}`, start_date: '2021-12-01', end_date: '2025-11-30',
    pi_name: `负责人${n}`, pi_email: `pi${n}@example.cn`, lead_unit_code: units[n % 2]!.creditCode, co_unit_codes: units[2]!.creditCode,
    region_code: '330000', platform: platformName, collection_budget: '150000', acceptance_date: '2025-12-31',
    ...overrides,
  };
}

async function importCsv(body: string | Buffer, dryRun: boolean, client = manager) {
  return client.request('POST', `/api/registry/import?dryRun=${dryRun}`, typeof body === 'string' ? Buffer.from(body) : body, { 'content-type': 'text/csv' });
}

describe('registry import', () => {
  it('dry run reports every problem by row and column and imports nothing', async () => {
    const file = csv([
      row(1),
      row(2, { lead_unit_code: validCreditCode() }),
      row(3, { subject_code: row(1).subject_code! }),
      row(4, { start_date: '2021-02-30' }),
      row(5, { pi_email: 'not-an-email' }),
    ]);
    const response = (await importCsv(file, true)).json();
    expect(response.ok).toBe(false);
    expect(response.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '3:牵头承担单位统一社会信用代码', '4:课题编号', '5:开始日期', '6:负责人邮箱',
    ]);
    expect(response.problems[0].message).toContain('未找到信用代码');
    expect(await t.database.db.selectFrom('subjects').select('id').execute()).toHaveLength(0);
    const commit = await importCsv(file, false);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().code).toBe('import.invalid');
    expect(await t.database.db.selectFrom('subjects').select('id').execute()).toHaveLength(0);
  });

  it('imports idempotently: the same file twice changes nothing the second time', async () => {
    const file = csv([row(10), row(11), row(12)]);
    const dry = (await importCsv(file, true)).json();
    expect(dry.summary.subjects).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const first = (await importCsv(file, false)).json();
    expect(first).toMatchObject({ ok: true, summary: { programs: { created: 1 }, projects: { created: 1 }, subjects: { created: 3, updated: 0, unchanged: 0 }, invitedPeople: 3 } });
    const snapshot = await t.database.db.selectFrom('subjects').selectAll().orderBy('code').execute();
    const second = (await importCsv(file, false)).json();
    expect(second.summary).toMatchObject({ programs: { created: 0, updated: 0, unchanged: 1 }, subjects: { created: 0, updated: 0, unchanged: 3 }, invitedPeople: 0 });
    expect(await t.database.db.selectFrom('subjects').selectAll().orderBy('code').execute()).toEqual(snapshot);
    const changed = (await importCsv(csv([row(10, { subject_title: '改名后的课题' }), row(11), row(12)]), false)).json();
    expect(changed.summary.subjects).toEqual({ created: 0, updated: 1, unchanged: 2 });
  });

  it('reads GB18030 CSV as Chinese offices export it', async () => {
    const file = iconv.encode(csv([row(20, { subject_title: '农田土壤碳汇监测数据汇交课题' })]), 'gb18030');
    const result = (await importCsv(file, false)).json();
    expect(result.summary.subjects.created).toBe(1);
    const subject = await t.database.db.selectFrom('subjects').select('titleZh').where('code', '=', row(20).subject_code!).executeTakeFirstOrThrow();
    expect(subject.titleZh).toBe('农田土壤碳汇监测数据汇交课题');
  });

  it('imports 5 000 subjects in one file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(1000 + i, {
      project_code: `2022YFD${String(1000 + Math.floor(i / 50)).padStart(4, '0')}00`,
      subject_code: `2022YFD${String(1000 + Math.floor(i / 50)).padStart(4, '0')}${String(i % 50).padStart(2, '0')}`,
      project_title: `农业项目${Math.floor(i / 50)}`, program_code: '2022YFD0000000', program_title: '国家重点研发计划“乡村产业共性关键技术研发与集成应用”重点专项',
      pi_email: `farm${i}@example.cn`,
    }));
    const started = Date.now();
    const result = (await importCsv(csv(rows), false)).json();
    console.info(`5 000-subject import took ${((Date.now() - started) / 1000).toFixed(1)} s on ${t.database.kind}`);
    expect(result.summary).toMatchObject({ rows: 5000, projects: { created: 100 }, subjects: { created: 5000 }, invitedPeople: 5000 });
  }, 300_000);

  it('accepts the same rows as JSON through the API and refuses non-managers', async () => {
    const dry = await manager.post('/api/registry/import/rows', { dryRun: true, rows: [row(30)] });
    expect(dry.json().summary.subjects.created).toBe(1);
    const unitAdmin = await t.login((await buildUser(t.database.db, { grants: [{ role: 'unit_admin', scopeId: units[0]!.id }] })).username);
    expect((await unitAdmin.post('/api/registry/import/rows', { dryRun: true, rows: [row(30)] })).statusCode).toBe(403);
  });
});

describe('people of a subject', () => {
  // The 5 000-subject import above queued 5 000 invitations; treat that backlog as delivered.
  beforeAll(async () => {
    await t.database.db.updateTable('mailOutbox').set({ status: 'sent', sentAt: new Date() }).where('status', '=', 'pending').execute();
  });

  it('invites a new PI by mail with a one-time link that sets the password', async () => {
    smtp.inbox.length = 0;
    await importCsv(csv([row(40, { pi_email: 'new.pi@example.cn', pi_name: '王新' })]), false);
    await deliver();
    const mail = smtp.inbox.find((m) => m.to.includes('new.pi@example.cn'))!;
    expect(mail.subject).toContain('激活');
    expect(mail.text).toContain('慢性病队列研究课题40');
    const token = /invite\/(hji_[\w-]+)/.exec(mail.text)![1]!;
    expect((await t.anonymous().get(`/api/invitations/${token}`)).json()).toMatchObject({ displayName: '王新', email: 'new.pi@example.cn' });
    expect((await t.anonymous().post(`/api/invitations/${token}/accept`, { password: 'short' })).statusCode).toBe(422);
    expect((await t.anonymous().post(`/api/invitations/${token}/accept`, { password: 'Wang-xin-2026' })).json()).toEqual({ username: 'new.pi@example.cn' });
    expect((await t.anonymous().post(`/api/invitations/${token}/accept`, { password: 'Wang-xin-2027' })).json().code).toBe('invitation.invalid');
    const pi = await t.login('new.pi@example.cn', 'Wang-xin-2026');
    expect((await pi.get('/api/my-work')).json().items.map((s: { code: string; myRole: string }) => `${s.code}:${s.myRole}`)).toEqual([`${row(40).subject_code}:pi`]);
  });

  it('lets the PI designate and revoke submitters, audited and mailed; a submitter cannot designate', async () => {
    const { subject } = await buildSubject(t.database.db, { platformOrgId: platformId });
    const piUser = await buildUser(t.database.db);
    await grantSubjectRole(t.database.db, piUser.id, 'pi', subject.id);
    const pi = await t.login(piUser.username);
    const colleague = await buildUser(t.database.db, { email: 'colleague@example.cn' });
    smtp.inbox.length = 0;
    const designated = await pi.post(`/api/subjects/${subject.id}/submitters`, { email: 'Colleague@example.cn', displayName: '同事' });
    expect(designated.statusCode).toBe(201);
    expect(designated.json()).toMatchObject({ userId: colleague.id, activated: true });
    expect((await pi.post(`/api/subjects/${subject.id}/submitters`, { email: 'colleague@example.cn', displayName: '同事' })).json().code).toBe('designation.duplicate');
    const submitter = await t.login(colleague.username);
    expect((await submitter.post(`/api/subjects/${subject.id}/submitters`, { email: 'x@example.cn', displayName: 'x' })).statusCode).toBe(403);
    expect((await pi.delete(`/api/subjects/${subject.id}/submitters/${colleague.id}`)).statusCode).toBe(204);
    expect((await submitter.get(`/api/subjects/${subject.id}`)).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('objectId', '=', subject.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['subject.submitter_designated', 'subject.submitter_revoked']);
    await deliver();
    expect(smtp.inbox.filter((m) => m.to.includes('colleague@example.cn')).map((m) => m.subject)).toHaveLength(2);
  });
});

describe('who sees which subjects', () => {
  it('scopes the registry per role and refuses everyone else', async () => {
    const db = t.database.db;
    const zhejiang = await buildOrg(db, { kind: 'province_dept', regionCode: '330000' });
    const sichuan = await buildOrg(db, { kind: 'province_dept', regionCode: '510000', nameZh: '四川省科技厅（测试）' });
    const lead = await buildOrg(db);
    const co = await buildOrg(db);
    const other = await buildOrg(db);
    const platformA = await buildOrg(db, { kind: 'domain_platform' });
    const platformB = await buildOrg(db, { kind: 'domain_platform' });
    const mine = (await buildSubject(db, { leadUnitId: lead.id, coUnitIds: [co.id], platformOrgId: platformA.id, regionCode: '330000' })).subject;
    const elsewhere = (await buildSubject(db, { leadUnitId: other.id, platformOrgId: platformB.id, regionCode: '510000' })).subject;
    const submitterUser = await buildUser(db);
    await grantSubjectRole(db, submitterUser.id, 'submitter', mine.id);
    const as = async (grants: NonNullable<Parameters<typeof buildUser>[1]>['grants']) => t.login((await buildUser(db, { grants })).username);
    const clients = {
      submitter: await t.login(submitterUser.username),
      leadUnit: await as([{ role: 'unit_admin', scopeId: lead.id }]),
      coUnit: await as([{ role: 'unit_admin', scopeId: co.id }]),
      platformA: await as([{ role: 'platform_admin', scopeId: platformA.id }]),
      zhejiang: await as([{ role: 'province_supervisor', scopeId: zhejiang.id }]),
      sichuan: await as([{ role: 'province_supervisor', scopeId: sichuan.id }]),
      ministry: manager,
      member: await as([]),
      expert: await as([{ role: 'expert', scopeId: platformA.id }]),
    };
    const sees = async (client: TestClient) => {
      // Only the factory-made subjects (2026YF…): the imports above fill Zhejiang with thousands more.
      const response = await client.get('/api/subjects?pageSize=200&q=2026YF');
      if (response.statusCode !== 200) return response.statusCode;
      const codes = response.json().items.map((s: { code: string }) => s.code);
      return [codes.includes(mine.code), codes.includes(elsewhere.code)];
    };
    expect(await sees(clients.submitter)).toEqual([true, false]);
    expect(await sees(clients.leadUnit)).toEqual([true, false]);
    expect(await sees(clients.coUnit)).toEqual([true, false]);
    expect(await sees(clients.platformA)).toEqual([true, false]);
    expect(await sees(clients.zhejiang)).toEqual([true, false]);
    expect(await sees(clients.sichuan)).toEqual([false, true]);
    expect(await sees(clients.ministry)).toEqual([true, true]);
    expect(await sees(clients.member)).toBe(403);
    expect(await sees(clients.expert)).toBe(403);
    expect((await clients.zhejiang.get(`/api/subjects/${mine.id}`)).statusCode).toBe(200);
    expect((await clients.zhejiang.patch(`/api/subjects/${mine.id}`, { titleZh: '省厅改名' })).statusCode).toBe(403);
    expect((await clients.sichuan.get(`/api/subjects/${mine.id}`)).statusCode).toBe(403);
    expect((await clients.leadUnit.patch(`/api/subjects/${mine.id}`, { collectionBudget: 180000 })).json().collectionBudget).toBe(180000);
    expect((await clients.coUnit.patch(`/api/subjects/${mine.id}`, { collectionBudget: 1 })).statusCode).toBe(403);
  });

  it('finds subjects by Chinese title and PI name', async () => {
    const { subject } = await buildSubject(t.database.db, { titleZh: '青藏高原高寒草甸生态系统观测数据汇交' });
    const found = (await manager.get(`/api/subjects?q=${encodeURIComponent('高寒草甸')}`)).json();
    expect(found.items.map((s: { id: string }) => s.id)).toEqual([subject.id]);
  });
});
