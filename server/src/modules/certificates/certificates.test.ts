import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient, type TestApp } from '../../test/build-app';
import { buildReviewWorld } from '../../test/review-world';
import { buildUser } from '../../test/factories';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildReviewWorld(t);
});
afterAll(() => t.close());

async function release(title: string) {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
  const answer = (await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode: 'open', licence: 'CC-BY-4.0' })).json();
  return answer.release.cstr as string;
}

describe('collection certificate and acceptance gate', () => {
  it('issues the certificate only when every plan line is fulfilled, and anyone can verify it', async () => {
    const { clients, subject } = w;
    const token = (await (await t.login((await buildUser(t.database.db, { grants: [{ role: 'ministry_admin', scopeId: (await t.database.db.insertInto('organisations').values({ kind: 'ministry', nameZh: '科学技术部（测试）', nameEn: 'MOST' }).returning('id').executeTakeFirstOrThrow()).id }] })).username))
      .post('/api/auth/tokens', { name: '项目管理系统', readOnly: true })).json().token as string;
    const programSystem = new TestClient(t.server, { bearer: token });

    const before = (await programSystem.get(`/api/subjects/${subject.code}/acceptance-status`)).json();
    expect(before).toMatchObject({ subjectCode: subject.code, complete: false, missing: ['汇交计划尚未批准'], certificate: null });

    await w.approvePlan([{ resourceType: 'data', plannedCount: 2 }, { resourceType: 'report', plannedCount: 1 }]);
    const cstr = await release('证书测试数据集一');
    await w.submitted('仍在审核的数据集');
    const partial = (await programSystem.get(`/api/subjects/${subject.code}/acceptance-status`)).json();
    expect(partial).toMatchObject({
      complete: false, openReviews: 1,
      lines: [{ resourceType: 'data', planned: 2, delivered: 1, waived: false, missing: 1 }, { resourceType: 'report', planned: 1, delivered: 0, waived: false, missing: 1 }],
    });
    expect(partial.missing).toEqual(['科学数据：还差 1 项（计划 2，已发布 1）', '研究实验报告：还差 1 项（计划 1，已发布 0）']);
    expect((await clients.platformAdmin.post(`/api/subjects/${subject.id}/certificate`)).json().code).toBe('certificate.incomplete');
    expect((await clients.platformAdmin.get(`/api/subjects/${subject.id}/certificate-status`)).json().can).toEqual({ issue: false, waive: true });

    expect((await clients.unitAdmin.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'report', reason: '课题未形成独立报告' })).statusCode).toBe(403);
    expect((await clients.pi.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'report', reason: '课题未形成独立报告' })).statusCode).toBe(403);
    expect((await clients.platformAdmin.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'physical', reason: '无此类资源' })).json().code).toBe('certificate.unknown_line');
    const waived = (await clients.platformAdmin.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'report', reason: '研究报告并入论文发表，经平台同意豁免' })).json();
    expect(waived.lines.find((l: { resourceType: string }) => l.resourceType === 'report')).toMatchObject({ fulfilled: true, waiver: { reason: '研究报告并入论文发表，经平台同意豁免' } });
    expect((await clients.platformAdmin.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'report', reason: '再次' })).json().code).toBe('certificate.already_waived');
    const cstr2 = await release('证书测试数据集二');

    expect((await clients.unitAdmin.post(`/api/subjects/${subject.id}/certificate`)).statusCode).toBe(403);
    expect((await clients.otherPlatformAdmin.post(`/api/subjects/${subject.id}/certificate`)).statusCode).toBe(403);
    expect((await programSystem.post(`/api/subjects/${subject.id}/certificate`)).statusCode).toBe(403);
    const issued = await clients.platformAdmin.post(`/api/subjects/${subject.id}/certificate`);
    expect(issued.statusCode).toBe(201);
    const certificate = issued.json().certificate;
    expect(certificate.number).toMatch(/^HJPZ-\d{4}-\d{6}$/);
    expect(certificate.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect((await clients.platformAdmin.post(`/api/subjects/${subject.id}/certificate`)).json().code).toBe('certificate.exists');

    const pdf = await clients.pi.get(`/api/subjects/${subject.id}/certificate.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-cert-')), 'certificate.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(subject.code);
    expect(text).toContain('长三角慢性病队列资源汇交课题');
    expect(text).toContain('国家科技计划资源汇交凭证');
    expect(text).toContain(cstr);
    expect(text).toContain(cstr2);
    expect(text).toContain(certificate.code);
    expect((await clients.member.get(`/api/subjects/${subject.id}/certificate.pdf`)).statusCode).toBe(403);

    const verified = await t.anonymous().get(`/api/verify/${certificate.code}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ number: certificate.number, subjectCode: subject.code, subjectTitle: '长三角慢性病队列资源汇交课题', piName: w.users.pi.displayName });
    expect(verified.json().lines.find((l: { resourceType: string }) => l.resourceType === 'data').cstrs.sort()).toEqual([cstr, cstr2].sort());
    expect((await t.anonymous().get(`/api/verify/${certificate.code.toLowerCase()}`)).statusCode).toBe(200);
    const forged = `${certificate.code.slice(0, -1)}${certificate.code.endsWith('A') ? 'B' : 'A'}`;
    expect((await t.anonymous().get(`/api/verify/${forged}`)).json()).toMatchObject({ code: 'certificate.not_found', message: '未找到该汇交凭证，凭证号或校验码无效' });
    expect((await t.anonymous().get('/api/verify/not-a-code')).statusCode).toBe(404);

    const after = (await programSystem.get(`/api/subjects/${subject.code}/acceptance-status`)).json();
    expect(after).toMatchObject({ complete: true, missing: [], certificate: { number: certificate.number, verifyUrl: `${t.config.publicUrl}/verify/${certificate.code}` } });
    expect((await t.anonymous().get(`/api/subjects/${subject.code}/acceptance-status`)).statusCode).toBe(401);
    expect((await w.clients.member.get(`/api/subjects/${subject.code}/acceptance-status`)).statusCode).toBe(403);
    expect((await programSystem.get('/api/subjects/2099YFZ0000000/acceptance-status')).statusCode).toBe(404);
    expect((await clients.platformAdmin.post(`/api/subjects/${subject.id}/waivers`, { resourceType: 'data', reason: '已签发后' })).json().code).toMatch(/certificate\.(exists|line_fulfilled)/);
  });
});
