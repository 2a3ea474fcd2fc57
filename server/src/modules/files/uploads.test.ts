import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TestClient, type TestApp } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildStandard, validCoreRecord } from '../../test/standard-factory';
import { createEmptyPostgresDatabase, TEST_DATABASE_URL } from '../../test/test-database';
import { freePort, httpLogin, startServerProcess } from '../../test/server-process';

let t: TestApp;
let baseUrl: string;
let token: string;
let submitter: TestClient;
let subjectId: string;
let platformId: string;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const randomBytes = (size: number, seed: number) => {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) data[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return data;
};

beforeAll(async () => {
  t = await buildTestApp({ MAX_FILE_BYTES: String(64 * 1024 * 1024), SUBJECT_QUOTA_BYTES: String(256 * 1024 * 1024) });
  baseUrl = await t.server.listen({ port: 0, host: '127.0.0.1' });
  platformId = (await buildOrg(t.database.db, { kind: 'domain_platform' })).id;
  await buildStandard(t.database.db, platformId, { status: 'approved' });
  subjectId = (await buildSubject(t.database.db, { platformOrgId: platformId })).subject.id;
  const user = await buildUser(t.database.db);
  await grantSubjectRole(t.database.db, user.id, 'submitter', subjectId);
  submitter = await t.login(user.username);
  token = (await submitter.post('/api/auth/tokens', { name: 'uploads', expiresInDays: 1 })).json().token;
});
afterAll(() => t.close());

async function newResource(type = 'data') {
  return (await submitter.post(`/api/subjects/${subjectId}/resources`, { resourceType: type })).json();
}

/** Uploads with the real tus client, the way the web app and the CLI do. */
function upload(data: Buffer, metadata: Record<string, string>, options: Partial<tus.UploadOptions> = {}): Promise<tus.Upload> {
  return new Promise((resolve, reject) => {
    const u: tus.Upload = new tus.Upload(data, {
      endpoint: `${baseUrl}/api/uploads`,
      headers: { authorization: `Bearer ${token}` },
      metadata,
      chunkSize: 1024 * 1024,
      retryDelays: [],
      onError: reject,
      onSuccess: () => resolve(u),
      ...options,
    });
    u.start();
  });
}

const raw = (method: string, url: string, headers: Record<string, string> = {}, body?: Buffer) =>
  fetch(`${baseUrl}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', ...headers }, body: body ? new Uint8Array(body) : undefined });

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('resumable uploads (tus 1.0)', () => {
  it('uploads in chunks, hashes while streaming, and serves the bytes back with ranges and the Chinese name', async () => {
    const resource = await newResource();
    const data = randomBytes(5 * 1024 * 1024 + 123, 1);
    await upload(data, { resourceId: resource.id, filename: '队列基线数据.csv', relativePath: '原始数据/队列基线数据.csv', filetype: 'text/csv' });
    const detail = (await submitter.get(`/api/resources/${resource.id}`)).json();
    expect(detail.files).toEqual([expect.objectContaining({ path: '原始数据/队列基线数据.csv', name: '队列基线数据.csv', size: data.length, sha256: sha256(data), mediaType: 'text/csv' })]);

    const fileUrl = `/api/resources/${resource.id}/files/${detail.files[0].id}/content`;
    const whole = await submitter.get(fileUrl);
    expect(whole.statusCode).toBe(200);
    expect(sha256(whole.rawPayload)).toBe(sha256(data));
    expect(whole.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('队列基线数据.csv')}`);
    const part = await submitter.request('GET', fileUrl, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${data.length}`);
    expect(part.rawPayload.equals(data.subarray(100, 200))).toBe(true);
    const tail = await submitter.request('GET', fileUrl, undefined, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(data.subarray(data.length - 10))).toBe(true);
    const beyond = await submitter.request('GET', fileUrl, undefined, { range: `bytes=${data.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${data.length}`);
  });

  it('stores identical content once', async () => {
    const data = randomBytes(300_000, 2);
    const a = await newResource();
    const b = await newResource();
    await upload(data, { resourceId: a.id, filename: 'a.bin' });
    await upload(data, { resourceId: b.id, filename: 'b.bin' });
    const blobs = await t.database.db.selectFrom('blobs').selectAll().where('sha256', '=', sha256(data)).execute();
    expect(blobs).toHaveLength(1);
    const files = await t.database.db.selectFrom('files').select('resourceId').where('sha256', '=', sha256(data)).execute();
    expect(files.map((f) => f.resourceId).sort()).toEqual([a.id, b.id].sort());
  });

  it('rejects a chunk whose Upload-Checksum does not match, keeping the offset', async () => {
    const resource = await newResource();
    const created = await raw('POST', '/api/uploads', { 'upload-length': '10', 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64('x.txt')}` });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const chunk = Buffer.from('hello');
    const wrong = await raw('PATCH', location, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-checksum': `sha256 ${createHash('sha256').update('other').digest('base64')}` }, chunk);
    expect(wrong.status).toBe(460);
    expect((await raw('HEAD', location)).headers.get('upload-offset')).toBe('0');
    const right = await raw('PATCH', location, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-checksum': `sha256 ${createHash('sha256').update(chunk).digest('base64')}` }, chunk);
    expect(right.status).toBe(204);
    expect(right.headers.get('upload-offset')).toBe('5');
    const wrongOffset = await raw('PATCH', location, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '2' }, Buffer.from('xyz'));
    expect(wrongOffset.status).toBe(409);
  });

  it('refuses bad names, over-size, over-quota and other people’s resources, storing nothing', async () => {
    const resource = await newResource();
    const create = (filename: string, size = 10, extra: Record<string, string> = {}) =>
      raw('POST', '/api/uploads', { 'upload-length': String(size), 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64(filename)}${extra.relativePath ? `,relativePath ${b64(extra.relativePath)}` : ''}` });
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'a\u0000b.txt', 'line\nbreak.txt', 'dir/../x.txt', 'C:\\windows\\x.txt']) {
      const response = await create(bad);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).code).toBe('file.bad_name');
    }
    expect((await create('ok.txt', 10, { relativePath: 'a/../../b.txt' })).status).toBe(400);
    const tooBig = await create('big.bin', 65 * 1024 * 1024);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).code).toBe('file.too_large');
    await t.database.db.updateTable('subjects').set({ quotaBytes: 1000 }).where('id', '=', subjectId).execute();
    const overQuota = await create('quota.bin', 60 * 1024 * 1024);
    expect((await overQuota.json()).code).toBe('file.over_quota');
    await t.database.db.updateTable('subjects').set({ quotaBytes: null }).where('id', '=', subjectId).execute();

    const otherSubject = (await buildSubject(t.database.db, { platformOrgId: platformId })).subject;
    const outsider = await t.login((await buildUser(t.database.db)).username);
    const { token: outsiderToken } = (await outsider.post('/api/auth/tokens', { name: 'x', expiresInDays: 1 })).json();
    const foreign = await fetch(`${baseUrl}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${outsiderToken}`, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64('x.txt')}` } });
    expect(foreign.status).toBe(403);
    const mine = await raw('POST', '/api/uploads', { 'upload-length': '4', 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64('mine.txt')}` });
    const hijack = await fetch(`${baseUrl}${mine.headers.get('location')}`, { method: 'PATCH', headers: { authorization: `Bearer ${outsiderToken}`, 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, body: new Uint8Array(Buffer.from('evil')) });
    expect(hijack.status).toBe(404);
    expect(otherSubject.id).not.toBe(subjectId);
    expect((await submitter.get(`/api/resources/${resource.id}`)).json().files).toEqual([]);
  });

  it('expires unfinished uploads and deletes blobs nothing references', async () => {
    const resource = await newResource();
    const created = await raw('POST', '/api/uploads', { 'upload-length': '100', 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64('stale.bin')}` });
    const id = created.headers.get('location')!.split('/').pop()!;
    const data = randomBytes(1000, 9);
    await upload(data, { resourceId: resource.id, filename: 'gone.bin' });
    const file = (await submitter.get(`/api/resources/${resource.id}`)).json().files[0];
    await submitter.delete(`/api/resources/${resource.id}/files/${file.id}`);
    const later = new Date(Date.now() + 8 * 86_400_000);
    // Earlier tests leave unfinished uploads too; all of them are past their expiry a week later.
    expect((await t.services.uploads.cleanUp(later)).expired).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(t.services.uploads.store.filePath(id))).toBe(false);
    expect(await t.database.db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256(data)).execute()).toEqual([]);
    expect(await t.services.blobs.has(sha256(data))).toBe(false);
  });
});

describe('resume after the server is killed', () => {
  it('continues a tus upload from the last stored offset after SIGKILL and restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-tus-kill-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, PORT: String(await freePort()), DEMO_PASSWORD: 'Huijiao@2026' };
    if (TEST_DATABASE_URL) env.DATABASE_URL = (await createEmptyPostgresDatabase()).url;
    let server = await startServerProcess({ ...env, DEMO: 'true' });
    const piHeaders = await httpLogin(server.url, 'pi', 'Huijiao@2026');
    const work = (await (await fetch(`${server.url}/api/my-work`, { headers: piHeaders })).json()) as { items: Array<{ id: string }> };
    const resource = (await (await fetch(`${server.url}/api/subjects/${work.items[0]!.id}/resources`, { method: 'POST', headers: piHeaders, body: JSON.stringify({ resourceType: 'data' }) })).json()) as { id: string };
    const { token: piToken } = (await (await fetch(`${server.url}/api/auth/tokens`, { method: 'POST', headers: piHeaders, body: JSON.stringify({ name: 'cli', expiresInDays: 1 }) })).json()) as { token: string };

    const data = randomBytes(12 * 1024 * 1024, 5);
    let uploadUrl: string | null = null;
    const first = new tus.Upload(data, {
      endpoint: `${server.url}/api/uploads`, headers: { authorization: `Bearer ${piToken}` }, metadata: { resourceId: resource.id, filename: 'big.bin' },
      chunkSize: 512 * 1024, retryDelays: [],
      onProgress: (sent) => { if (sent > 4 * 1024 * 1024 && server.child.exitCode === null) void server.stop('SIGKILL'); },
      onError: () => undefined,
    });
    first.options.onUploadUrlAvailable = () => { uploadUrl = first.url; };
    first.start();
    await new Promise((resolve) => server.child.once('exit', resolve));
    await first.abort();
    expect(uploadUrl).not.toBeNull();

    server = await startServerProcess({ ...env, DEMO: 'true' });
    try {
      const head = await fetch(`${server.url}${new URL(uploadUrl!).pathname}`, { method: 'HEAD', headers: { authorization: `Bearer ${piToken}`, 'tus-resumable': '1.0.0' } });
      const offset = Number(head.headers.get('upload-offset'));
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThan(data.length);
      await new Promise<void>((resolve, reject) => {
        new tus.Upload(data, { uploadUrl, headers: { authorization: `Bearer ${piToken}` }, chunkSize: 512 * 1024, retryDelays: [], onError: reject, onSuccess: () => resolve() }).start();
      });
      const detail = (await (await fetch(`${server.url}/api/resources/${resource.id}`, { headers: piHeaders })).json()) as { files: Array<{ sha256: string; size: number }> };
      expect(detail.files).toEqual([expect.objectContaining({ sha256: sha256(data), size: data.length })]);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('resource description and submission', () => {
  it('autosaves incomplete drafts, refuses an invalid submission, and locks the resource once submitted', async () => {
    const resource = await newResource();
    const saved = (await submitter.put(`/api/resources/${resource.id}/metadata`, { metadata: { titleZh: '半成品' } })).json();
    expect(saved.titleZh).toBe('半成品');
    const refused = await submitter.post(`/api/resources/${resource.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.map((d: { message: string }) => d.message)).toContain('描述（中文）为必填项');
    await submitter.put(`/api/resources/${resource.id}/metadata`, { metadata: validCoreRecord({ sampleSize: 42 }) });
    expect((await submitter.post(`/api/resources/${resource.id}/submit`)).json().status).toBe('unit_review');
    const locked = await submitter.put(`/api/resources/${resource.id}/metadata`, { metadata: validCoreRecord({ sampleSize: 1 }) });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('退回修改前不能编辑');
    const late = await raw('POST', '/api/uploads', { 'upload-length': '3', 'upload-metadata': `resourceId ${b64(resource.id)},filename ${b64('late.txt')}` });
    expect(late.status).toBe(409);
  });

  it('needs a deposit before a physical resource is submitted; the repository confirms receipt', async () => {
    const repository = await buildOrg(t.database.db, { kind: 'repository' });
    const keeper = await t.login((await buildUser(t.database.db, { grants: [{ role: 'unit_admin', scopeId: repository.id }] })).username);
    const otherKeeper = await t.login((await buildUser(t.database.db, { grants: [{ role: 'unit_admin', scopeId: (await buildOrg(t.database.db, { kind: 'repository' })).id }] })).username);
    const data = await newResource();
    const deposit = { repositoryOrgId: repository.id, items: [{ name: '血清样本', quantity: 120, unit: '管' }], shippingMethod: '冷链快递', trackingNumber: 'SF1234567890', sentDate: '2026-11-20' };
    expect((await submitter.post(`/api/resources/${data.id}/deposits`, deposit)).json().code).toBe('resource.not_physical');

    const physical = await newResource('physical');
    await submitter.put(`/api/resources/${physical.id}/metadata`, { metadata: validCoreRecord({ quantity: 120 }) });
    expect((await submitter.post(`/api/resources/${physical.id}/submit`)).json().code).toBe('resource.deposit_required');
    expect((await submitter.post(`/api/resources/${physical.id}/deposits`, { ...deposit, repositoryOrgId: platformId })).json().code).toBe('deposit.not_repository');
    const recorded = (await submitter.post(`/api/resources/${physical.id}/deposits`, deposit)).json();
    const depositId = recorded.deposits[0].id;
    expect(recorded.deposits[0]).toMatchObject({ status: 'sent', trackingNumber: 'SF1234567890' });
    expect((await keeper.get('/api/deposits/inbox')).json().items.map((d: { id: string }) => d.id)).toEqual([depositId]);
    const receipt = { outcome: 'received', items: [{ name: '血清样本', quantity: 120, unit: '管' }], condition: '冷链完好，无破损', accessionNumbers: ['NCGB-2026-000123'] };
    expect((await otherKeeper.post(`/api/deposits/${depositId}/receipt`, receipt)).statusCode).toBe(403);
    expect((await submitter.post(`/api/deposits/${depositId}/receipt`, receipt)).statusCode).toBe(403);
    expect((await keeper.post(`/api/deposits/${depositId}/receipt`, receipt)).json()).toMatchObject({ status: 'received', accessionNumbers: ['NCGB-2026-000123'] });
    expect((await keeper.post(`/api/deposits/${depositId}/receipt`, receipt)).json().code).toBe('deposit.already_confirmed');
    expect((await submitter.post(`/api/resources/${physical.id}/submit`)).json().status).toBe('unit_review');
  });

  it('shows delivered against planned per type and the plan line each resource counts towards', async () => {
    const { subject } = await buildSubject(t.database.db, { platformOrgId: platformId });
    const user = await buildUser(t.database.db);
    await grantSubjectRole(t.database.db, user.id, 'pi', subject.id);
    const pi = await t.login(user.username);
    const plan = (await pi.post(`/api/subjects/${subject.id}/plan`, { lines: [{ resourceType: 'data', plannedCount: 2, dueDate: '2027-06-30', sharingMode: 'open' }, { resourceType: 'data', plannedCount: 1, dueDate: '2027-09-30', sharingMode: 'open' }] })).json();
    await t.database.db.updateTable('planVersions').set({ status: 'approved' }).where('id', '=', plan.working.id).execute();
    await t.database.db.updateTable('plans').set({ approvedVersionId: plan.working.id }).where('subjectId', '=', subject.id).execute();
    const created = [];
    for (let i = 0; i < 4; i += 1) created.push((await pi.post(`/api/subjects/${subject.id}/resources`, { resourceType: 'data' })).json());
    expect(created.map((r) => r.planLine?.position ?? null)).toEqual([1, 1, 2, null]);
    const delivery = (await pi.get(`/api/subjects/${subject.id}/delivery`)).json().items;
    expect(delivery).toEqual([{ resourceType: 'data', planned: 3, drafts: 4, inReview: 0, released: 0 }]);
  });
});
