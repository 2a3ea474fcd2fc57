import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildUser, validCreditCode } from '../../test/factories';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  await buildUser(t.database.db, { username: 'orgs_admin', grants: [{ role: 'sysadmin' }] });
  admin = await t.login('orgs_admin');
});
afterAll(() => t.close());

const countOrgs = async () => (await t.database.db.selectFrom('organisations').select('id').execute()).length;

describe('organisations', () => {
  it('ships the 34 provincial-level divisions of GB/T 2260', async () => {
    const regions = (await t.anonymous().get('/api/regions')).json().items;
    expect(regions).toHaveLength(34);
    expect(regions).toContainEqual({ code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' });
  });

  it('rejects a unit with a bad credit code check character, naming the field in zh and en, and stores nothing', async () => {
    const before = await countOrgs();
    const good = validCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await admin.post('/api/orgs', { kind: 'unit', nameZh: '校验单位', creditCode: bad });
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'org.invalid_credit_code', details: [{ path: '/creditCode', code: 'org.invalid_credit_code' }] });
    expect(zh.json().message).toContain('统一社会信用代码');
    const en = await admin.withLang('en').post('/api/orgs', { kind: 'unit', nameZh: '校验单位', creditCode: bad });
    expect(en.json().details[0].message).toContain('credit code');
    expect(await countOrgs()).toBe(before);

    const created = await admin.post('/api/orgs', { kind: 'unit', nameZh: '校验单位', nameEn: 'Checked Unit', creditCode: good.toLowerCase(), regionCode: '330000' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'unit', creditCode: good, regionCode: '330000' });
  });

  it('requires a credit code for units and a region for provincial departments', async () => {
    expect((await admin.post('/api/orgs', { kind: 'unit', nameZh: '无代码单位' })).json().code).toBe('org.credit_code_required');
    const province = await admin.post('/api/orgs', { kind: 'province_dept', nameZh: '某省科技厅' });
    expect(province.json()).toMatchObject({ code: 'org.region_required', details: [{ path: '/regionCode' }] });
    expect((await admin.post('/api/orgs', { kind: 'province_dept', nameZh: '某省科技厅', regionCode: '990000' })).json().code).toBe('org.region_unknown');
  });

  it('refuses a credit code already used by another organisation', async () => {
    const existing = await buildOrg(t.database.db);
    const response = await admin.post('/api/orgs', { kind: 'unit', nameZh: '重复代码单位', creditCode: existing.creditCode });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain(existing.nameZh);
  });

  it('lists every failing field of a malformed request at once', async () => {
    const response = await admin.withLang('en').post('/api/orgs', { kind: 'planet', nameZh: '', extra: 1 });
    expect(response.statusCode).toBe(400);
    const paths = response.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/kind', '/nameZh', '/']));
    expect(response.json().details.every((d: { message: string }) => d.message.length > 0)).toBe(true);
  });

  it('keeps the tree sound: kinds under allowed parents and no cycles', async () => {
    const ministry = await buildOrg(t.database.db, { kind: 'ministry' });
    const centre = (await admin.post('/api/orgs', { kind: 'centre', nameZh: '平台中心', parentId: ministry.id })).json();
    expect((await admin.post('/api/orgs', { kind: 'ministry', nameZh: '下级部委', parentId: centre.id })).json().code).toBe('org.parent_invalid');
    const parent = await buildOrg(t.database.db);
    const child = (await admin.post('/api/orgs', { kind: 'unit', nameZh: '二级学院', parentId: parent.id, creditCode: validCreditCode() })).json();
    const cycle = await admin.patch(`/api/orgs/${parent.id}`, { parentId: child.id });
    expect(cycle.json()).toMatchObject({ code: 'org.parent_cycle', details: [{ path: '/parentId' }] });
  });

  it('updates with an audit entry holding before and after', async () => {
    const org = await buildOrg(t.database.db);
    const response = await admin.patch(`/api/orgs/${org.id}`, { nameEn: 'Renamed Institute' });
    expect(response.json().nameEn).toBe('Renamed Institute');
    const entry = await t.database.db.selectFrom('auditLog').selectAll().where('objectId', '=', org.id).where('action', '=', 'org.updated').executeTakeFirstOrThrow();
    expect(entry.actorLabel).toBe('orgs_admin');
    expect((entry.before as { nameEn: string }).nameEn).toBe(org.nameEn);
    expect((entry.after as { nameEn: string }).nameEn).toBe('Renamed Institute');
  });

  it('deletes only organisations without children or users', async () => {
    const parent = await buildOrg(t.database.db);
    await buildOrg(t.database.db, { parentId: parent.id });
    expect((await admin.delete(`/api/orgs/${parent.id}`)).statusCode).toBe(409);
    const granted = await buildOrg(t.database.db);
    await buildUser(t.database.db, { grants: [{ role: 'unit_admin', scopeId: granted.id }] });
    expect((await admin.delete(`/api/orgs/${granted.id}`)).json()).toMatchObject({ code: 'org.has_dependants', message: expect.stringContaining('授权 1') });
    const lone = await buildOrg(t.database.db);
    expect((await admin.delete(`/api/orgs/${lone.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/orgs/${lone.id}`)).statusCode).toBe(404);
  });

  it('lets every signed-in user list repositories (deposit targets) but not the rest of the tree', async () => {
    const repository = await buildOrg(t.database.db, { kind: 'repository', nameZh: '国家种质库（测试）' });
    const plain = await t.login((await buildUser(t.database.db)).username);
    expect((await plain.get('/api/orgs?kind=repository')).json().items.map((o: { id: string }) => o.id)).toContain(repository.id);
    expect((await plain.get('/api/orgs')).json().items.map((o: { id: string }) => o.id)).not.toContain(repository.id);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await admin.get('/api/orgs/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/orgs/00000000-0000-4000-8000-000000000000')).json().code).toBe('org.not_found');
  });
});
