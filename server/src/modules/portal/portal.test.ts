import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildReviewWorld } from '../../test/review-world';
import { deliverOutbox, startSmtp } from '../../test/smtp';
import { chinaDate } from '../../platform/china-time';
import { addMonths } from '../releases/releases.service';
import { liftEmbargoes } from './embargo';
import { MailDelivery } from '../../platform/mail';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;
const modes = ['open', 'registered', 'application', 'embargo', 'offline', 'restricted'] as const;
const byMode = new Map<string, string>();
let member: TestClient;
let approvedApplicant: TestClient;
let expiredApplicant: TestClient;

async function released(title: string, sharingMode: string) {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
  const body = { sharingMode, licence: 'CC-BY-4.0', ...(sharingMode === 'embargo' ? { embargoEnd: addMonths(chinaDate(), 6) } : {}) };
  const answer = await w.clients.platformAdmin.post(`/api/resources/${id}/release`, body);
  expect(answer.statusCode).toBe(200);
  return id;
}

/** Registers through the API and follows the mailed link, as a member would. */
async function register(username: string): Promise<TestClient> {
  expect((await t.anonymous().post('/api/auth/register', { username, displayName: `成员${username}`, email: `${username}@example.org`, password: 'Member-pass-2026' })).statusCode).toBe(201);
  await deliverOutbox(t.database.db, smtp.url);
  const mail = smtp.inbox.find((m) => m.to.includes(`${username}@example.org`))!;
  const token = /verify-email\/(hjv_[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  expect((await t.anonymous().post('/api/auth/verify-email', { token })).json()).toEqual({ username });
  return t.login(username, 'Member-pass-2026');
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ SMTP_URL: smtp.url });
  w = await buildReviewWorld(t);
  for (const mode of modes) byMode.set(mode, await released(`共享方式测试：${mode}`, mode));
  member = await register('portal_member');
  approvedApplicant = await register('portal_approved');
  expiredApplicant = await register('portal_expired');
  for (const applicant of [approvedApplicant, expiredApplicant]) {
    const application = (await applicant.post(`/api/portal/resources/${byMode.get('application')}/applications`, { purpose: '慢性病风险因素研究', intendedUse: '统计分析，不对外公开原始数据', agreementAccepted: true })).json();
    await w.clients.pi.post(`/api/applications/${application.id}/decision`, { decision: 'approve' });
  }
  await t.database.db.updateTable('accessApplications').set({ expiresAt: new Date(Date.now() - 60_000) })
    .where('applicantId', '=', (await t.database.db.selectFrom('users').select('id').where('username', '=', 'portal_expired').executeTakeFirstOrThrow()).id).execute();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function probe(client: TestClient, mode: string) {
  const id = byMode.get(mode)!;
  const page = await client.get(`/api/portal/resources/${id}`);
  if (page.statusCode !== 200) return { page: page.statusCode, listing: '-', bytes: '-' };
  const files = page.json().files as Array<{ id: string }> | null;
  const fileId = files?.[0]?.id ?? (await t.database.db.selectFrom('files').select('id').where('resourceId', '=', id).executeTakeFirstOrThrow()).id;
  const bytes = await client.get(`/api/portal/resources/${id}/files/${fileId}`);
  return { page: 200, listing: files ? 'files' : 'none', bytes: bytes.statusCode === 200 ? 200 : `${bytes.statusCode} ${bytes.json().code}` };
}

describe('access by sharing mode', () => {
  it('follows the matrix of sharing mode × viewer on page, file listing and bytes', async () => {
    const viewers: Record<string, TestClient> = { anonymous: t.anonymous(), member, approved: approvedApplicant, expired: expiredApplicant, pi: w.clients.pi, platform: w.clients.platformAdmin };
    const observed: Record<string, Record<string, unknown>> = {};
    for (const mode of modes) {
      observed[mode] = {};
      for (const [who, client] of Object.entries(viewers)) observed[mode]![who] = await probe(client, mode);
    }
    const ok = { page: 200, listing: 'files', bytes: 200 };
    const refused = (bytes: string) => ({ page: 200, listing: 'files', bytes });
    const hidden = { page: 404, listing: '-', bytes: '-' };
    expect(observed).toEqual({
      open: { anonymous: ok, member: ok, approved: ok, expired: ok, pi: ok, platform: ok },
      registered: { anonymous: refused('401 access.login_required'), member: ok, approved: ok, expired: ok, pi: ok, platform: ok },
      application: {
        anonymous: refused('401 access.login_required'), member: refused('403 access.application_required'), approved: ok,
        expired: refused('403 access.application_expired'), pi: ok, platform: ok,
      },
      embargo: { anonymous: refused('403 access.embargoed'), member: refused('403 access.embargoed'), approved: refused('403 access.embargoed'), expired: refused('403 access.embargoed'), pi: ok, platform: ok },
      offline: { anonymous: { page: 200, listing: 'none', bytes: '403 access.offline' }, member: { page: 200, listing: 'none', bytes: '403 access.offline' }, approved: { page: 200, listing: 'none', bytes: '403 access.offline' }, expired: { page: 200, listing: 'none', bytes: '403 access.offline' }, pi: ok, platform: ok },
      restricted: { anonymous: hidden, member: hidden, approved: hidden, expired: hidden, pi: ok, platform: ok },
    });
  });

  it('tells the embargo date, and the daily job opens the files at that date', async () => {
    const id = byMode.get('embargo')!;
    const end = (await t.database.db.selectFrom('resources').select('embargoEnd').where('id', '=', id).executeTakeFirstOrThrow()).embargoEnd!;
    const page = (await t.anonymous().get(`/api/portal/resources/${id}`)).json();
    expect(page.access).toMatchObject({ canDownload: false, reason: 'embargo', embargoEnd: end });
    const refused = await t.anonymous().get(`/api/portal/resources/${id}/files/${page.files[0].id}`);
    expect(refused.json().message).toBe(`文件在保护期内，${end} 后开放`);
    expect(await liftEmbargoes(t.database.db, async () => undefined, addMonths(end, -1))).toBe(0);
    expect(await liftEmbargoes(t.database.db, async () => undefined, end)).toBe(1);
    expect((await t.anonymous().get(`/api/portal/resources/${id}/files/${page.files[0].id}`)).statusCode).toBe(200);
    expect((await t.anonymous().get(`/api/portal/resources/${id}`)).json()).toMatchObject({ sharingMode: 'open', access: { canDownload: true } });
  });

  it('shows the metadata by the standard’s labels, a citation, and serves byte ranges', async () => {
    const id = byMode.get('open')!;
    const page = (await t.anonymous().withLang('en').get(`/api/portal/resources/${id}`)).json();
    expect(page.fields.find((f: { key: string }) => f.key === 'titleZh')).toMatchObject({ label: { zh: '题名（中文）' }, text: '共享方式测试：open' });
    expect(page.citation.gbt7714).toContain(page.cstr);
    expect(page.cstrUrl).toBe(`https://cstr.cn/${page.cstr.slice(5)}`);
    const part = await t.anonymous().request('GET', `/api/portal/resources/${id}/files/${page.files[0].id}`, undefined, { range: 'bytes=0-2' });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('id,');
    expect((await t.anonymous().get(`/api/portal/resources/${w.subject.id}`)).statusCode).toBe(404);
  });

  it('keeps a withdrawn resource as a tombstone without files', async () => {
    const id = await released('将撤回的公开资源', 'open');
    const fileId = (await t.anonymous().get(`/api/portal/resources/${id}`)).json().files[0].id;
    await w.clients.platformAdmin.post(`/api/resources/${id}/withdraw`, { reason: '数据授权存在争议' });
    const page = (await t.anonymous().get(`/api/portal/resources/${id}`)).json();
    expect(page).toMatchObject({ status: 'withdrawn', files: null, withdrawal: { reason: '数据授权存在争议' }, access: { canDownload: false, reason: 'withdrawn' } });
    expect((await t.anonymous().get(`/api/portal/resources/${id}/files/${fileId}`)).statusCode).toBe(410);
  });
});

describe('access applications', () => {
  it('runs apply → approve with an expiry → download, and reject with a reason, mailing both sides', async () => {
    const id = byMode.get('application')!;
    const applicant = await register('portal_applicant');
    expect((await t.anonymous().post(`/api/portal/resources/${id}/applications`, { purpose: '研究', intendedUse: '分析', agreementAccepted: true })).statusCode).toBe(401);
    expect((await applicant.post(`/api/portal/resources/${id}/applications`, { purpose: '队列数据二次分析', intendedUse: '发表论文', agreementAccepted: false })).json().code).toBe('application.agreement_required');
    expect((await applicant.post(`/api/portal/resources/${byMode.get('open')}/applications`, { purpose: '队列数据二次分析', intendedUse: '发表论文', agreementAccepted: true })).json().code).toBe('application.not_applicable');
    const application = (await applicant.post(`/api/portal/resources/${id}/applications`, { purpose: '队列数据二次分析', intendedUse: '发表论文', agreementAccepted: true })).json();
    expect(application).toMatchObject({ status: 'pending', resourceTitle: '共享方式测试：application' });
    expect((await applicant.post(`/api/portal/resources/${id}/applications`, { purpose: '再次申请使用', intendedUse: '同上，统计分析', agreementAccepted: true })).json().code).toBe('application.exists');
    expect((await applicant.get(`/api/portal/resources/${id}`)).json().access).toMatchObject({ canDownload: false, reason: 'application_pending', application: { status: 'pending' } });

    const inbox = (await w.clients.pi.get('/api/applications/inbox')).json().items;
    expect(inbox[0]).toMatchObject({ id: application.id, status: 'pending' });
    expect((await w.clients.platformAdmin.get('/api/applications/inbox')).json().items.map((a: { id: string }) => a.id)).toContain(application.id);
    for (const outsider of [member, w.clients.unitAdmin, w.clients.otherPlatformAdmin, w.clients.supervisor]) {
      expect((await outsider.post(`/api/applications/${application.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    }
    expect((await member.get('/api/applications/inbox')).statusCode).toBe(403);
    expect((await w.clients.pi.post(`/api/applications/${application.id}/decision`, { decision: 'approve', expiresAt: chinaDate() })).json().code).toBe('application.bad_expiry');
    const until = addMonths(chinaDate(), 3);
    const approved = (await w.clients.pi.post(`/api/applications/${application.id}/decision`, { decision: 'approve', expiresAt: until })).json();
    expect(approved).toMatchObject({ status: 'approved', decidedBy: w.users.pi.displayName });
    expect((await w.clients.pi.post(`/api/applications/${application.id}/decision`, { decision: 'reject', reason: '改主意' })).json().code).toBe('application.decided');
    const page = (await applicant.get(`/api/portal/resources/${id}`)).json();
    expect(page.access).toMatchObject({ canDownload: true, reason: 'application_approved' });
    expect((await applicant.get(`/api/portal/resources/${id}/files/${page.files[0].id}`)).statusCode).toBe(200);
    expect((await applicant.get('/api/applications/mine')).json().items).toEqual([expect.objectContaining({ id: application.id, status: 'approved', expired: false })]);

    const other = await register('portal_rejected');
    const second = (await other.post(`/api/portal/resources/${id}/applications`, { purpose: '商业用途', intendedUse: '产品开发', agreementAccepted: true })).json();
    expect((await w.clients.platformAdmin.post(`/api/applications/${second.id}/decision`, { decision: 'reject' })).json().code).toBe('application.reason_required');
    expect((await w.clients.platformAdmin.post(`/api/applications/${second.id}/decision`, { decision: 'reject', reason: '用途超出数据使用协议范围' })).json()).toMatchObject({ status: 'rejected', reason: '用途超出数据使用协议范围' });

    await deliverOutbox(t.database.db, smtp.url);
    expect(smtp.inbox.some((m) => m.to.includes(w.users.pi.email!) && m.subject.includes('新的资源使用申请'))).toBe(true);
    expect(smtp.inbox.find((m) => m.to.includes('portal_applicant@example.org') && m.subject.includes('已批准'))!.text).toContain(until);
    expect(smtp.inbox.find((m) => m.to.includes('portal_rejected@example.org') && m.subject.includes('未获批准'))!.text).toContain('用途超出数据使用协议范围');
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('objectId', '=', id).where('action', 'like', 'application.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['application.approved', 'application.rejected', 'application.submitted']));
  });

  it('mails an offline resource’s provider a contact request', async () => {
    const id = byMode.get('offline')!;
    expect((await t.anonymous().post(`/api/portal/resources/${id}/contact-requests`, { name: '王研究员', email: 'not-an-email', message: '希望获取样本' })).statusCode).toBe(400);
    expect((await t.anonymous().post(`/api/portal/resources/${id}/contact-requests`, { name: '王研究员', email: 'wang@example.org', message: '希望获取部分血清样本用于验证研究' })).statusCode).toBe(201);
    await deliverOutbox(t.database.db, smtp.url);
    expect(smtp.inbox.find((m) => m.subject.includes('线下共享资源获取请求'))!.text).toContain('wang@example.org');
  });
});

describe('member registration', () => {
  it('sends the verification mail before a backlog of notices', async () => {
    await deliverOutbox(t.database.db, smtp.url);
    await t.database.db.insertInto('mailOutbox').values(Array.from({ length: 60 }, (_, i) => ({ toAddress: `backlog${i}@example.org`, subject: '积压通知', body: '…', kind: 'resource.decision' }))).execute();
    await t.anonymous().post('/api/auth/register', { username: 'urgent_member', displayName: '急用', email: 'urgent@example.org', password: 'Member-pass-2026' });
    const received = smtp.inbox.length;
    const delivery = new MailDelivery(t.database.db, smtp.url);
    await delivery.deliverDue(1);
    delivery.close();
    await expect.poll(() => smtp.inbox.length).toBe(received + 1);
    expect(smtp.inbox[received]!.to).toContain('urgent@example.org');
    await deliverOutbox(t.database.db, smtp.url);
  });

  it('needs the e-mail link before login, and the link works once', async () => {
    const weak = await t.anonymous().post('/api/auth/register', { username: 'weakling', displayName: '弱', email: 'weak@example.org', password: 'short' });
    expect(weak.json().code).toBe('auth.weak_password');
    expect((await t.anonymous().post('/api/auth/register', { username: 'portal_member', displayName: '重复', email: 'dup@example.org', password: 'Member-pass-2026' })).json().code).toBe('user.username_taken');
    expect((await t.anonymous().post('/api/auth/register', { username: 'late_member', displayName: '新成员', email: 'late@example.org', password: 'Member-pass-2026' })).statusCode).toBe(201);
    const login = await t.anonymous().post('/api/auth/login', { login: 'late_member', password: 'Member-pass-2026' });
    expect(login.json().code).toBe('auth.email_unverified');
    await deliverOutbox(t.database.db, smtp.url);
    const token = /verify-email\/(hjv_[A-Za-z0-9_-]+)/.exec(smtp.inbox.find((m) => m.to.includes('late@example.org'))!.text)![1]!;
    expect((await t.anonymous().post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    expect((await t.anonymous().post('/api/auth/verify-email', { token })).json().code).toBe('auth.verification_invalid');
    expect((await t.anonymous().post('/api/auth/login', { login: 'late_member', password: 'Member-pass-2026' })).statusCode).toBe(200);
  });
});
