import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildStandard } from '../../test/standard-factory';
import { expectTenWorkingDaysAhead } from '../../test/deadlines';
import { deliverOutbox, startSmtp } from '../../test/smtp';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let platformId: string;
let unitId: string;
let unitAdmin: TestClient;
let platformAdmin: TestClient;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ SMTP_URL: smtp.url, PLAN_REVIEW_DAYS: '10' });
  const db = t.database.db;
  platformId = (await buildOrg(db, { kind: 'domain_platform' })).id;
  unitId = (await buildOrg(db)).id;
  await buildStandard(db, platformId, { status: 'approved' });
  unitAdmin = await t.login((await buildUser(db, { username: 'plan_unit_admin', email: 'unit.admin@example.cn', grants: [{ role: 'unit_admin', scopeId: unitId }] })).username);
  platformAdmin = await t.login((await buildUser(db, { grants: [{ role: 'platform_admin', scopeId: platformId }] })).username);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function subjectWithPeople() {
  const { subject } = await buildSubject(t.database.db, { platformOrgId: platformId, leadUnitId: unitId, acceptanceDate: '2027-12-31' });
  const piUser = await buildUser(t.database.db);
  const submitterUser = await buildUser(t.database.db);
  await grantSubjectRole(t.database.db, piUser.id, 'pi', subject.id);
  await grantSubjectRole(t.database.db, submitterUser.id, 'submitter', subject.id);
  return { subject, pi: await t.login(piUser.username), submitter: await t.login(submitterUser.username) };
}

const LINES = [
  { resourceType: 'data', plannedCount: 3, dueDate: '2027-06-30', sharingMode: 'open' },
  { resourceType: 'patent_standard', plannedCount: 1, dueDate: '2027-09-30', sharingMode: 'offline', notes: '发明专利一项' },
];

describe('collection plan lifecycle', () => {
  it('goes draft → unit review → returned with a line comment → fixed and resubmitted → unit and platform approve', async () => {
    const { subject, submitter } = await subjectWithPeople();
    const created = await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: LINES });
    expect(created.statusCode).toBe(201);
    const versionId = created.json().working.id;
    expect(created.json().working).toMatchObject({ status: 'draft', versionNo: 1 });

    const submitted = (await submitter.post(`/api/plan-versions/${versionId}/submit`)).json();
    expect(submitted.working).toMatchObject({ status: 'unit_review', round: 1, overdue: false });
    expectTenWorkingDaysAhead(submitted.working.stepDueAt);
    expect((await submitter.put(`/api/plan-versions/${versionId}/lines`, { lines: LINES })).json().code).toBe('plan.not_editable');

    const queue = (await unitAdmin.get('/api/review-queues/plans?tier=unit')).json().items;
    expect(queue.map((q: { versionId: string }) => q.versionId)).toContain(versionId);
    expect((await platformAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await unitAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'return' })).json().code).toBe('plan.comment_required');

    const returned = (await unitAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'return', lineComments: [{ position: 1, body: '数据集数量偏少，请按任务书调整为 5 个' }] })).json();
    expect(returned.working.status).toBe('returned');
    const seen = (await submitter.get(`/api/subjects/${subject.id}/plan`)).json();
    expect(seen.working.comments).toEqual([expect.objectContaining({ linePosition: 1, body: '数据集数量偏少，请按任务书调整为 5 个' })]);

    const fixed = [{ ...LINES[0]!, plannedCount: 5 }, LINES[1]!];
    await submitter.put(`/api/plan-versions/${versionId}/lines`, { lines: fixed });
    await submitter.post(`/api/plan-versions/${versionId}/comments`, { body: '已按意见调整', parentId: seen.working.comments[0].id });
    const resubmitted = (await submitter.post(`/api/plan-versions/${versionId}/submit`)).json();
    expect(resubmitted.working.round).toBe(2);
    expect(resubmitted.working.diff).toEqual([expect.objectContaining({ position: 1, change: 'changed', fields: [{ field: 'plannedCount', from: 3, to: 5 }] })]);
    expect(resubmitted.working.diffBase).toBe('previous_round');

    expect((await unitAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' })).json().working.status).toBe('platform_review');
    expect((await unitAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' })).statusCode).toBe(403);
    const approved = (await platformAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve', comment: '同意' })).json();
    expect(approved.working).toBeNull();
    expect(approved.approved).toMatchObject({ status: 'approved', versionNo: 1, lines: [expect.objectContaining({ plannedCount: 5 }), expect.objectContaining({ resourceType: 'patent_standard' })] });
    expect(approved.approved.decisions.map((d: { tier: string; decision: string; round: number }) => `${d.round}:${d.tier}:${d.decision}`)).toEqual(['1:unit:return', '2:unit:approve', '2:platform:approve']);
    const actions = await t.database.db.selectFrom('auditLog').select('action').where('objectId', '=', versionId).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['plan.created', 'plan.submitted', 'plan.unit_returned', 'plan.lines_updated', 'plan.commented', 'plan.submitted', 'plan.unit_approved', 'plan.platform_approved']);
  });

  it('keeps the approved plan standing while an amendment is reviewed, then supersedes it', async () => {
    const { subject, pi } = await subjectWithPeople();
    const versionId = (await pi.post(`/api/subjects/${subject.id}/plan`, { lines: LINES })).json().working.id;
    await pi.post(`/api/plan-versions/${versionId}/submit`);
    await unitAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' });
    await platformAdmin.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' });

    const amending = (await pi.post(`/api/subjects/${subject.id}/plan/amendments`, { reason: '任务书调整，新增一项标准' })).json();
    expect(amending.approved.versionNo).toBe(1);
    expect(amending.working).toMatchObject({ versionNo: 2, kind: 'amendment', amendmentReason: '任务书调整，新增一项标准', status: 'draft' });
    expect((await pi.post(`/api/subjects/${subject.id}/plan/amendments`, { reason: '再来一次' })).json().code).toBe('plan.amendment_open');
    const amendedLines = [...LINES, { resourceType: 'patent_standard', plannedCount: 1, dueDate: '2027-10-31', sharingMode: 'open' }];
    const edited = (await pi.put(`/api/plan-versions/${amending.working.id}/lines`, { lines: amendedLines })).json();
    expect(edited.working.diff).toEqual([expect.objectContaining({ position: 3, change: 'added' })]);
    expect(edited.working.diffBase).toBe('approved_version');
    await pi.post(`/api/plan-versions/${amending.working.id}/submit`);
    await unitAdmin.post(`/api/plan-versions/${amending.working.id}/decisions`, { decision: 'approve' });
    expect((await pi.get(`/api/subjects/${subject.id}/plan`)).json().approved.versionNo).toBe(1);
    const done = (await platformAdmin.post(`/api/plan-versions/${amending.working.id}/decisions`, { decision: 'approve' })).json();
    expect(done.approved).toMatchObject({ versionNo: 2, kind: 'amendment' });
    expect(done.history.map((h: { versionNo: number; status: string }) => `${h.versionNo}:${h.status}`)).toEqual(['1:superseded', '2:approved']);
  });

  it('validates lines against the platform standard and the acceptance date', async () => {
    const { subject, submitter } = await subjectWithPeople();
    const unknown = await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: [{ ...LINES[0]!, resourceType: 'instrument' }] });
    expect(unknown.json()).toMatchObject({ code: 'plan.unknown_type', details: [{ path: '/lines/0/resourceType' }] });
    const late = await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: [{ ...LINES[0]!, dueDate: '2028-03-01' }] });
    expect(late.json()).toMatchObject({ code: 'plan.due_after_acceptance', details: [{ path: '/lines/0/dueDate' }] });
    const empty = (await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: [] })).json();
    expect((await submitter.post(`/api/plan-versions/${empty.working.id}/submit`)).json().code).toBe('plan.no_lines');
    expect((await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: LINES })).json().code).toBe('plan.exists');
  });

  it('refuses reviewers outside the subject’s unit or platform, supervisors and members', async () => {
    const { subject, submitter } = await subjectWithPeople();
    const versionId = (await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: LINES })).json().working.id;
    await submitter.post(`/api/plan-versions/${versionId}/submit`);
    const otherUnit = await t.login((await buildUser(t.database.db, { grants: [{ role: 'unit_admin', scopeId: (await buildOrg(t.database.db)).id }] })).username);
    const province = await t.login((await buildUser(t.database.db, { grants: [{ role: 'province_supervisor', scopeId: (await buildOrg(t.database.db, { kind: 'province_dept' })).id }] })).username);
    const member = await t.login((await buildUser(t.database.db)).username);
    for (const client of [otherUnit, province, member, submitter]) {
      expect((await client.post(`/api/plan-versions/${versionId}/decisions`, { decision: 'approve' })).statusCode).toBe(403);
    }
    expect((await province.get(`/api/subjects/${subject.id}/plan`)).statusCode).toBe(200);
    expect((await member.get(`/api/subjects/${subject.id}/plan`)).statusCode).toBe(403);
    expect((await member.get('/api/review-queues/plans?tier=unit')).statusCode).toBe(403);
  });
});

describe('deadlines', () => {
  it('mails whoever holds an overdue step once a day, through a real SMTP listener', async () => {
    const { subject, submitter } = await subjectWithPeople();
    const versionId = (await submitter.post(`/api/subjects/${subject.id}/plan`, { lines: LINES })).json().working.id;
    await submitter.post(`/api/plan-versions/${versionId}/submit`);
    await t.database.db.updateTable('planVersions').set({ stepDueAt: new Date(Date.now() - 86_400_000) }).where('id', '=', versionId).execute();
    expect((await unitAdmin.get(`/api/subjects/${subject.id}/plan`)).json().working.overdue).toBe(true);
    expect((await unitAdmin.get('/api/subjects?overdue=true&pageSize=200')).json().items.map((s: { id: string }) => s.id)).toContain(subject.id);

    smtp.inbox.length = 0;
    expect(await t.services.plans.remindOverdue()).toBeGreaterThanOrEqual(1);
    expect(await t.services.plans.remindOverdue()).toBe(0);
    await deliverOutbox(t.database.db, smtp.url);
    const mails = smtp.inbox.filter((m) => m.to.includes('unit.admin@example.cn'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('逾期提醒');
    expect(mails[0]!.text).toContain(subject.titleZh);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await t.services.plans.remindOverdue(tomorrow)).toBeGreaterThanOrEqual(1);
  });
});
