import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { buildOrg, buildUser } from '../../test/factories';
import { buildReviewWorld } from '../../test/review-world';
import { startSmtp, deliverOutbox } from '../../test/smtp';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildReviewWorld(t);
});
afterAll(() => t.close());

async function released(title: string, sharingMode = 'open') {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
  const answer = await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode, licence: 'CC-BY-4.0' });
  if (answer.statusCode !== 200) throw new Error(`release failed: ${answer.body}`);
  return id;
}

const citation = { kind: 'citation', description: '在《中华流行病学杂志》论文中使用了该队列数据', citation: '刘洋, 等. 浙江成人慢性病队列基线特征[J]. 中华流行病学杂志, 2026, 47(3): 1-8.', doi: '10.3760/cma.j.cn112338-20260101-00001', url: 'https://doi.org/10.3760/cma.j.cn112338-20260101-00001' };

describe('reported reuse', () => {
  it('takes a report from a logged-in user, shows it to its reporter, and lets the platform accept it once; the reporter is mailed', async () => {
    const resourceId = await released('再利用测试数据集');
    expect((await t.anonymous().post(`/api/resources/${resourceId}/reuse`, citation)).statusCode).toBe(401);
    expect((await w.clients.member.post(`/api/resources/${resourceId}/reuse`, { ...citation, doi: 'doi:10.1/x' })).statusCode).toBe(400);
    expect((await w.clients.member.post(`/api/resources/${resourceId}/reuse`, { ...citation, url: 'ftp://example.cn/x' })).statusCode).toBe(400);
    expect((await w.clients.member.post(`/api/resources/${resourceId}/reuse`, { ...citation, kind: 'praise' })).statusCode).toBe(400);
    expect((await w.clients.member.post(`/api/resources/${resourceId}/reuse`, { ...citation, description: '' })).statusCode).toBe(400);

    const created = await w.clients.member.post(`/api/resources/${resourceId}/reuse`, citation);
    expect(created.statusCode).toBe(201);
    const report = created.json();
    expect(report).toMatchObject({ resourceId, resourceTitle: '再利用测试数据集', kind: 'citation', doi: citation.doi, url: citation.url, citation: citation.citation, status: 'pending', reportedByName: w.users.member.displayName, reviewedAt: null });
    expect(report.cstr).toMatch(/^CSTR:/);

    expect((await t.anonymous().get(`/api/resources/${resourceId}/reuse`)).json().items).toEqual([]);
    expect((await w.clients.member.get(`/api/resources/${resourceId}/reuse`)).json().items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await w.clients.pi.get(`/api/resources/${resourceId}/reuse`)).json().items).toEqual([]);

    expect((await w.clients.platformAdmin.get('/api/reuse?status=pending')).json()).toMatchObject({ total: 1, items: [{ id: report.id }] });
    expect((await w.clients.otherPlatformAdmin.get('/api/reuse')).json()).toEqual({ total: 0, items: [] });
    expect((await w.clients.member.get('/api/reuse')).statusCode).toBe(403);
    expect((await w.clients.pi.get('/api/reuse')).statusCode).toBe(403);
    const ministry = await buildUser(t.database.db, { grants: [{ role: 'ministry_admin', scopeId: (await buildOrg(t.database.db, { kind: 'ministry' })).id }] });
    expect((await (await t.login(ministry.username)).get('/api/reuse')).json().total).toBe(1);

    expect((await w.clients.otherPlatformAdmin.post(`/api/reuse/${report.id}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await w.clients.member.post(`/api/reuse/${report.id}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await w.clients.platformAdmin.post(`/api/reuse/${report.id}/decision`, { decision: 'maybe' })).statusCode).toBe(400);
    const accepted = await w.clients.platformAdmin.post(`/api/reuse/${report.id}/decision`, { decision: 'accept', note: '已核实论文引用' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewedByName: w.users.platformAdmin.displayName, reviewNote: '已核实论文引用' });
    const again = await w.clients.platformAdmin.post(`/api/reuse/${report.id}/decision`, { decision: 'reject' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'reuse.already_decided', message: '该再利用报告已审核' });
    expect((await w.clients.platformAdmin.post('/api/reuse/00000000-0000-4000-8000-000000000000/decision', { decision: 'accept' })).json().code).toBe('reuse.not_found');

    expect((await t.anonymous().get(`/api/resources/${resourceId}/reuse`)).json().items).toMatchObject([{ id: report.id, status: 'accepted' }]);
    const audit = await t.database.db.selectFrom('auditLog').select('action').where('objectId', '=', resourceId).where('action', 'like', 'reuse.%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['reuse.reported', 'reuse.accepted']);

    const smtp = await startSmtp();
    try {
      await deliverOutbox(t.database.db, smtp.url);
      const mail = smtp.inbox.find((m) => m.to.includes(w.users.member.email!));
      expect(mail?.subject).toBe('【汇交平台】再利用报告已确认 / Reuse report accepted');
      expect(mail?.text).toContain('您报告的资源“再利用测试数据集”的引用已由平台确认，将计入该资源的共享绩效。');
      expect(mail?.text).toContain('说明：已核实论文引用');
    } finally {
      await smtp.close();
    }
  });

  it('answers 404 for resources that are not publicly listed', async () => {
    const draft = (await w.clients.pi.post(`/api/subjects/${w.subject.id}/resources`, { resourceType: 'data' })).json().id as string;
    expect((await w.clients.member.post(`/api/resources/${draft}/reuse`, citation)).json()).toMatchObject({ code: 'portal.not_found' });
    expect((await t.anonymous().get(`/api/resources/${draft}/reuse`)).statusCode).toBe(404);
    const restricted = await released('受限共享数据集', 'restricted');
    expect((await w.clients.member.post(`/api/resources/${restricted}/reuse`, citation)).statusCode).toBe(404);
    // The provider sees the restricted page but it is not listed: no reuse reports either.
    expect((await w.clients.pi.post(`/api/resources/${restricted}/reuse`, citation)).statusCode).toBe(404);
    expect((await w.clients.member.post('/api/resources/00000000-0000-4000-8000-000000000000/reuse', citation)).statusCode).toBe(404);
  });
});
