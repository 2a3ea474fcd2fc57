import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { buildReviewWorld } from '../../test/review-world';
import { validCoreRecord } from '../../test/standard-factory';
import { chinaDate } from '../../platform/china-time';
import { addMonths } from './releases.service';
import { CSTR_PATTERN } from './cstr';
import { NationalRegistrar } from './registrar';
import { RegistrationsService } from './registrations.service';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;

beforeAll(async () => {
  t = await buildTestApp({ CSTR_RA_CODE: '31253' });
  w = await buildReviewWorld(t);
});
afterAll(() => t.close());

/** A submitted resource taken to `approved` the way the chain ends (the chain itself is tested in reviews). */
async function approved(title: string) {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved', stepDueAt: null }).where('id', '=', id).execute();
  return id;
}

const OPEN = { sharingMode: 'open', licence: 'CC-BY-4.0' };

describe('release', () => {
  it('mints a CSTR of the GB/T 32843 pattern, locks the resource and queues its registration', async () => {
    const id = await approved('发布测试数据集');
    expect((await w.clients.pi.post(`/api/resources/${id}/release`, OPEN)).statusCode).toBe(403);
    expect((await w.clients.unitAdmin.post(`/api/resources/${id}/release`, OPEN)).statusCode).toBe(403);
    expect((await w.clients.otherPlatformAdmin.post(`/api/resources/${id}/release`, OPEN)).statusCode).toBe(403);
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { ...OPEN, licence: 'WTFPL' })).json().code).toBe('release.unknown_licence');
    const released = (await w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN)).json();
    expect(released).toMatchObject({ status: 'released', editable: false, release: { sharingMode: 'open', licence: 'CC-BY-4.0', embargoEnd: null } });
    const match = CSTR_PATTERN.exec(released.release.cstr)!;
    expect(match[1]).toBe('31253');
    expect(match[2]).toBe('11');
    expect(released.release.cstrUrl).toBe(`https://cstr.cn/${released.release.cstr.slice(5)}`);
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN)).json().code).toBe('review.wrong_status');
    expect((await w.clients.pi.put(`/api/resources/${id}/metadata`, { metadata: validCoreRecord() })).statusCode).toBe(409);
    const [registration] = await t.database.db.selectFrom('cstrRegistrations').selectAll().where('resourceId', '=', id).execute();
    expect(registration).toMatchObject({ cstr: released.release.cstr, registrar: 'local', status: 'pending' });
    await t.services.registrations.run();
    expect((await t.database.db.selectFrom('cstrRegistrations').select('status').where('resourceId', '=', id).executeTakeFirstOrThrow()).status).toBe('registered');
  });

  it('checks the embargo: an end date, after today, beyond 12 months only with a reason', async () => {
    const id = await approved('保护期测试数据集');
    const today = chinaDate();
    const release = (body: object) => w.clients.platformAdmin.post(`/api/resources/${id}/release`, { ...OPEN, ...body });
    expect((await release({ sharingMode: 'embargo' })).json().code).toBe('release.embargo_end_required');
    expect((await release({ sharingMode: 'embargo', embargoEnd: today })).json().code).toBe('release.embargo_past');
    expect((await release({ sharingMode: 'open', embargoEnd: addMonths(today, 3) })).json().code).toBe('release.embargo_not_applicable');
    const far = addMonths(today, 18);
    const refused = await release({ sharingMode: 'embargo', embargoEnd: far });
    expect(refused.json()).toMatchObject({ code: 'release.embargo_reason_required', details: [{ path: '/embargoReason' }] });
    const done = (await release({ sharingMode: 'embargo', embargoEnd: far, embargoReason: '专利申请期间暂不公开' })).json();
    expect(done.release).toMatchObject({ sharingMode: 'embargo', embargoEnd: far });
  });

  it('never hands out a CSTR twice, also when many releases run at once', async () => {
    const ids = [];
    for (let i = 0; i < 8; i += 1) ids.push(await approved(`并发发布数据集 ${i}`));
    const answers = await Promise.all(ids.map((id) => w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN)));
    const cstrs = answers.map((a) => a.json().release.cstr as string);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(new Set(cstrs).size).toBe(8);
    const all = await t.database.db.selectFrom('resources').select('cstr').where('cstr', 'is not', null).execute();
    expect(new Set(all.map((r) => r.cstr!.toLowerCase())).size).toBe(all.length);
  });

  it('gates a physical resource on the repository’s confirmed receipt', async () => {
    const id = await w.submitted('实物样本', 'physical');
    await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode: 'offline', licence: 'platform-agreement' })).json().code).toBe('release.deposit_unconfirmed');
  });
});

describe('versions and withdrawal', () => {
  it('releases a new version with its own CSTR and keeps the old one citable as superseded', async () => {
    const id = await approved('多版本数据集');
    const v1 = (await w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN)).json();
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/versions`)).statusCode).toBe(403);
    const v2 = await w.clients.pi.post(`/api/resources/${id}/versions`);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ status: 'draft', versionNo: 2, lineageId: v1.lineageId, editable: true, files: [expect.objectContaining({ path: 'data/baseline.csv', sha256: v1.files[0].sha256 })] });
    expect((await w.clients.pi.post(`/api/resources/${id}/versions`)).json().code).toBe('release.version_open');
    const v2id = v2.json().id;
    await w.clients.pi.put(`/api/resources/${v2id}/metadata`, { metadata: { ...v1.metadata, titleZh: '多版本数据集（修订版）' } });
    expect((await w.clients.pi.post(`/api/resources/${v2id}/submit`)).json().status).toBe('unit_review');
    await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', v2id).execute();
    const released = (await w.clients.platformAdmin.post(`/api/resources/${v2id}/release`, OPEN)).json();
    expect(released.release.cstr).toBe(`${v1.release.cstr}.v2`);
    const old = (await w.clients.pi.get(`/api/resources/${id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', release: { cstr: v1.release.cstr } });
    expect(old.versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`)).toEqual(['1:superseded', '2:released']);
    expect((await w.clients.pi.post(`/api/resources/${id}/versions`)).json().code).toBe('review.wrong_status');
  });

  it('withdraws with a reason, keeping the description and removing the files', async () => {
    const id = await approved('将被撤回的数据集');
    await w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN);
    expect((await w.clients.pi.post(`/api/resources/${id}/withdraw`, { reason: '数据存在隐私问题' })).statusCode).toBe(403);
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/withdraw`, { reason: '  ' })).statusCode).toBe(400);
    const withdrawn = (await w.clients.platformAdmin.post(`/api/resources/${id}/withdraw`, { reason: '数据存在隐私问题' })).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', titleZh: '将被撤回的数据集', files: [], release: { withdrawalReason: '数据存在隐私问题' } });
    expect(withdrawn.release.withdrawnAt).not.toBeNull();
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/withdraw`, { reason: '再次' })).json().code).toBe('review.wrong_status');
  });
});

describe('registration with the national registry', () => {
  it('leaves the release done when the registry is down, and registers on a later try', async () => {
    let failing = 2;
    const seen: Array<{ method: string; url: string; auth: string | undefined; body: string }> = [];
    let polls = 0;
    const registry = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); }).on('end', () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
        if (failing > 0) {
          failing -= 1;
          res.writeHead(503).end('maintenance');
          return;
        }
        res.setHeader('content-type', 'application/json');
        if (req.method === 'POST') res.end(JSON.stringify({ taskId: 'task-1' }));
        else res.end(JSON.stringify(polls++ === 0 ? { status: 'processing' } : { status: 'finished', failed: [] }));
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/api/v1`;
    try {
      const service = new RegistrationsService(t.database.db, t.config, new NationalRegistrar(url, 'secret-token'));
      await t.services.registrations.run(); // the local registrar registers what earlier tests queued
      const id = await approved('国家登记测试数据集');
      const released = await w.clients.platformAdmin.post(`/api/resources/${id}/release`, OPEN);
      expect(released.json().status).toBe('released');
      const row = () => t.database.db.selectFrom('cstrRegistrations').selectAll().where('resourceId', '=', id).executeTakeFirstOrThrow();

      let now = new Date();
      expect(await service.run(now)).toMatchObject({ submitted: 0, failed: 1 });
      expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('503') });
      expect(await service.run(now)).toMatchObject({ submitted: 0, failed: 0 }); // waits for its back-off
      now = new Date(now.getTime() + 61_000);
      expect(await service.run(now)).toMatchObject({ failed: 1 });
      now = new Date(now.getTime() + 121_000);
      expect(await service.run(now)).toMatchObject({ submitted: 1, registered: 0 });
      expect(await row()).toMatchObject({ status: 'submitted', taskId: 'task-1' });
      expect(await service.run(now)).toMatchObject({ registered: 1 });
      expect(await row()).toMatchObject({ status: 'registered' });
      expect(seen.every((s) => s.auth === 'Bearer secret-token')).toBe(true);
      expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /api/v1/registrations', 'POST /api/v1/registrations', 'POST /api/v1/registrations', 'GET /api/v1/tasks/task-1', 'GET /api/v1/tasks/task-1']);
      expect(JSON.parse(seen.filter((s) => s.method === 'POST').pop()!.body).records[0]).toMatchObject({ cstr: released.json().release.cstr, title: '国家登记测试数据集' });
    } finally {
      registry.close();
    }
  });
});
